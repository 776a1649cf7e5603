/**
 * How sure a list-endpoint detection is, 0..1, rounded to two decimals:
 *
 *   confidence = 0.45 × listness + 0.35 × pagination strength + 0.2 × (primary key found ? 1 : 0)
 *
 * Listness is 1 for a top-level array or an array named after the resource, 0.9 for a common
 * records name (`data`, `items`), 0.5 for any other array, × 0.85 when nested one level.
 * Pagination strength is 1 for a request input and a response field that pair up (or a
 * declared Link header), 0.8–0.9 for parameters alone, 0.2 for none. The key weighs least:
 * a list without one still syncs, only without dedupe by id.
 *
 * @example listConfidence({ listness: 0.9, pagination: 1, hasPrimaryKey: true }) // 0.96
 */
export function listConfidence(signals: { listness: number; pagination: number; hasPrimaryKey: boolean }): number {
  const raw = 0.45 * signals.listness + 0.35 * signals.pagination + 0.2 * (signals.hasPrimaryKey ? 1 : 0);
  return Math.round(Math.min(1, Math.max(0, raw)) * 100) / 100;
}
