import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCredentialCipher } from './credential-cipher.js';

const KEY = randomBytes(32).toString('base64');
const OTHER_KEY = randomBytes(32).toString('base64');
const SECRET = { type: 'oauth2', clientId: 'client', clientSecret: 's3cr3t-value', refreshToken: 'r3fresh' };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('createCredentialCipher', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('round-trips a value', () => {
    const cipher = createCredentialCipher(KEY);
    expect(cipher.decrypt(cipher.encrypt(SECRET))).toEqual(SECRET);
  });

  it('writes v1.<keyId>.<iv>.<tag>.<ciphertext> without the plaintext', () => {
    const text = createCredentialCipher(KEY).encrypt(SECRET);
    const parts = text.split('.');
    expect(parts).toHaveLength(5);
    expect(parts[0]).toBe('v1');
    expect(parts[1]).toMatch(/^[0-9a-f]{8}$/);
    expect(Buffer.from(parts[2] ?? '', 'base64url')).toHaveLength(12);
    expect(Buffer.from(parts[3] ?? '', 'base64url')).toHaveLength(16);
    for (const part of parts.slice(2)) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text).not.toContain('s3cr3t-value');
    expect(text).not.toContain(Buffer.from('s3cr3t-value').toString('base64url'));
  });

  it('uses a fresh IV each time', () => {
    const cipher = createCredentialCipher(KEY);
    expect(cipher.encrypt(SECRET)).not.toBe(cipher.encrypt(SECRET));
  });

  it('derives the same key id from the same key, another from another key', () => {
    const id = (key: string) => createCredentialCipher(key).encrypt(1).split('.')[1];
    expect(id(KEY)).toBe(id(KEY));
    expect(id(KEY)).not.toBe(id(OTHER_KEY));
  });

  it('reads the key from PORTAGE_ENCRYPTION_KEY by default', () => {
    vi.stubEnv('PORTAGE_ENCRYPTION_KEY', KEY);
    const text = createCredentialCipher().encrypt(SECRET);
    expect(createCredentialCipher(KEY).decrypt(text)).toEqual(SECRET);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(48).toString('base64')],
    ['not base64', `${'!'.repeat(43)}=`],
  ])('rejects a %s key with CONFIG_INVALID', (_name, key) => {
    vi.stubEnv('PORTAGE_ENCRYPTION_KEY', undefined);
    expect(codeOf(() => createCredentialCipher(key))).toBe('CONFIG_INVALID');
  });

  it('says how to generate a key and never prints the bad one', () => {
    const bad = randomBytes(16).toString('base64');
    const message = messageOf(() => createCredentialCipher(bad));
    expect(message).toContain('randomBytes(32)');
    expect(message).not.toContain(bad);
  });

  it('refuses a value encrypted with another key', () => {
    const text = createCredentialCipher(OTHER_KEY).encrypt(SECRET);
    expect(codeOf(() => createCredentialCipher(KEY).decrypt(text))).toBe('CONFIG_INVALID');
  });

  it('refuses a relabelled value (key id swapped to the current key)', () => {
    const cipher = createCredentialCipher(KEY);
    const ours = cipher.encrypt(1).split('.');
    const theirs = createCredentialCipher(OTHER_KEY).encrypt(SECRET).split('.');
    const relabelled = [theirs[0], ours[1], ...theirs.slice(2)].join('.');
    expect(codeOf(() => cipher.decrypt(relabelled))).toBe('CONFIG_INVALID');
  });

  it.each([
    ['flipped ciphertext', (parts: string[]) => [...parts.slice(0, 4), flip(parts[4] ?? '')]],
    ['flipped tag', (parts: string[]) => [...parts.slice(0, 3), flip(parts[3] ?? ''), parts[4] ?? '']],
    ['flipped iv', (parts: string[]) => [...parts.slice(0, 2), flip(parts[2] ?? ''), ...parts.slice(3)]],
    ['unknown version', (parts: string[]) => ['v2', ...parts.slice(1)]],
    ['missing part', (parts: string[]) => parts.slice(0, 4)],
  ])('refuses a tampered value: %s', (_name, tamper) => {
    const cipher = createCredentialCipher(KEY);
    const tampered = tamper(cipher.encrypt(SECRET).split('.')).join('.');
    expect(codeOf(() => cipher.decrypt(tampered))).toBe('CONFIG_INVALID');
  });

  it('refuses a value JSON cannot hold', () => {
    expect(codeOf(() => createCredentialCipher(KEY).encrypt(undefined))).toBe('VALIDATION_FAILED');
  });
});

function flip(base64url: string): string {
  const bytes = Buffer.from(base64url, 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
}
