/**
 * Colours for terminal output; every function is the identity when colour is off.
 *
 * @example const paint = createPalette(true); paint.red('failed'); // '\u001b[31mfailed\u001b[39m'
 */
export interface Palette {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/**
 * Pure: a {@link Palette}, plain when `enabled` is false.
 *
 * @example createPalette(false).green('ok'); // 'ok'
 */
export function createPalette(enabled: boolean): Palette {
  if (!enabled) {
    const plain = (text: string) => text;
    return { red: plain, green: plain, yellow: plain, dim: plain, bold: plain };
  }
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}
