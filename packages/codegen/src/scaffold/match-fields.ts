import type { FieldKind, FieldShape } from './field-kinds.js';
import { normalizeFieldName } from './names.js';

/** One unified field the mapping stub pre-fills from a record field. */
export interface FieldMatch {
  /** The unified field, e.g. `createdAt`. */
  unified: string;
  /** The record field, e.g. `created_at`. */
  record: string;
  /** The record value may be `null` where the unified field only allows absence: `?? undefined` bridges it. */
  nullToUndefined: boolean;
}

/** Record field kinds each unified kind accepts as they are. */
const ACCEPTS: Record<FieldKind, readonly FieldKind[]> = {
  string: ['string', 'date-time', 'date'],
  'date-time': ['date-time'],
  date: ['date'],
  integer: ['integer'],
  number: ['integer', 'number'],
  boolean: ['boolean'],
  // Enums and structured values (money, addresses, lists) need a decision by the engineer.
  enum: [],
  other: [],
};

/**
 * How a record field's value fits a unified field: `direct`, `null-to-undefined` (`?? undefined`
 * makes a nullable value fit an optional field), or undefined when it does not fit as it is.
 *
 * @example fit({ kind: 'string', optional: true, nullable: true }, { kind: 'string', optional: true, nullable: false }) // 'null-to-undefined'
 */
export function fit(unified: FieldShape, record: FieldShape): 'direct' | 'null-to-undefined' | undefined {
  if (!ACCEPTS[unified.kind].includes(record.kind)) return undefined;
  if (record.optional && !unified.optional) return undefined;
  if (record.nullable && !unified.nullable) return unified.optional ? 'null-to-undefined' : undefined;
  return 'direct';
}

/**
 * The unified fields a record field can fill as it is: same name once case and separators are
 * ignored (`created_at` -> `createdAt`) and a compatible type (string <- string, number <-
 * integer/number, boolean <- boolean, date-time `*At` fields <- date-time strings). An exact
 * spelling wins over other spellings of the same name. Everything else is left to the engineer,
 * so the type checker names exactly the required fields still missing.
 *
 * @example
 * matchFields(unifiedFields('Customer'), recordFields(refs, customerSchema))
 * // [{ unified: 'id', record: 'id', nullToUndefined: false }, { unified: 'email', record: 'email', ... }]
 */
export function matchFields(unified: ReadonlyMap<string, FieldShape>, record: ReadonlyMap<string, FieldShape>): FieldMatch[] {
  const byName = new Map<string, string[]>();
  for (const name of record.keys()) {
    const key = normalizeFieldName(name);
    byName.set(key, [...(byName.get(key) ?? []), name]);
  }
  const matches: FieldMatch[] = [];
  for (const [name, shape] of unified) {
    const candidates = [...(byName.get(normalizeFieldName(name)) ?? [])].sort((a, b) => Number(b === name) - Number(a === name));
    for (const candidate of candidates) {
      const how = fit(shape, record.get(candidate)!);
      if (how === undefined) continue;
      matches.push({ unified: name, record: candidate, nullToUndefined: how === 'null-to-undefined' });
      break;
    }
  }
  return matches;
}

/** One request body field the export stub pre-fills from a unified field. */
export interface BodyFieldMatch {
  /** The body field, e.g. `email_address`. */
  body: string;
  /** The unified field, e.g. `email`. */
  unified: string;
  /** The unified value may be `null` where the body field only allows absence: `?? undefined` bridges it. */
  nullToUndefined: boolean;
}

/** Fields of every unified record that the platform sets itself: never written back. */
const PLATFORM_SET = new Set(['id', 'createdAt', 'updatedAt']);

/**
 * The reverse of {@link matchFields}, for export stubs: the request body fields a unified field
 * can fill as it is (same name once case and separators are ignored, a compatible type), in the
 * unified schema's order. The platform's own id and timestamps and the body's `readOnly` fields
 * are left out, and so is anything that needs a decision (enums, money, addresses, lists), so
 * the type checker names exactly the required body fields still missing.
 *
 * @example
 * matchBodyFields(unifiedFields('Customer'), recordFields(refs, createBodySchema))
 * // [{ body: 'email', unified: 'email', nullToUndefined: true }, ...]
 */
export function matchBodyFields(unified: ReadonlyMap<string, FieldShape>, body: ReadonlyMap<string, FieldShape>): BodyFieldMatch[] {
  const byName = new Map<string, string[]>();
  for (const [name, shape] of body) {
    if (shape.readOnly === true) continue;
    const key = normalizeFieldName(name);
    byName.set(key, [...(byName.get(key) ?? []), name]);
  }
  const matches: BodyFieldMatch[] = [];
  for (const [name, shape] of unified) {
    if (PLATFORM_SET.has(name)) continue;
    const candidates = [...(byName.get(normalizeFieldName(name)) ?? [])].sort((a, b) => Number(b === name) - Number(a === name));
    for (const candidate of candidates) {
      const how = fit(body.get(candidate)!, shape);
      if (how === undefined) continue;
      matches.push({ body: candidate, unified: name, nullToUndefined: how === 'null-to-undefined' });
      break;
    }
  }
  return matches;
}
