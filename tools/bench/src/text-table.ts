/**
 * A plain-text table with a header rule, columns padded to their widest cell (unquoted, unlike
 * `console.table`).
 *
 * @example textTable(['measure', 'result'], [['raw fetch', '300,000 records/s']])
 */
export function textTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ').trimEnd();
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n');
}
