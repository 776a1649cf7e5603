import type { JsonObject, SurfaceLifecycle } from '../model.js';

/**
 * `deprecated`, `x-sunset` and `x-stability-level` of an operation, parameter or schema node,
 * kept as written (drift decides what an unreadable value means). Undefined when none is set.
 *
 * @example lifecycleOf({ deprecated: true, 'x-sunset': '2026-01-01' }) // { deprecated: true, sunset: '2026-01-01' }
 */
export function lifecycleOf(node: unknown): SurfaceLifecycle | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const source = node as JsonObject;
  const result: SurfaceLifecycle = {};
  if (source.deprecated === true) result.deprecated = true;
  const sunset = source['x-sunset'];
  if (typeof sunset === 'string' || typeof sunset === 'number') result.sunset = String(sunset);
  else if (sunset instanceof Date) result.sunset = sunset.toISOString().slice(0, 10);
  const stability = source['x-stability-level'];
  if (typeof stability === 'string' || typeof stability === 'number') result.stability = String(stability);
  return Object.keys(result).length > 0 ? result : undefined;
}
