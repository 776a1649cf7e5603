/**
 * Pure: a message without the `CODE: ` prefix PortageError puts in front, since the CLI shows
 * the code separately.
 *
 * @example messageWithoutCode('NOT_FOUND: no such run (hint)', 'NOT_FOUND'); // 'no such run (hint)'
 */
export function messageWithoutCode(message: string, code: string): string {
  return message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message;
}
