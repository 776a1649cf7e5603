import { isPortageError } from '@portage/core';
import { z } from 'zod';
import { configInvalid, joinFieldPath, zodProblems, type ConfigProblem } from './config-problems.js';
import { parseCron } from './cron.js';
import { didYouMean } from './did-you-mean.js';
import { parseDuration, type Duration } from './duration.js';
import { readYaml, type YamlSource } from './read-yaml.js';

/**
 * How far back an entity is synced: everything, or the last `duration` (as written in `text`).
 *
 * @example
 * const w: RefreshWindow = { kind: 'last', duration: { months: 3, ms: 0 }, text: '3 months' };
 */
export type RefreshWindow = { kind: 'all' } | { kind: 'last'; duration: Duration; text: string };

/**
 * One entity's resolved refresh settings (defaults applied, durations parsed).
 *
 * @example
 * const orders: EntityRefresh = {
 *   entity: 'orders', priority: 0, window: { kind: 'all' }, pageSize: 500, concurrency: 1,
 *   incremental: { every: '0 * * * *', overlapMs: 600_000 }, fullResync: { every: '0 3 * * *' },
 * };
 */
export interface EntityRefresh {
  entity: string;
  /** Position in the config's list: 0 syncs first. */
  priority: number;
  window: RefreshWindow;
  /** Records per request; absent: the connector's own page size. */
  pageSize?: number;
  /** How many entities may sync at once while this one does (1: it syncs alone). */
  concurrency: number;
  /** Modified-since reads on a cron; `overlapMs` is taken off the high-water mark. */
  incremental?: { every: string; overlapMs: number };
  /** Full passes on a cron: the only runs that notice deletions. */
  fullResync?: { every: string };
}

/**
 * A connection's resolved refresh config: its entities in priority order.
 *
 * @example
 * const config: RefreshConfig = parseRefreshConfig('entities: [{ entity: orders, window: all }]');
 */
export interface RefreshConfig {
  entities: EntityRefresh[];
  /** Write-back settings; absent: the export worker's defaults (5 requests in flight per connection). */
  exports?: ExportsRefresh;
}

/**
 * A connection's export (write-back) settings.
 *
 * @example const exports: ExportsRefresh = { concurrency: 2 };
 */
export interface ExportsRefresh {
  /** Export requests the connection may have in flight at once, across every worker. */
  concurrency?: number;
}

/**
 * What a config falls back to when neither the entity nor `defaults` says.
 *
 * @example
 * REFRESH_FALLBACKS.concurrency; // 1
 */
export const REFRESH_FALLBACKS = { concurrency: 1, overlapMs: 0 } as const;

const DURATION_HINT = 'e.g. "10 minutes", "3 months", "1 year" or an ISO 8601 duration like "PT10M"';

// Runs a parser that throws CONFIG_INVALID and turns its reason into a zod issue at this path.
function reasonOf(error: unknown): string {
  if (isPortageError(error) && typeof error.context.reason === 'string') return error.context.reason;
  throw error;
}

const windowText = z
  .string({ error: 'write how far back to sync, e.g. "3 months", "1 year", "P90D", or "all"' })
  .transform((text, ctx): RefreshWindow => {
    if (text.trim().toLowerCase() === 'all') return { kind: 'all' };
    try {
      const duration = parseDuration(text);
      if (duration.months === 0 && duration.ms === 0) {
        ctx.addIssue({ code: 'custom', message: 'a window of zero syncs nothing: write a positive duration, or "all"' });
        return z.NEVER;
      }
      return { kind: 'last', duration, text: text.trim() };
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `${reasonOf(error)}; or "all" for everything` });
      return z.NEVER;
    }
  });

const overlapText = z.string({ error: `write the overlap as a duration, ${DURATION_HINT}` }).transform((text, ctx) => {
  try {
    const duration = parseDuration(text);
    // A month has no fixed length, and an overlap is a fixed safety margin.
    if (duration.months !== 0) {
      ctx.addIssue({ code: 'custom', message: 'write the overlap in weeks, days, hours or minutes, not months or years' });
      return z.NEVER;
    }
    return duration.ms;
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: reasonOf(error) });
    return z.NEVER;
  }
});

const cronText = z.string({ error: 'write a 5-field cron expression in quotes, e.g. "0 3 * * *"' }).transform((text, ctx) => {
  try {
    return parseCron(text).expression;
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: reasonOf(error) });
    return z.NEVER;
  }
});

const pageSize = z
  .number({ error: 'write the number of records per page as a whole number, e.g. 500' })
  .int({ error: 'write the number of records per page as a whole number, e.g. 500' })
  .positive({ error: 'a page holds at least 1 record' });

const concurrency = z
  .number({ error: 'write how many entities may sync at once as a whole number, e.g. 1' })
  .int({ error: 'write how many entities may sync at once as a whole number, e.g. 1' })
  .positive({ error: 'concurrency is at least 1' });

const exportsObject = z.strictObject(
  {
    concurrency: z
      .number({ error: 'write how many export requests may be in flight at once as a whole number, e.g. 5' })
      .int({ error: 'write how many export requests may be in flight at once as a whole number, e.g. 5' })
      .positive({ error: 'export concurrency is at least 1' })
      .optional(),
  },
  { error: 'write exports as a mapping, e.g. exports: { concurrency: 5 }' },
);

const incrementalObject = z.strictObject(
  { every: cronText.optional(), overlap: overlapText.optional() },
  { error: 'write { every: "<cron>", overlap: "<duration>" }, e.g. { every: "*/15 * * * *", overlap: "5 minutes" }' },
);
const fullResyncObject = z.strictObject(
  { every: cronText },
  { error: 'write { every: "<cron>" }, e.g. { every: "0 3 * * *" }' },
);

const entityInput = z.strictObject(
  {
    entity: z.string({ error: 'write the entity name, e.g. entity: orders' }).trim().min(1, { error: 'write the entity name, e.g. entity: orders' }),
    window: windowText.optional(),
    pageSize: pageSize.optional(),
    concurrency: concurrency.optional(),
    // `false` turns off what `defaults` would switch on, e.g. for an entity without modified-since.
    incremental: z
      .union([z.literal(false), incrementalObject], {
        error: 'write { every: "<cron>", overlap: "<duration>" }, or false to turn incremental runs off for this entity',
      })
      .optional(),
    fullResync: z
      .union([z.literal(false), fullResyncObject], {
        error: 'write { every: "<cron>" }, or false to turn full resyncs off for this entity',
      })
      .optional(),
  },
  { error: 'write each entity as a mapping, e.g. - entity: orders' },
);

const defaultsInput = z.strictObject(
  {
    window: windowText.optional(),
    pageSize: pageSize.optional(),
    concurrency: concurrency.optional(),
    incremental: incrementalObject.optional(),
    fullResync: fullResyncObject.optional(),
  },
  { error: 'write defaults as a mapping, e.g. defaults: { pageSize: 500 }' },
);

/**
 * The shape of a refresh config as written (YAML, JSON or an object), before defaults are
 * applied. Unknown keys are errors, so a typo never silently turns a setting off.
 *
 * @example
 * refreshConfigInputSchema.safeParse({ entities: [{ entity: 'orders', window: '3 months' }] }).success; // true
 */
export const refreshConfigInputSchema = z.strictObject(
  {
    entities: z
      .array(entityInput, { error: 'write a list of entities, e.g. entities: [{ entity: orders, window: 3 months }]' })
      .min(1, { error: 'list at least one entity, e.g. - entity: orders' }),
    defaults: defaultsInput.optional(),
    exports: exportsObject.optional(),
  },
  { error: 'write a mapping with "entities:" (and optionally "defaults:" and "exports:")' },
);

/**
 * A refresh config as written.
 *
 * @example
 * const input: RefreshConfigInput = { entities: [{ entity: 'products', window: 'all', pageSize: 250 }] };
 */
export type RefreshConfigInput = z.input<typeof refreshConfigInputSchema>;
type ParsedInput = z.output<typeof refreshConfigInputSchema>;

// The keys each object of the config allows, for "did you mean" on unknown keys.
function allowedKeys(path: readonly PropertyKey[]): readonly string[] {
  const last = path[path.length - 1];
  if (path.length === 0) return Object.keys(refreshConfigInputSchema.shape);
  if (path.length === 1 && last === 'defaults') return Object.keys(defaultsInput.shape);
  if (path.length === 1 && last === 'exports') return Object.keys(exportsObject.shape);
  if (last === 'incremental') return Object.keys(incrementalObject.shape);
  if (last === 'fullResync') return Object.keys(fullResyncObject.shape);
  return Object.keys(entityInput.shape);
}

/**
 * Options for {@link parseRefreshConfig}.
 *
 * @example
 * const options: ParseRefreshConfigOptions = { knownEntities: ['orders', 'products'], source: 'acme.yaml' };
 */
export interface ParseRefreshConfigOptions {
  /** The connector's entity names; others are rejected, with this list in the message. */
  knownEntities?: readonly string[];
  /** The file the config came from, for messages. */
  source?: string;
}

// Unknown and repeated entity names, read from the raw list so they are reported together
// with shape problems instead of only after those are fixed.
function entityNameProblems(rawEntities: unknown, known: readonly string[] | undefined): ConfigProblem[] {
  if (!Array.isArray(rawEntities)) return [];
  const problems: ConfigProblem[] = [];
  const firstIndex = new Map<string, number>();
  rawEntities.forEach((raw: unknown, index) => {
    const name = raw !== null && typeof raw === 'object' ? (raw as { entity?: unknown }).entity : undefined;
    if (typeof name !== 'string' || name.trim() === '') return;
    const entity = name.trim();
    const path = joinFieldPath(['entities', index, 'entity']);
    if (known !== undefined && !known.includes(entity)) {
      const guess = didYouMean(entity, known);
      problems.push({
        path,
        reason: `unknown entity "${entity}":${guess === undefined ? '' : ` did you mean "${guess}"?`} this connection has ${known.join(', ')}`,
      });
    }
    const earlier = firstIndex.get(entity);
    if (earlier === undefined) firstIndex.set(entity, index);
    else problems.push({ path, reason: `"${entity}" is already listed at entities.${earlier}: list each entity once (its place in the list is its priority)` });
  });
  return problems;
}

function resolve(input: ParsedInput, problems: ConfigProblem[]): EntityRefresh[] {
  const defaults = input.defaults ?? {};
  return input.entities.map((entity, index): EntityRefresh => {
    const at = (...rest: string[]): string => joinFieldPath(['entities', index, ...rest]);

    const window = entity.window ?? defaults.window;
    if (window === undefined) {
      problems.push({ path: at('window'), reason: 'missing: write how far back to sync, e.g. window: 3 months, or window: all (or set defaults.window)' });
    }

    let incremental: EntityRefresh['incremental'];
    if (entity.incremental !== false && (entity.incremental !== undefined || defaults.incremental !== undefined)) {
      const every = entity.incremental?.every ?? defaults.incremental?.every;
      const overlapMs = entity.incremental?.overlap ?? defaults.incremental?.overlap ?? REFRESH_FALLBACKS.overlapMs;
      if (every === undefined) {
        problems.push({ path: at('incremental', 'every'), reason: 'missing: write a cron, e.g. every: "*/15 * * * *" (or set defaults.incremental.every)' });
      } else {
        incremental = { every, overlapMs };
      }
    }
    const fullResync = entity.fullResync === false ? undefined : (entity.fullResync ?? defaults.fullResync);

    return {
      entity: entity.entity,
      priority: index,
      window: window ?? { kind: 'all' },
      ...((entity.pageSize ?? defaults.pageSize) !== undefined && { pageSize: entity.pageSize ?? defaults.pageSize }),
      concurrency: entity.concurrency ?? defaults.concurrency ?? REFRESH_FALLBACKS.concurrency,
      ...(incremental && { incremental }),
      ...(fullResync && { fullResync: { every: fullResync.every } }),
    };
  });
}

/**
 * Reads a connection's refresh config from YAML or JSON text, or from an already-parsed
 * object, checks it, and resolves it: defaults applied, durations and crons parsed, each
 * entity given its priority (its place in the list).
 *
 * @throws PortageError CONFIG_INVALID listing every problem; `context.fieldPath` is the first
 * problem's path (e.g. `entities.1.window`), `context.problems` has all of them, and for text
 * input `context.line`/`column` point into it. Bad YAML gives the parser's line and column.
 * @example
 * const config = parseRefreshConfig(
 *   'entities:\n  - entity: orders\n    window: 3 months\ndefaults:\n  pageSize: 500\n',
 *   { knownEntities: ['orders', 'products'], source: 'acme.yaml' },
 * );
 * config.entities[0]; // { entity: 'orders', priority: 0, window: { kind: 'last', ... }, pageSize: 500, concurrency: 1 }
 */
export function parseRefreshConfig(input: string | unknown, options: ParseRefreshConfigOptions = {}): RefreshConfig {
  let yaml: YamlSource | undefined;
  let value = input;
  if (typeof input === 'string') {
    yaml = readYaml(input, options.source);
    value = yaml.value;
  }
  const rawEntities: unknown = Array.isArray(value) ? undefined : (value as { entities?: unknown } | null | undefined)?.entities;
  const from = {
    source: options.source,
    locate: yaml?.locate,
    // "entities.3.window [orders]" reads better than the index alone in a long list.
    label: (path: string): string | undefined => {
      const index = /^entities\.(\d+)(\.|$)/.exec(path)?.[1];
      const raw: unknown = Array.isArray(rawEntities) && index !== undefined ? rawEntities[Number(index)] : undefined;
      const named = raw !== null && typeof raw === 'object' ? (raw as { entity?: unknown }).entity : undefined;
      return typeof named === 'string' ? named : undefined;
    },
  };

  if (value === null || value === undefined) {
    throw configInvalid('refresh config', [{ path: '(root)', reason: 'the config is empty: write "entities:" with at least one entity' }], from);
  }
  const problems = entityNameProblems(rawEntities, options.knownEntities);
  const parsed = refreshConfigInputSchema.safeParse(value);
  const entities = parsed.success ? resolve(parsed.data, problems) : [];
  if (!parsed.success) problems.push(...zodProblems(parsed.error, allowedKeys));
  if (problems.length > 0) {
    // Entity by entity, rather than name checks first and shape checks after.
    problems.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
    throw configInvalid('refresh config', problems, from);
  }
  const exports = parsed.success ? parsed.data.exports : undefined;
  return { entities, ...(exports && { exports: { ...(exports.concurrency !== undefined && { concurrency: exports.concurrency }) } }) };
}
