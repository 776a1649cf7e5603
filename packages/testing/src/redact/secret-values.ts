/**
 * The stable text that replaces a secret: what kind of secret it was, never any part of it.
 *
 * @example placeholder('Authorization') // '<redacted:authorization>'
 */
export function placeholder(name: string): string {
  return `<redacted:${name.toLowerCase()}>`;
}

/** Secrets recognisable by their shape alone, wherever they appear. */
const SECRET_PATTERNS: readonly { pattern: RegExp; replace: (match: string, ...groups: string[]) => string }[] = [
  { pattern: /\b(Bearer)\s+[A-Za-z0-9\-._~+/]+=*/gi, replace: (_m, scheme) => `${scheme} ${placeholder('bearer')}` },
  // "Basic" is an ordinary word ("Basic plan"): only what decodes to "user:password" is a secret.
  {
    pattern: /\b(Basic)\s+([A-Za-z0-9+/]{4,}={0,2})/gi,
    replace: (match, scheme, value) =>
      Buffer.from(value ?? '', 'base64').toString('latin1').includes(':') ? `${scheme} ${placeholder('basic')}` : match,
  },
  { pattern: /\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, replace: () => placeholder('jwt') },
  // Stripe-style keys (a secret, restricted or publishable prefix, then live or test): the prefix says what it is.
  { pattern: /\b([a-z]{2,8})_(live|test)_[A-Za-z0-9]{8,}/g, replace: (_m, kind, mode) => placeholder(`${kind}_${mode}`) },
  { pattern: /\bwhsec_[A-Za-z0-9+/=]{8,}/g, replace: () => placeholder('whsec') },
  { pattern: /\b(gh[pousr])_[A-Za-z0-9]{20,}/g, replace: (_m, kind) => placeholder(kind ?? 'github') },
  { pattern: /\bgithub_pat_[A-Za-z0-9_]{20,}/g, replace: () => placeholder('github_pat') },
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, replace: () => placeholder('slack') },
  { pattern: /\bAIza[0-9A-Za-z_-]{35}/g, replace: () => placeholder('google_api_key') },
  { pattern: /\bAKIA[0-9A-Z]{16}\b/g, replace: () => placeholder('aws_access_key') },
  { pattern: /\bsq0(?:atp|csp|idp)-[A-Za-z0-9_-]{10,}/g, replace: () => placeholder('square') },
];

/**
 * Replaces known secret values (longest first) and secret-shaped tokens in a string.
 *
 * @example redactSecretValues('Bearer abc.def', []) // 'Bearer <redacted:bearer>'
 */
export function redactSecretValues(text: string, known: readonly string[]): string {
  let out = text;
  for (const secret of known) {
    if (out.includes(secret)) out = out.split(secret).join(placeholder('secret'));
  }
  for (const { pattern, replace } of SECRET_PATTERNS) out = out.replace(pattern, replace);
  return out;
}

// 32 characters of base64/hex-ish alphabet, at least two of lower case, upper case and digits
// (a random token may well lack digits), close to random:
// an API key, a signature or a session id. Hex digests (etags) stay under 4 bits per character.
const TOKEN_LIKE = /^[A-Za-z0-9+/=_.~-]{32,}$/;
const MIN_ENTROPY_BITS = 4;

/**
 * Whether a string looks like a random credential (long, mixed, high Shannon entropy).
 *
 * @example isHighEntropy('q8Vd2LrX0aPz7Tn4Yc1WmK9bHs6Ee3JuGf5R') // true
 * @example isHighEntropy('application/json') // false
 */
export function isHighEntropy(value: string): boolean {
  if (!TOKEN_LIKE.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((c) => c.test(value)).length;
  if (classes < 2) return false;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits >= MIN_ENTROPY_BITS;
}
