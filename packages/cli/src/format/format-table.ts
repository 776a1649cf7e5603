// Colour codes take no room on screen.
const ANSI = /\u001b\[[0-9;]*m/g;

const visibleLength = (text: string) => text.replace(ANSI, '').length;

/**
 * Options of {@link formatTable}.
 *
 * @example const options: TableOptions = { indent: '  ', rightAligned: [2, 3] };
 */
export interface TableOptions {
  /** Put before every line. */
  indent?: string;
  /** Column indexes aligned right (numbers). */
  rightAligned?: readonly number[];
}

/**
 * Pure: rows as columns two spaces apart, the header first, no trailing spaces.
 *
 * @example
 * formatTable(['ENTITY', 'PAGES'], [['orders', '12']], { rightAligned: [1] });
 * // 'ENTITY  PAGES\norders     12\n'
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => visibleLength(row[column] ?? ''))));
  const right = new Set(options.rightAligned ?? []);
  return all
    .map((row) => {
      const cells = widths.map((width, column) => {
        const cell = row[column] ?? '';
        const pad = ' '.repeat(width - visibleLength(cell));
        return right.has(column) ? pad + cell : cell + pad;
      });
      return `${options.indent ?? ''}${cells.join('  ')}`.trimEnd() + '\n';
    })
    .join('');
}
