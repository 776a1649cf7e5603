import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { PortageError } from '@portage/core';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const GENERATE_KEY = `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`;

/**
 * Encrypts credentials for storage and decrypts them back.
 *
 * @example
 * const cipher = createCredentialCipher();
 * const text = cipher.encrypt({ type: 'bearer', token: 't0ken' }); // 'v1.1a2b3c4d.<iv>.<tag>.<ciphertext>'
 * const credentials = cipher.decrypt<Credentials>(text);
 */
export interface CredentialCipher {
  /** JSON-serialises `value` and encrypts it: `v1.<keyId>.<iv>.<tag>.<ciphertext>`. */
  encrypt(value: unknown): string;
  /** Reverses `encrypt`; the type parameter is trusted, not checked. */
  decrypt<T>(text: string): T;
}

/**
 * AES-256-GCM with a random 12-byte IV per value. The version and key id are authenticated
 * too (as additional data), so a value cannot be relabelled. `keyId` is the first 8 hex digits
 * of sha256 of the key bytes: enough to tell keys apart during a rotation, useless to recover
 * a key.
 *
 * @param key 32 random bytes in base64; default `process.env.PORTAGE_ENCRYPTION_KEY`.
 * @throws PortageError CONFIG_INVALID when the key is missing or not 32 bytes of base64.
 * @example
 * const cipher = createCredentialCipher(process.env.PORTAGE_ENCRYPTION_KEY);
 * const stored = cipher.encrypt({ type: 'api_key', apiKey: 'key_example' });
 */
export function createCredentialCipher(key: string | undefined = process.env.PORTAGE_ENCRYPTION_KEY): CredentialCipher {
  const keyBytes = parseKey(key);
  const keyId = createHash('sha256').update(keyBytes).digest('hex').slice(0, 8);
  const additionalData = Buffer.from(`${VERSION}.${keyId}`);

  return {
    encrypt(value) {
      const plaintext = JSON.stringify(value) as string | undefined;
      if (plaintext === undefined) {
        throw new PortageError('VALIDATION_FAILED', 'credentials must be a JSON value (an object such as { type: "bearer", token })');
      }
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyBytes, iv);
      cipher.setAAD(additionalData);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, keyId, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
    },

    decrypt<T>(text: string): T {
      const parts = typeof text === 'string' ? text.split('.') : [];
      const [version, valueKeyId, iv, tag, ciphertext] = parts;
      if (parts.length !== 5 || version !== VERSION || !valueKeyId || !iv || !tag || ciphertext === undefined) {
        throw cannotDecrypt({ reason: 'malformed' });
      }
      if (valueKeyId !== keyId) {
        // Both ids are truncated hashes, safe to show, and they tell which key the value needs.
        throw cannotDecrypt({ reason: 'key_mismatch', valueKeyId, configuredKeyId: keyId });
      }
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw cannotDecrypt({ reason: 'malformed' });
      let plaintext: string;
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyBytes, ivBytes, { authTagLength: TAG_BYTES });
        decipher.setAAD(additionalData);
        decipher.setAuthTag(tagBytes);
        plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw cannotDecrypt({ reason: 'authentication_failed' }, cause);
      }
      return JSON.parse(plaintext) as T;
    },
  };
}

function parseKey(key: string | undefined): Buffer {
  if (key === undefined || key.trim() === '') {
    throw new PortageError(
      'CONFIG_INVALID',
      `PORTAGE_ENCRYPTION_KEY is not set: generate a key with ${GENERATE_KEY}, store it as a secret and set PORTAGE_ENCRYPTION_KEY (losing it makes stored credentials unreadable)`,
    );
  }
  const trimmed = key.trim();
  const bytes = Buffer.from(trimmed, 'base64');
  // Node's base64 decoder skips characters it does not know, so a re-encode is the only way
  // to notice a key that is not base64 at all.
  if (bytes.length !== KEY_BYTES || bytes.toString('base64') !== trimmed) {
    throw new PortageError(
      'CONFIG_INVALID',
      `PORTAGE_ENCRYPTION_KEY must be 32 random bytes encoded as base64 (44 characters): generate one with ${GENERATE_KEY}`,
    );
  }
  return bytes;
}

function cannotDecrypt(context: Record<string, string>, cause?: unknown): PortageError {
  return new PortageError('CONFIG_INVALID', 'cannot decrypt credentials: wrong PORTAGE_ENCRYPTION_KEY or corrupted value', {
    cause,
    context,
  });
}
