// A small 5-field cron reader of our own, on purpose: pg-boss parses and runs the schedules
// itself at run time, so all this one has to do is reject bad expressions while a config is
// loaded (naming the field), and answer "when is this due next?" for the planner and for the
// `status` display. That is a hundred lines, not worth a dependency that could disagree with
// pg-boss's own in other ways. Everything is UTC, as pg-boss schedules are by default.
import { PortageError } from '@portage/core';

/**
 * A validated cron expression: the values each field allows, as sets.
 *
 * @example
 * const s: CronSchedule = parseCron('0 3 * * *'); // s.hours has only 3
 */
export interface CronSchedule {
  /** The expression as written (trimmed). */
  expression: string;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday (a written 7 is stored as 0). */
  daysOfWeek: ReadonlySet<number>;
  /**
   * crontab(5): when day-of-month and day-of-week are both restricted (neither starts with
   * `*`), a day matches if EITHER does; otherwise both must.
   */
  dayMatchesEither: boolean;
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  /** Index `names[i]` stands for `i + namesFrom`. */
  namesFrom?: number;
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
    namesFrom: 1,
  },
  { name: 'day-of-week', min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], namesFrom: 0 },
];

const FORMAT = 'write 5 fields "minute hour day-of-month month day-of-week", e.g. "0 3 * * *" for 03:00 UTC daily';

const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

// Longest month lengths, February counted as 29 so "29 2" stays valid (leap years).
const MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function invalid(expression: string, reason: string): PortageError {
  return new PortageError('CONFIG_INVALID', `invalid cron expression "${expression}": ${reason}`, {
    context: { value: expression, reason },
  });
}

function readValue(text: string, spec: FieldSpec, expression: string): number {
  const index = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  if (index >= 0) return index + (spec.namesFrom ?? 0);
  if (!/^\d+$/.test(text)) {
    const names = spec.names ? ` or a name (${spec.names.join(', ')})` : '';
    throw invalid(expression, `${spec.name} field: "${text}" is not a number${names}`);
  }
  const value = Number(text);
  if (value < spec.min || value > spec.max) {
    throw invalid(expression, `${spec.name} field: ${value} is out of range ${spec.min}-${spec.max}`);
  }
  return value;
}

function parseField(text: string, spec: FieldSpec, expression: string): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    if (item === '') throw invalid(expression, `${spec.name} field: empty list item in "${text}"`);
    const [range = '', stepText, extra] = item.split('/');
    if (extra !== undefined) throw invalid(expression, `${spec.name} field: "${item}" has more than one "/"`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0) {
        throw invalid(expression, `${spec.name} field: the step in "${item}" must be a whole number of 1 or more`);
      }
      step = Number(stepText);
    }
    let from: number;
    let to: number;
    if (range === '*') {
      [from, to] = [spec.min, spec.max];
    } else if (range.includes('-')) {
      const [fromText = '', toText = '', rest] = range.split('-');
      if (rest !== undefined) throw invalid(expression, `${spec.name} field: "${item}" is not a range like 1-5`);
      [from, to] = [readValue(fromText, spec, expression), readValue(toText, spec, expression)];
      if (from > to) throw invalid(expression, `${spec.name} field: range "${range}" runs backwards; write it low-high`);
    } else {
      from = readValue(range, spec, expression);
      // "5/15" means "from 5, every 15" (to the end of the field), as most crons read it.
      to = stepText === undefined ? from : spec.max;
    }
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

/**
 * Validates a 5-field cron expression (`*`, lists `1,15`, ranges `1-5`, steps `*\/15`,
 * `0-30/10`, month and weekday names) and returns the values each field allows.
 *
 * @throws PortageError CONFIG_INVALID; `context.reason` names the field and what to write.
 * @example
 * parseCron('*\/15 * * * *').minutes; // Set {0, 15, 30, 45}
 * parseCron('0 3 * * mon-fri').daysOfWeek; // Set {1, 2, 3, 4, 5}
 * parseCron('0 25 * * *'); // throws: hour field: 25 is out of range 0-23
 */
export function parseCron(expression: string): CronSchedule {
  const trimmed = expression.trim();
  const macro = MACROS[trimmed.toLowerCase()];
  if (macro !== undefined) throw invalid(expression, `macros are not supported: write "${macro}" instead`);
  const fields = trimmed.split(/\s+/).filter((field) => field !== '');
  if (fields.length === 6) {
    throw invalid(expression, `6 fields given: seconds are not supported (schedules run at minute precision); ${FORMAT}`);
  }
  if (fields.length !== 5) throw invalid(expression, `${fields.length} fields given; ${FORMAT}`);
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = FIELDS.map((spec, index) =>
    parseField(fields[index] ?? '', spec, expression),
  ) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (daysOfWeek.delete(7)) daysOfWeek.add(0);
  const dayMatchesEither = !fields[2]?.startsWith('*') && !fields[4]?.startsWith('*');

  // "0 0 31 2 *" parses but never runs; say so now rather than never scheduling anything.
  if (!dayMatchesEither && !fields[2]?.startsWith('*')) {
    const possible = [...months].some((month) => [...daysOfMonth].some((day) => day <= (MAX_DAYS[month - 1] ?? 31)));
    if (!possible) {
      throw invalid(expression, `day-of-month ${fields[2]} never occurs in month ${fields[3]}: the schedule would never run`);
    }
  }
  return { expression: trimmed, minutes, hours, daysOfMonth, months, daysOfWeek, dayMatchesEither };
}

function dayMatches(schedule: CronSchedule, date: Date): boolean {
  const dom = schedule.daysOfMonth.has(date.getUTCDate());
  const dow = schedule.daysOfWeek.has(date.getUTCDay());
  return schedule.dayMatchesEither ? dom || dow : dom && dow;
}

// Feb 29 on a schedule that also needs a weekday can be years away; past this, nothing matches.
const SEARCH_YEARS = 30;

/**
 * The first time the cron fires strictly after `after`, in UTC, at a whole minute.
 *
 * @throws PortageError CONFIG_INVALID when `cron` is not valid.
 * @example
 * nextCronTime('0 3 * * *', new Date('2026-05-01T03:00:00Z')); // 2026-05-02T03:00:00.000Z
 * nextCronTime('*\/15 * * * *', new Date('2026-05-01T10:07:30Z')); // 2026-05-01T10:15:00.000Z
 */
export function nextCronTime(cron: string | CronSchedule, after: Date): Date {
  const schedule = typeof cron === 'string' ? parseCron(cron) : cron;
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  const lastYear = t.getUTCFullYear() + SEARCH_YEARS;
  // Skip whole months, days and hours that cannot match before trying single minutes.
  while (t.getUTCFullYear() <= lastYear) {
    if (!schedule.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!dayMatches(schedule, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!schedule.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
    } else if (!schedule.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
    } else {
      return t;
    }
  }
  throw invalid(schedule.expression, `it does not fire within ${SEARCH_YEARS} years after ${after.toISOString()}`);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function only(values: ReadonlySet<number>): number | undefined {
  return values.size === 1 ? [...values][0] : undefined;
}

/**
 * A short English reading of common schedules for `status` and planner reasons; anything
 * unusual is shown as the expression itself.
 *
 * @example
 * describeCron('0 3 * * *');    // 'daily at 03:00 UTC'
 * describeCron('*\/15 * * * *'); // 'every 15 minutes'
 * describeCron('0 9 1,15 * *'); // 'cron "0 9 1,15 * *" (UTC)'
 */
export function describeCron(expression: string): string {
  const schedule = parseCron(expression);
  const [minute = '', hour = '', dom = '', month = '', dow = ''] = schedule.expression.split(/\s+/);
  const minuteValue = only(schedule.minutes);
  const hourValue = only(schedule.hours);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const everyDay = dom === '*' && month === '*' && dow === '*';
  if (everyDay && hour === '*') {
    if (minute === '*') return 'every minute';
    const step = /^\*\/(\d+)$/.exec(minute)?.[1];
    if (step !== undefined) return `every ${step} minutes`;
    if (minuteValue !== undefined) return `hourly at :${pad(minuteValue)}`;
  }
  if (minuteValue !== undefined && hourValue !== undefined && month === '*') {
    const at = `at ${pad(hourValue)}:${pad(minuteValue)} UTC`;
    if (everyDay) return `daily ${at}`;
    const weekday = only(schedule.daysOfWeek);
    if (dom === '*' && weekday !== undefined) return `weekly on ${WEEKDAYS[weekday]} ${at}`;
    const day = only(schedule.daysOfMonth);
    if (dow === '*' && day !== undefined) return `monthly on day ${day} ${at}`;
  }
  return `cron "${schedule.expression}" (UTC)`;
}
