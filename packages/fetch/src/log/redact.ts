/**
 * What every redacted value becomes, in headers, URLs, bodies and text alike.
 *
 * @example expect(line).toContain(REDACTED)
 */
export const REDACTED = '[REDACTED]';

/**
 * Scrubs secrets from what is about to be logged or put in an error. Every method returns a
 * new value and never mutates its input.
 *
 * @example
 * const redact: Redactor = createRedactor(() => authenticator.secrets());
 * logger.info({ url: redact.url(url), headers: redact.headers(headers), body: redact.body(body) });
 */
export interface Redactor {
  /** Query and fragment params with sensitive names, URL passwords, known secrets anywhere. */
  url(u: string): string;
  /** Sensitive header names lose their value; other values are scrubbed like text. */
  headers(h: Readonly<Record<string, string>>): Record<string, string>;
  /** A deep copy with sensitive keys redacted; JSON or form-encoded strings are parsed first. */
  body(v: unknown): unknown;
  /** Known secret values and secret-looking patterns (Bearer ..., sk_live_..., JWTs, ...). */
  text(s: string): string;
}

// Shorter values are too likely to occur in ordinary text ("admin", "1234") to be replaced
// everywhere; the by-name and by-pattern rules still catch them where they are used.
const MIN_SECRET_LENGTH = 6;

const SENSITIVE_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key']);
const SENSITIVE_HEADER_PART = /token|secret|key|password|session|signature|auth/i;

// `sig`, `auth`, `pass` and `pwd` only as whole words: as substrings they would hide
// "assignee", "design", "author" and "passenger", which logs need and which are never secret.
const SENSITIVE_KEY =
  /password|passwd|passphrase|secret|token|api[-_]?key|apikey|authori[sz]ation|signature|session|credential|private[-_]?key|client[-_]?secret|refresh|access[-_]?key|(?:^|[^a-z])(?:sig|auth|pass|pwd)(?:$|[^a-z])/i;
// A bare `key` param is how Google, Trello and others take an API key in the query string; in
// JSON bodies "key" is usually an identifier (Jira issue keys), so it only counts in URLs.
const SENSITIVE_QUERY_ONLY = /^key$/i;

/** A token that must not survive even when we do not know the secret behind it. */
const SECRET_PATTERNS: readonly { pattern: RegExp; replace: (match: string, ...groups: string[]) => string }[] = [
  { pattern: /\b(Bearer)\s+[A-Za-z0-9\-._~+/]+=*/gi, replace: (_m, scheme) => `${scheme} ${REDACTED}` },
  // "Basic" is an ordinary word ("Basic plan"): only redact what decodes to "user:password".
  {
    pattern: /\b(Basic)\s+([A-Za-z0-9+/]{4,}={0,2})/gi,
    replace: (match, scheme, value) => (Buffer.from(value ?? '', 'base64').toString('latin1').includes(':') ? `${scheme} ${REDACTED}` : match),
  },
  { pattern: /\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, replace: () => REDACTED },
  { pattern: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]+/g, replace: () => REDACTED },
  { pattern: /\bwhsec_[A-Za-z0-9+/=]+/g, replace: () => REDACTED },
  { pattern: /\bgh[pousr]_[A-Za-z0-9]{20,}/g, replace: () => REDACTED },
  { pattern: /\bgithub_pat_[A-Za-z0-9_]+/g, replace: () => REDACTED },
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]+/g, replace: () => REDACTED },
  { pattern: /\bAIza[0-9A-Za-z_-]{35}/g, replace: () => REDACTED },
  { pattern: /\bAKIA[0-9A-Z]{16}\b/g, replace: () => REDACTED },
  // Names are capped at 64 characters so a huge token without "=" cannot make this quadratic.
  // Platforms echo requests in error texts: `access_token=...` or `"password":"..."` (also
  // JSON-escaped, when the echo sits inside a JSON string) keep their name, lose their value.
  {
    pattern: /\b([A-Za-z_][\w.-]{0,63})=([^&\s"'<>\\]+)/g,
    replace: (match, name) => (isSensitiveName(name ?? '', true) ? `${name}=${REDACTED}` : match),
  },
  {
    // The closing quote is only looked at, so it can open the next pair of an escaped echo.
    pattern: /(\\?"([A-Za-z_][\w.-]{0,63})\\?"\s*:\s*)(\\?")((?:[^"\\]|\\[^"])*)(?=\\?")/g,
    replace: (match, prefix, name, open) => (isSensitiveName(name ?? '', false) ? `${prefix}${open}${REDACTED}` : match),
  },
];

const FORM_LIKE = /^[^\s=&{}[\]"]+=[^\s&]*(?:&[^\s=&]+=[^\s&]*)*$/;

/**
 * Builds a redactor that removes secrets by name (headers, query params, JSON keys), by value
 * (the current secrets, read on every call because tokens rotate) and by pattern.
 *
 * @example
 * const redact = createRedactor(() => authenticator.secrets());
 * redact.url('/v1/users?api_key=abc123&page=2'); // '/v1/users?api_key=[REDACTED]&page=2'
 * redact.headers({ Authorization: 'Bearer abc', accept: 'application/json' });
 * // { Authorization: '[REDACTED]', accept: 'application/json' }
 */
export function createRedactor(secrets: () => string[] = () => []): Redactor {
  function currentSecrets(): string[] {
    const values = new Set<string>();
    for (const secret of secrets()) {
      if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
      values.add(secret);
      // The same secret as it appears in a URL or a form body.
      values.add(encodeURIComponent(secret));
      values.add(new URLSearchParams([['', secret]]).toString().slice(1));
    }
    // Longest first, so a secret that contains another is not left half-replaced.
    return [...values].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  }

  // Secrets are read once per call, not once per string of a large body.
  function scrub(s: string, known: readonly string[]): string {
    let out = s;
    for (const secret of known) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    for (const { pattern, replace } of SECRET_PATTERNS) out = out.replace(pattern, replace);
    return out;
  }

  function params(encoded: string, inUrl: boolean): string {
    return encoded
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0) return pair;
        return isSensitiveName(safeDecode(pair.slice(0, eq)), inUrl) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
      })
      .join('&');
  }

  function url(u: string): string {
    const hashAt = u.indexOf('#');
    const beforeHash = hashAt < 0 ? u : u.slice(0, hashAt);
    // OAuth implicit flows put access tokens in the fragment: treat it like a query.
    const fragment = hashAt < 0 ? undefined : u.slice(hashAt + 1);
    const queryAt = beforeHash.indexOf('?');
    const base = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
    const query = queryAt < 0 ? undefined : beforeHash.slice(queryAt + 1);
    const withoutPassword = base.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):[^/@]*@/i, `$1:${REDACTED}@`);
    const rebuilt =
      withoutPassword +
      (query === undefined ? '' : `?${params(query, true)}`) +
      (fragment === undefined ? '' : `#${fragment.includes('=') ? params(fragment, true) : fragment}`);
    return scrub(rebuilt, currentSecrets());
  }

  function headers(h: Readonly<Record<string, string>>): Record<string, string> {
    const known = currentSecrets();
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(h)) {
      out[name] = isSensitiveHeader(name) ? REDACTED : scrub(String(value), known);
    }
    return out;
  }

  function bodyString(s: string, known: readonly string[]): string {
    const trimmed = s.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        return JSON.stringify(deep(JSON.parse(trimmed) as unknown, known, new WeakSet()));
      } catch {
        // Not JSON after all: fall through to the text rules.
      }
    }
    if (FORM_LIKE.test(trimmed)) return scrub(params(trimmed, false), known);
    return scrub(s, known);
  }

  function deep(value: unknown, known: readonly string[], seen: WeakSet<object>): unknown {
    if (typeof value === 'string') return bodyString(value, known);
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return '[Circular]';
    seen.add(value);
    try {
      if (Array.isArray(value)) return value.map((item) => deep(item, known, seen));
      if (value instanceof Date) return new Date(value.getTime());
      if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
      if (value instanceof URLSearchParams) return bodyString(value.toString(), known);
      if (value instanceof Error) return { name: value.name, message: scrub(value.message, known) };
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        out[key] = isSensitiveName(key, false) ? REDACTED : deep(item, known, seen);
      }
      return out;
    } finally {
      // Only cycles are circular: the same object twice among siblings is printed twice.
      seen.delete(value);
    }
  }

  return {
    url,
    headers,
    body: (v) => deep(v, currentSecrets(), new WeakSet()),
    text: (s) => scrub(s, currentSecrets()),
  };
}

/**
 * Whether a header's value must never be logged.
 *
 * @example isSensitiveHeader('X-Shopify-Access-Token') // true
 */
export function isSensitiveHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SENSITIVE_HEADERS.has(lower) || SENSITIVE_HEADER_PART.test(lower);
}

/**
 * Whether a query param (`inUrl`) or JSON/form key names a secret.
 *
 * @example isSensitiveName('client_secret', false) // true
 * @example isSensitiveName('assignee', false) // false
 */
export function isSensitiveName(name: string, inUrl: boolean): boolean {
  return SENSITIVE_KEY.test(name) || (inUrl && SENSITIVE_QUERY_ONLY.test(name));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
