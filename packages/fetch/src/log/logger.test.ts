import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from './logger.js';
import { createRedactor, REDACTED } from './redact.js';

const SECRETS = {
  apiKey: 'key_9f8e7d6c5b4a39281706',
  accessToken: 'at_11aa22bb33cc44dd55ee',
  refreshToken: 'rt_66ff77aa88bb99cc00dd',
  clientSecret: 'cs_0a1b2c3d4e5f6a7b8c9d',
  password: 'correct-horse-battery',
  stripe: ['sk', 'live', '51HxYzAbCdEfGh'].join('_'),
};

function memoryStream(): { stream: Writable; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter((line) => line !== '') };
}

describe('createLogger', () => {
  it('writes redacted records with no secret substring in any line', () => {
    const { stream, lines } = memoryStream();
    const logger = createLogger({ name: 'portage-test', level: 'debug', destination: stream });
    const redact = createRedactor(() => [SECRETS.apiKey, SECRETS.accessToken, SECRETS.refreshToken, SECRETS.clientSecret]);

    const url = `https://api.example.com/v1/keys/${SECRETS.apiKey}/items?access_token=${SECRETS.accessToken}&page=2`;
    const headers = { authorization: `Bearer ${SECRETS.accessToken}`, 'x-api-key': SECRETS.apiKey, accept: 'application/json' };
    const body = { grant: 'refresh_token', refresh_token: SECRETS.refreshToken, nested: { password: SECRETS.password, card: { key: SECRETS.stripe } } };
    const formBody = `grant_type=client_credentials&client_secret=${SECRETS.clientSecret}`;
    const errorText = `upstream echoed ${SECRETS.apiKey} and Bearer ${SECRETS.accessToken}`;

    logger.info({ method: 'POST', url: redact.url(url), headers: redact.headers(headers), body: redact.body(body) }, 'http request');
    logger.debug({ body: redact.body(formBody) }, 'token request');
    logger.warn({ error: redact.text(errorText) }, 'upstream failed');
    // Second line of defence: a record that skipped the redactor still loses known paths.
    logger.error({ headers: { authorization: 'Basic dXNlcjpwYXNz', cookie: 'sid=1' }, request: { password: SECRETS.password, accessToken: SECRETS.accessToken } }, 'raw');

    const written = lines();
    expect(written).toHaveLength(4);
    for (const line of written) {
      for (const [name, secret] of Object.entries(SECRETS)) expect(line.includes(secret), `${name} in ${line}`).toBe(false);
      expect(line).not.toContain('dXNlcjpwYXNz');
    }
    const first = JSON.parse(written[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({ name: 'portage-test', msg: 'http request', headers: { authorization: REDACTED, accept: 'application/json' } });
    expect(first['url']).toBe(`https://api.example.com/v1/keys/${REDACTED}/items?access_token=${REDACTED}&page=2`);
  });

  it.each([
    ['info by default: debug is dropped', undefined, 1],
    ['debug when asked', 'debug', 2],
    ['silent writes nothing', 'silent', 0],
  ] as const)('%s', (_name, level, want) => {
    const { stream, lines } = memoryStream();
    const logger = createLogger({ ...(level ? { level } : {}), destination: stream });
    logger.debug('d');
    logger.info('i');
    expect(lines()).toHaveLength(want);
  });

  it('silentLogger is silent and still has child loggers', () => {
    const logger = silentLogger();
    expect(logger.level).toBe('silent');
    expect(() => logger.child({ connectionId: 'c1' }).info('x')).not.toThrow();
  });
});
