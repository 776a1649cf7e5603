import type { RecordedRequest } from '../fixture/fixture.js';

const MAX_SHOWN = 60;

function show(value: string): string {
  return value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
}

function showJson(value: unknown): string {
  return show(JSON.stringify(value) ?? 'undefined');
}

function queryOf(url: URL): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, value] of url.searchParams) out.set(name, [...(out.get(name) ?? []), value]);
  return out;
}

/** Leaves of a JSON value by path ("customer.email", "items[0].id"); empty containers are leaves. */
function leaves(value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((item, i) => leaves(item, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) leaves(item, path ? `${path}.${key}` : key, out);
  } else {
    out.set(path, value);
  }
  return out;
}

function bodyText(request: RecordedRequest): string | undefined {
  if (request.json !== undefined) return JSON.stringify(request.json);
  return request.text;
}

function bodyDifferences(recorded: RecordedRequest, got: RecordedRequest): string[] {
  if (recorded.json !== undefined && got.json !== undefined) {
    const before = leaves(recorded.json, '', new Map());
    const after = leaves(got.json, '', new Map());
    const out: string[] = [];
    for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const field = path === '' ? 'body' : `body field ${path}`;
      if (!after.has(path)) out.push(`${field} missing (recorded ${showJson(before.get(path))})`);
      else if (!before.has(path)) out.push(`${field} unexpected (got ${showJson(after.get(path))})`);
      else if (JSON.stringify(before.get(path)) !== JSON.stringify(after.get(path))) {
        out.push(`${field} differs: recorded ${showJson(before.get(path))}, got ${showJson(after.get(path))}`);
      }
    }
    return out;
  }
  const before = bodyText(recorded);
  const after = bodyText(got);
  if (before === after) return [];
  if (after === undefined) return [`body missing (recorded ${show(before ?? '')})`];
  if (before === undefined) return [`body unexpected (got ${show(after)})`];
  return [`body differs: recorded ${show(before)}, got ${show(after)}`];
}

/**
 * What differs between a recorded request and a live one, in words, most significant first.
 * Both must be redacted and normalised already (see `captureRequest`).
 *
 * @example
 * requestDifferences(recorded, got) // ['query param limit differs: recorded 100, got 10', 'body field email missing (recorded "a@b.c")']
 */
export function requestDifferences(recorded: RecordedRequest, got: RecordedRequest): string[] {
  const out: string[] = [];
  if (recorded.method !== got.method) out.push(`method differs: recorded ${recorded.method}, got ${got.method}`);
  const a = new URL(recorded.url);
  const b = new URL(got.url);
  if (a.origin !== b.origin) out.push(`origin differs: recorded ${a.origin}, got ${b.origin}`);
  if (a.pathname !== b.pathname) out.push(`path differs: recorded ${a.pathname}, got ${b.pathname}`);
  const qa = queryOf(a);
  const qb = queryOf(b);
  for (const name of [...new Set([...qa.keys(), ...qb.keys()])].sort()) {
    const before = qa.get(name)?.join(', ');
    const after = qb.get(name)?.join(', ');
    if (after === undefined) out.push(`query param ${name} missing (recorded ${show(before ?? '')})`);
    else if (before === undefined) out.push(`query param ${name} unexpected (got ${show(after)})`);
    else if (before !== after) out.push(`query param ${name} differs: recorded ${show(before)}, got ${show(after)}`);
  }
  return [...out, ...bodyDifferences(recorded, got)];
}

// A different method or path is a different endpoint: one such difference outweighs any
// number of query or body differences, so the closest request is the same endpoint first.
function distance(differences: readonly string[]): number {
  let score = 0;
  for (const d of differences) {
    if (d.startsWith('method ')) score += 1000;
    else if (d.startsWith('path ')) score += 500;
    else if (d.startsWith('origin ')) score += 100;
    else score += 1;
  }
  return score;
}

/**
 * The recorded request nearest to a live one, and how they differ; undefined when nothing
 * was recorded. Ties go to the earliest recorded.
 *
 * @example const near = closestRequest(got, fixtures.flatMap((f) => f.exchanges.map((e) => e.request)));
 */
export function closestRequest<T extends { request: RecordedRequest }>(
  got: RecordedRequest,
  candidates: readonly T[],
): { candidate: T; differences: string[] } | undefined {
  let best: { candidate: T; differences: string[]; score: number } | undefined;
  for (const candidate of candidates) {
    const differences = requestDifferences(candidate.request, got);
    const score = distance(differences);
    if (!best || score < best.score) best = { candidate, differences, score };
  }
  return best && { candidate: best.candidate, differences: best.differences };
}

/**
 * The identity of a request for replay: method, URL with sorted query, and body.
 *
 * @example requestKey({ method: 'GET', url: 'https://h/x?a=1', headers: {} }) // 'GET https://h/x?a=1 '
 */
export function requestKey(request: RecordedRequest): string {
  const body = request.json !== undefined ? JSON.stringify(request.json) : (request.text ?? '');
  return `${request.method} ${request.url} ${body}`;
}
