import type { SurfaceLifecycle } from '../model.js';
import type { ValueChange } from './value-rules.js';

const STABILITY = ['draft', 'alpha', 'beta', 'stable'];
const DATE = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?$/;

/** A sunset as a timestamp; NaN when it is not an RFC 3339 date or date-time. */
export function sunsetTime(sunset: string): number {
  return DATE.test(sunset.trim()) ? Date.parse(sunset.trim()) : Number.NaN;
}

/**
 * The lifecycle rules for something that exists on both sides: its stability must not drop,
 * a promised sunset must not move earlier or disappear, and marks drift cannot read (a sunset
 * that is no date, a stability level outside draft/alpha/beta/stable) fail the check closed,
 * since whether a later removal is allowed depends on them.
 */
export function diffLifecycle(base: SurfaceLifecycle | undefined, revision: SurfaceLifecycle | undefined): ValueChange[] {
  const out: ValueChange[] = [];
  if (sameLifecycle(base, revision)) return out;
  out.push(...unreadable(base, 'base'), ...unreadable(revision, 'revision'));
  // No level declared promises nothing either way: only two declared levels compare.
  const before = STABILITY.indexOf(base?.stability ?? '');
  const after = STABILITY.indexOf(revision?.stability ?? '');
  if (before >= 0 && after >= 0 && after < before) {
    out.push({ kind: 'stability-decreased', severity: 'breaking', reason: `stability ${base?.stability} -> ${revision?.stability}` });
  }
  const a = base?.sunset === undefined ? Number.NaN : sunsetTime(base.sunset);
  const b = revision?.sunset === undefined ? Number.NaN : sunsetTime(revision.sunset);
  if (!Number.isNaN(a) && !Number.isNaN(b) && b < a) out.push({ kind: 'sunset-moved-earlier', severity: 'breaking', reason: `sunset ${base?.sunset} -> ${revision?.sunset}` });
  if (!Number.isNaN(a) && revision?.deprecated === true && revision.sunset === undefined) {
    out.push({ kind: 'sunset-removed', severity: 'breaking', reason: 'still deprecated but the promised sunset date is gone (removal could come any time)' });
  }
  return out;
}

/**
 * Whether removing something is allowed by its base lifecycle: only when it was deprecated and
 * its sunset date (if any) has passed. Undefined when removal is fine, else the change to report.
 */
export function removalRule(base: SurfaceLifecycle | undefined, now: Date): ValueChange | undefined {
  if (base?.deprecated !== true) return undefined;
  if (base.sunset === undefined) return undefined;
  const sunset = sunsetTime(base.sunset);
  if (Number.isNaN(sunset)) return { kind: 'sunset-invalid', severity: 'breaking', reason: `sunset "${base.sunset}" is not a date; cannot tell whether removal is allowed` };
  if (sunset > now.getTime()) return { kind: 'removed-before-sunset', severity: 'breaking', reason: `removed before its sunset date ${base.sunset}` };
  return undefined;
}

function unreadable(lifecycle: SurfaceLifecycle | undefined, side: string): ValueChange[] {
  const out: ValueChange[] = [];
  if (lifecycle?.sunset !== undefined && Number.isNaN(sunsetTime(lifecycle.sunset))) {
    out.push({ kind: 'sunset-invalid', severity: 'breaking', reason: `${side} sunset "${lifecycle.sunset}" is not a date` });
  }
  if (lifecycle?.stability !== undefined && !STABILITY.includes(lifecycle.stability)) {
    out.push({ kind: 'stability-invalid', severity: 'breaking', reason: `${side} stability "${lifecycle.stability}" is not draft, alpha, beta or stable` });
  }
  return out;
}

const sameLifecycle = (a: SurfaceLifecycle | undefined, b: SurfaceLifecycle | undefined) =>
  a?.deprecated === b?.deprecated && a?.sunset === b?.sunset && a?.stability === b?.stability;
