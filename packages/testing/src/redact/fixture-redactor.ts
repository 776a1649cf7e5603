import { isSecretHeader, isSecretName } from './secret-names.js';
import { isHighEntropy, placeholder, redactSecretValues } from './secret-values.js';

/**
 * How secrets are found. The same options must be given to the recorder and to the replay
 * server: replay redacts each live request the same way before comparing it with the fixture.
 *
 * @example { secrets: () => [credentials.token], keepNames: ['key'] }
 */
export interface RedactionOptions {
  /** Known secret values (the connection's credentials), replaced wherever they appear. */
  secrets?: () => readonly string[];
  /** Names that look secret but are plain identifiers on this platform (e.g. an issue `key`). */
  keepNames?: readonly string[];
}

/**
 * Replaces secrets by stable placeholders in each part of a request or response.
 *
 * @example
 * const redactor = createFixtureRedactor({ secrets: () => [token] });
 * redactor.header('authorization', `Bearer ${token}`); // '<redacted:authorization>'
 */
export interface FixtureRedactor {
  header(name: string, value: string): string;
  queryValue(name: string, value: string): string;
  /** Any text outside a named slot (URL paths, text bodies): known secrets and shapes. */
  text(value: string): string;
  /** A form-encoded body: secret-named params, then the text rules. */
  form(body: string): string;
  /** A deep copy with secret-named fields replaced at any depth, strings scrubbed. */
  json(value: unknown): unknown;
}

// Shorter values occur too often in ordinary data ("admin", "1234") to be replaced everywhere;
// the by-name rules still catch them where they are used.
const MIN_SECRET_LENGTH = 6;

/**
 * Builds the redactor every fixture goes through before it is kept in memory or written.
 *
 * @example
 * const redactor = createFixtureRedactor();
 * redactor.json({ user: { password: 'hunter22' } }); // { user: { password: '<redacted:password>' } }
 */
export function createFixtureRedactor(options: RedactionOptions = {}): FixtureRedactor {
  const keep = new Set((options.keepNames ?? []).map((n) => n.toLowerCase()));
  const secretName = (name: string) => !keep.has(name.toLowerCase()) && isSecretName(name);

  // Read on every call: tokens rotate during a sync (OAuth refresh).
  function known(): string[] {
    const values = new Set<string>();
    for (const secret of options.secrets?.() ?? []) {
      if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
      values.add(secret);
      values.add(encodeURIComponent(secret));
      values.add(new URLSearchParams([['', secret]]).toString().slice(1));
    }
    return [...values].sort((a, b) => b.length - a.length);
  }

  function text(value: string): string {
    return redactSecretValues(value, known());
  }

  // Headers are where credentials travel, so an unknown random-looking value there counts too.
  function header(name: string, value: string): string {
    if (!keep.has(name.toLowerCase()) && isSecretHeader(name)) return placeholder(name);
    const scrubbed = text(value);
    return scrubbed
      .split(/([\s,;]+)/)
      .map((part) => (isHighEntropy(part) ? placeholder('high-entropy') : part))
      .join('');
  }

  function queryValue(name: string, value: string): string {
    return secretName(name) ? placeholder(name) : text(value);
  }

  function form(body: string): string {
    const params = new URLSearchParams(body);
    const out = new URLSearchParams();
    for (const [name, value] of params) out.append(name, queryValue(name, value));
    return out.toString();
  }

  function deep(value: unknown, secrets: readonly string[]): unknown {
    if (typeof value === 'string') return redactSecretValues(value, secrets);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => deep(item, secrets));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // null, false and "" say "no secret here" and stay, so the fixture keeps its shape.
      const empty = item === null || item === '' || typeof item === 'boolean';
      out[key] = secretName(key) && !empty ? placeholder(key) : deep(item, secrets);
    }
    return out;
  }

  return { header, queryValue, text, form, json: (value) => deep(value, known()) };
}
