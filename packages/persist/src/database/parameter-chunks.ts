// Postgres' wire protocol counts bind parameters in 16 bits.
const MAX_BIND_PARAMETERS = 65_535;

/**
 * Splits rows for multi-row statements so no statement exceeds Postgres' bind parameter
 * limit, given how many parameters each row binds.
 *
 * @example for (const chunk of parameterChunks(rows, 6)) await db.insertInto('records').values(chunk).execute();
 */
export function parameterChunks<T>(rows: readonly T[], parametersPerRow: number, reserved = 0): T[][] {
  const size = Math.max(1, Math.floor((MAX_BIND_PARAMETERS - reserved) / parametersPerRow));
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}
