import type { Surface } from '../model.js';
import type { EntityUsage, SentValue } from './connector-usage.js';
import type { DriftChange } from './drift-change.js';
import { findOperation, operationShape, placeKey, placesOfPath, recordFieldsOf, requestBodyOf, successBody } from './surface-places.js';

/** How a change reaches what a connector uses. `mapping`: a mapping no longer type-checks. */
export type ImpactVia = 'operation' | 'parameter' | 'request-body' | 'response' | 'mapping';

/** One reason a change touches one entity. */
export interface Touch {
  change: DriftChange;
  entity: string;
  via: ImpactVia;
  /** One short line: what the entity does that the change meets. */
  detail: string;
}

/** The component a change is in, on the pinned side (`A -> B` names a renamed ref). */
const baseSchema = (change: DriftChange) => (change.schema ?? '').split(' -> ')[0]!;
const isSuccess = (change: DriftChange) => change.status === undefined || /^2/.test(change.status);

function sentMatches(sent: SentValue, where: string, name: string): boolean {
  if (sent.in !== where) return false;
  // Header names are case-insensitive; `created[gte]` is the deep-object form of `created`.
  if (where === 'header') return sent.name.toLowerCase() === name.toLowerCase();
  return sent.name === name || sent.name.startsWith(`${name}[`);
}

const describeSent = (sent: SentValue) => `sends ${sent.in} ${sent.name} (${sent.purpose})`;

/** The places in the pinned surface that one entity reads or sends, computed once per entity. */
interface EntityPlaces {
  usage: EntityUsage;
  /** place key -> what the connector does there. */
  reads: Map<string, string>;
  bodySends: Map<string, string>;
  /** Components its request body reaches, for new required fields inside them. */
  bodySchemas: Set<string>;
  sendsBody: boolean;
}

function entityPlaces(pinned: Surface, usage: EntityUsage): EntityPlaces {
  const places: EntityPlaces = { usage, reads: new Map(), bodySends: new Map(), bodySchemas: new Set(), sendsBody: usage.sends.some((sent) => sent.in === 'body') };
  const op = findOperation(pinned, usage.method, usage.path);
  if (op === undefined) return places;
  const body = successBody(pinned, op);
  if (body !== undefined) {
    const records = recordFieldsOf(pinned, body, usage.recordsPath);
    for (const read of usage.reads) {
      const found = read.from === 'envelope' ? placesOfPath(pinned, body, read.path) : records === undefined ? [] : placesOfPath(pinned, records.start, read.path, records.prefix);
      for (const place of found) if (!places.reads.has(place)) places.reads.set(place, `reads ${read.path} (${read.purpose})`);
    }
  }
  const request = requestBodyOf(pinned, op);
  if (request !== undefined && places.sendsBody) {
    places.bodySchemas.add(request.schema);
    for (const sent of usage.sends.filter((candidate) => candidate.in === 'body')) {
      for (const place of placesOfPath(pinned, request, sent.name)) {
        if (!places.bodySends.has(place)) places.bodySends.set(place, describeSent(sent));
        places.bodySchemas.add(place.split('\u0000')[0]!);
      }
    }
  }
  return places;
}

/** Why (if at all) one change on an entity's operation touches that entity, short of the mapping. */
function touchOf(change: DriftChange, places: EntityPlaces): Omit<Touch, 'change' | 'entity'> | undefined {
  const { usage } = places;
  switch (change.side) {
    case 'operation':
      return { via: 'operation', detail: `its operation ${usage.operation}` };
    case 'parameter': {
      const colon = change.location.indexOf(':');
      const where = change.location.slice(0, colon);
      const name = change.location.slice(colon + 1);
      if (where === 'path') return { via: 'parameter', detail: `path parameter ${name} of the URL it calls` };
      const sent = usage.sends.find((candidate) => sentMatches(candidate, where, name));
      if (sent !== undefined) return { via: 'parameter', detail: describeSent(sent) };
      if (change.id === 'parameter-added-required') return { via: 'parameter', detail: `does not send ${where} ${name}` };
      return undefined;
    }
    case 'request': {
      const schema = baseSchema(change);
      if (/^request-(body|media)-/.test(change.id)) {
        // Body-level: a body now required that it does not send, or one it sends no longer taken.
        if (change.id.endsWith('-required')) return places.sendsBody ? undefined : { via: 'request-body', detail: 'sends no request body' };
        return places.sendsBody ? { via: 'request-body', detail: 'sends a request body' } : undefined;
      }
      if (!places.sendsBody || !places.bodySchemas.has(schema)) return undefined;
      const sent = places.bodySends.get(placeKey(schema, change.location));
      if (sent !== undefined) return { via: 'request-body', detail: sent };
      // The root of a body it sends, or a field it does not send that is now required.
      if (change.location === '') return { via: 'request-body', detail: 'sends a request body' };
      if (/added-required$|became-required$/.test(change.id)) return { via: 'request-body', detail: `does not send body ${change.location}` };
      return undefined;
    }
    case 'response': {
      if (!isSuccess(change)) return undefined;
      if (change.location === '' && change.schema === undefined) return { via: 'response', detail: 'reads the success response' };
      const read = places.reads.get(placeKey(baseSchema(change), change.location));
      return read === undefined ? undefined : { via: 'response', detail: read };
    }
  }
}

/**
 * The changes that meet what a connector's config uses: its entities' operations, the
 * parameters and body fields its requests send, and the response paths it reads itself
 * (records, cursors, stop flags, ids). Fields read only by mapping functions are found by
 * type-checking instead (see `mappingProblems`). Places are looked up in the pinned surface,
 * the one the connector was written against.
 *
 * @example changeTouches(diffSurfaces(pinned, latest), connectorUsage(stripe), pinned) // [{ change, entity: 'charges', via: 'parameter', detail: 'sends query limit (page-size)' }]
 */
export function changeTouches(changes: readonly DriftChange[], usages: readonly EntityUsage[], pinned: Surface): Touch[] {
  const byShape = new Map<string, EntityPlaces[]>();
  for (const usage of usages) {
    const shape = operationShape(usage.operation);
    byShape.set(shape, [...(byShape.get(shape) ?? []), entityPlaces(pinned, usage)]);
  }
  const touches: Touch[] = [];
  for (const change of changes) {
    for (const places of byShape.get(operationShape(change.operation)) ?? []) {
      const touch = touchOf(change, places);
      if (touch !== undefined) touches.push({ change, entity: places.usage.entity, ...touch });
    }
  }
  return touches;
}
