/**
 * Whether to colour output: a terminal, and no `NO_COLOR` (https://no-color.org).
 *
 * @example useColor(process.stdout, process.env); // true in a terminal
 */
export function useColor(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}
