import { describe, expect, it } from 'vitest';
import { createRedactor, isSensitiveHeader, isSensitiveName, REDACTED } from './redact.js';

// Token-shaped test values are assembled at run time so no secret-looking literal sits in the source.
const fake = (...parts: string[]) => parts.join('_');

const SECRET = 'sEcr3t-Value_42';
const redact = createRedactor(() => [SECRET, 'short']);
const plain = createRedactor();

describe('url', () => {
  it.each([
    ['sensitive query params by name', '/v1/items?api_key=abc123&page=2', `/v1/items?api_key=${REDACTED}&page=2`],
    ['several names, absolute url', 'https://h.example/x?access_token=a1&client_secret=b2&limit=5', `https://h.example/x?access_token=${REDACTED}&client_secret=${REDACTED}&limit=5`],
    ['an encoded param name', '/x?api%5Fkey=abc&q=1', `/x?api%5Fkey=${REDACTED}&q=1`],
    ['a bare key param (Google, Trello)', '/maps?key=AIzaXYZ&q=paris', `/maps?key=${REDACTED}&q=paris`],
    ['harmless names stay', '/issues?assignee=bob&author=amy&sort=desc', '/issues?assignee=bob&author=amy&sort=desc'],
    ['a known secret in the path', `/v1/keys/${SECRET}/usage`, `/v1/keys/${REDACTED}/usage`],
    ['a known secret percent-encoded in the query', `/x?q=${encodeURIComponent('a/' + SECRET)}`, `/x?q=a%2F${REDACTED}`],
    ['a secret in query AND path', `/u/${SECRET}?token=${SECRET}&n=1`, `/u/${REDACTED}?token=${REDACTED}&n=1`],
    ['the password of userinfo', 'https://me:pw123@h.example/x', `https://me:${REDACTED}@h.example/x`],
    ['a token in the fragment', 'https://app.example/cb#access_token=xyz&state=s1', `https://app.example/cb#access_token=${REDACTED}&state=s1`],
    ['secrets shorter than 6 chars are not replaced by value', '/short/path', '/short/path'],
    ['no query at all', '/v1/customers', '/v1/customers'],
  ])('%s', (_name, given, want) => {
    expect(redact.url(given)).toBe(want);
  });
});

describe('headers', () => {
  it.each<[string, Record<string, string>, Record<string, string>]>([
    ['authorization, any case', { Authorization: 'Bearer abc', accept: 'application/json' }, { Authorization: REDACTED, accept: 'application/json' }],
    ['cookies', { cookie: 'sid=1', 'Set-Cookie': 'sid=2' }, { cookie: REDACTED, 'Set-Cookie': REDACTED }],
    ['names containing token/key/secret/session/signature/auth', { 'X-Shopify-Access-Token': 'shpat', 'X-Api-Key': 'k', 'X-Session-Id': 's', 'X-Hub-Signature-256': 'h', 'X-Auth-User': 'u', 'X-Client-Secret': 'c' }, { 'X-Shopify-Access-Token': REDACTED, 'X-Api-Key': REDACTED, 'X-Session-Id': REDACTED, 'X-Hub-Signature-256': REDACTED, 'X-Auth-User': REDACTED, 'X-Client-Secret': REDACTED }],
    ['a known secret in an ordinary header', { referer: `https://h/${SECRET}` }, { referer: `https://h/${REDACTED}` }],
    ['ordinary headers stay', { 'content-type': 'text/xml', 'x-request-id': 'req_1' }, { 'content-type': 'text/xml', 'x-request-id': 'req_1' }],
  ])('%s', (_name, given, want) => {
    const before = structuredClone(given);
    expect(redact.headers(given)).toEqual(want);
    expect(given).toEqual(before);
  });
});

describe('text: by value and by pattern', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const basic = Buffer.from('user:pa55word').toString('base64');
  it.each([
    ['a known secret anywhere', `upstream said: key ${SECRET} is revoked`, `upstream said: key ${REDACTED} is revoked`],
    ['Bearer tokens', 'sent Authorization: Bearer abc.DEF-123_~+/= then', `sent Authorization: Bearer ${REDACTED} then`],
    ['Basic credentials', `Authorization: Basic ${basic}`, `Authorization: Basic ${REDACTED}`],
    ['the word Basic in prose stays', 'Basic plan customers only', 'Basic plan customers only'],
    ['Stripe secret and restricted keys', `${fake('sk', 'live', '51Habc123')} and rk_test_9xyz and sk_test_abc`, `${REDACTED} and ${REDACTED} and ${REDACTED}`],
    ['GitHub tokens', `${fake('ghp', 'abcdefghijklmnopqrstuvwxyz0123456789')} github_pat_11ABC_def`, `${REDACTED} ${REDACTED}`],
    ['JWTs', `token was ${jwt}.`, `token was ${REDACTED}.`],
    ['Slack tokens', `${['xoxb', '1234-5678-abcdef'].join('-')} and xoxp-1-2`, `${REDACTED} and ${REDACTED}`],
    ['key=value pairs with sensitive names', 'bad request /x?access_token=at_1&page=2 body secret=s3', `bad request /x?access_token=${REDACTED}&page=2 body secret=${REDACTED}`],
    ['JSON pairs inside text', '{"error":"echo {\\"password\\":\\"hunter22\\",\\"id\\":\\"7\\"}"}', `{"error":"echo {\\"password\\":\\"${REDACTED}\\",\\"id\\":\\"7\\"}"}`],
    ['words that merely contain rk_ stay', 'work_item fork_count', 'work_item fork_count'],
    ['ordinary text stays', 'Invoice INV-001 for 12.50 EUR', 'Invoice INV-001 for 12.50 EUR'],
  ])('%s', (_name, given, want) => {
    expect(redact.text(given)).toBe(want);
  });

  it('reads the secrets on every call, so rotated tokens are covered', () => {
    let current = ['first-token-1'];
    const rotating = createRedactor(() => current);
    expect(rotating.text('a first-token-1 b')).toBe(`a ${REDACTED} b`);
    current = ['second-token-2'];
    expect(rotating.text('a second-token-2 b')).toBe(`a ${REDACTED} b`);
  });

  it('replaces the longest secret first', () => {
    const nested = createRedactor(() => ['abcdef', 'abcdefghij']);
    expect(nested.text('x abcdefghij y')).toBe(`x ${REDACTED} y`);
  });
});

describe('body', () => {
  it.each<[string, unknown, unknown]>([
    ['sensitive keys by name', { password: 'p', user: 'amy' }, { password: REDACTED, user: 'amy' }],
    ['nested objects and arrays', { data: [{ client_secret: 'c', id: 1 }], meta: { refresh_token: 'r', apiKey: 'k', count: 2 } }, { data: [{ client_secret: REDACTED, id: 1 }], meta: { refresh_token: REDACTED, apiKey: REDACTED, count: 2 } }],
    ['a sensitive key holding an object', { credentials: { user: 'u', pass: 'p' } }, { credentials: REDACTED }],
    ['harmless look-alikes stay', { assignee: 'bob', author: 'amy', design: 'x', passenger: 'p', key: 'PROJ-1' }, { assignee: 'bob', author: 'amy', design: 'x', passenger: 'p', key: 'PROJ-1' }],
    ['known secrets in values', { note: `see ${SECRET}` }, { note: `see ${REDACTED}` }],
    ['a JSON string body', '{"grant_type":"refresh_token","refresh_token":"rt_1","nested":{"Signature":"s"}}', `{"grant_type":"refresh_token","refresh_token":"${REDACTED}","nested":{"Signature":"${REDACTED}"}}`],
    ['a form-encoded body', 'grant_type=client_credentials&client_id=app&client_secret=cs_1&scope=read', `grant_type=client_credentials&client_id=app&client_secret=${REDACTED}&scope=read`],
    ['a JSON string nested in an object', { payload: '{"token":"t1","n":1}' }, { payload: `{"token":"${REDACTED}","n":1}` }],
    ['plain strings get the text rules', 'Bearer abc123', `Bearer ${REDACTED}`],
    ['primitives stay', 42, 42],
    ['null stays', null, null],
    ['bytes are summarised', new Uint8Array([1, 2, 3]), '[3 bytes]'],
    ['errors keep name and scrubbed message', new Error(`failed with ${SECRET}`), { name: 'Error', message: `failed with ${REDACTED}` }],
  ])('%s', (_name, given, want) => {
    expect(redact.body(given)).toEqual(want);
  });

  it('never mutates its input', () => {
    const given = { headers: { authorization: 'x' }, items: [{ token: 't', id: 1 }] };
    const before = structuredClone(given);
    const out = redact.body(given) as typeof given;
    expect(given).toEqual(before);
    expect(out.items).not.toBe(given.items);
  });

  it('survives cycles and keeps shared (non-cyclic) references', () => {
    const shared = { id: 1 };
    const cyclic: Record<string, unknown> = { a: shared, b: shared };
    cyclic['self'] = cyclic;
    expect(plain.body(cyclic)).toEqual({ a: { id: 1 }, b: { id: 1 }, self: '[Circular]' });
  });
});

describe('name rules', () => {
  it.each([
    ['x-shopify-access-token', true],
    ['X-Goog-Api-Key', true],
    ['proxy-authorization', true],
    ['content-type', false],
    ['x-request-id', false],
  ])('header %s -> %s', (name, want) => {
    expect(isSensitiveHeader(name)).toBe(want);
  });

  it.each<[string, boolean, boolean]>([
    ['password', false, true],
    ['passwd', false, true],
    ['client_secret', false, true],
    ['clientSecret', false, true],
    ['refreshToken', false, true],
    ['private-key', false, true],
    ['aws_access_key_id', false, true],
    ['x_sig', false, true],
    ['sig', true, true],
    ['auth', false, true],
    ['session_id', false, true],
    ['credential', false, true],
    ['key', true, true],
    ['key', false, false],
    ['assignee', false, false],
    ['author', false, false],
    ['passenger', false, false],
    ['signal', false, false],
    ['id', false, false],
  ])('%s (in url: %s) -> %s', (name, inUrl, want) => {
    expect(isSensitiveName(name, inUrl)).toBe(want);
  });
});
