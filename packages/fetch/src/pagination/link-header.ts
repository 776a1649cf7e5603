// A hand-written RFC 8288 section 3 parser rather than a dependency: the grammar is small, we
// need only targets and rels, and the popular `parse-link-header` splits on `,` with regular
// expressions, which breaks on commas inside quoted parameters (`title="a, b"`).
// `http-link-header` is a correct alternative if more of the RFC is ever needed.

/** One link of a `Link` header. */
export interface Link {
  /** The target exactly as written between `<` and `>`: a URI reference, maybe relative. */
  target: string;
  /** Relation types, lower-cased; `rel="next last"` gives two. */
  rels: readonly string[];
  /** Parameters by lower-cased name, unquoted; a repeated name keeps its first value (RFC 8288 3.3). */
  params: Readonly<Record<string, string>>;
}

/**
 * Parses a `Link` header field value into its links, in order. Malformed link-values are
 * skipped, not fatal: one odd link must not hide the `next` one beside it.
 *
 * @example
 * parseLinkHeader('<https://api.test/x?page=2>; rel="next", <https://api.test/x?page=5>; rel="last"');
 * // [{ target: 'https://api.test/x?page=2', rels: ['next'], params: { rel: 'next' } },
 * //  { target: 'https://api.test/x?page=5', rels: ['last'], params: { rel: 'last' } }]
 */
export function parseLinkHeader(header: string): Link[] {
  const links: Link[] = [];
  let pos = 0;
  while (pos < header.length) {
    pos = skipWhitespace(header, pos);
    if (header[pos] === '<') {
      const parsed = parseLinkValue(header, pos);
      if (parsed === undefined) break;
      links.push(parsed.link);
      pos = parsed.end;
    }
    pos = skipPastComma(header, pos);
  }
  return links;
}

/**
 * The target of the first link whose relation types include `rel` (case-insensitive), or
 * undefined when there is none (the usual way a last page says so).
 *
 * @example
 * findLinkTarget('<https://api.test/x?page=5>; rel="last"', 'next'); // undefined
 * findLinkTarget('</x?page=2>; rel="next last"', 'next'); // '/x?page=2'
 */
export function findLinkTarget(header: string | undefined, rel: string): string | undefined {
  if (header === undefined) return undefined;
  const wanted = rel.toLowerCase();
  return parseLinkHeader(header).find((link) => link.rels.includes(wanted))?.target;
}

/** `header[start]` is `<`. */
function parseLinkValue(header: string, start: number): { link: Link; end: number } | undefined {
  const close = header.indexOf('>', start + 1);
  if (close < 0) return undefined;
  const target = header.slice(start + 1, close).trim();
  const params = new Map<string, string>();
  let pos = close + 1;
  for (;;) {
    pos = skipWhitespace(header, pos);
    if (header[pos] !== ';') break;
    pos = skipWhitespace(header, pos + 1);
    const nameEnd = scanUntil(header, pos, /[=;,\s]/);
    const name = header.slice(pos, nameEnd).toLowerCase();
    pos = skipWhitespace(header, nameEnd);
    let value = '';
    if (header[pos] === '=') {
      pos = skipWhitespace(header, pos + 1);
      if (header[pos] === '"') {
        ({ value, end: pos } = readQuoted(header, pos));
      } else {
        const valueEnd = scanUntil(header, pos, /[;,\s]/);
        value = header.slice(pos, valueEnd);
        pos = valueEnd;
      }
    }
    if (name !== '' && !params.has(name)) params.set(name, value);
  }
  const rels = (params.get('rel') ?? '').toLowerCase().split(/\s+/).filter((r) => r !== '');
  return { link: { target, rels, params: Object.fromEntries(params) }, end: pos };
}

/** `header[start]` is `"`; backslash escapes one character (quoted-pair). */
function readQuoted(header: string, start: number): { value: string; end: number } {
  let value = '';
  let pos = start + 1;
  while (pos < header.length) {
    const char = header[pos];
    if (char === '"') return { value, end: pos + 1 };
    if (char === '\\' && pos + 1 < header.length) {
      value += header[pos + 1];
      pos += 2;
    } else {
      value += char;
      pos += 1;
    }
  }
  return { value, end: pos };
}

/** Moves past the comma that ends a link-value, stepping over quoted strings and `<...>`. */
function skipPastComma(header: string, start: number): number {
  let pos = start;
  while (pos < header.length) {
    const char = header[pos];
    if (char === ',') return pos + 1;
    if (char === '"') {
      pos = readQuoted(header, pos).end;
    } else if (char === '<') {
      const close = header.indexOf('>', pos + 1);
      pos = close < 0 ? header.length : close + 1;
    } else {
      pos += 1;
    }
  }
  return pos;
}

function skipWhitespace(header: string, start: number): number {
  return scanUntil(header, start, /\S/);
}

function scanUntil(header: string, start: number, stop: RegExp): number {
  let pos = start;
  while (pos < header.length && !stop.test(header.charAt(pos))) pos += 1;
  return pos;
}
