/**
 * HTML that is already safe to insert: made by {@link html}, never from outside data.
 *
 * @example const cell: SafeHtml = html`<td>${name}</td>`;
 */
export class SafeHtml {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Pure: text made safe for HTML content and quoted attribute values.
 *
 * @example escapeHtml('<b>"x"</b>'); // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

function piece(value: unknown): string {
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * A template tag that escapes every interpolated value, unless it is {@link SafeHtml} (a
 * fragment made by this tag); arrays are joined, and null, undefined and false vanish. Put
 * attribute values in double quotes.
 *
 * @example html`<td title="${reason}">${count}</td>`
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += piece(value) + strings[index + 1]!;
  });
  return new SafeHtml(out);
}
