import { createCredentialCipher, type CredentialCipher } from '@portage/persist';

/**
 * A cipher that reads its key on first use, so commands that never touch credentials
 * (`status`, `sync` through the queue) work without PORTAGE_ENCRYPTION_KEY, and those that do
 * fail with the cipher's own explanation of how to create one.
 *
 * @example const connections = createConnectionStore(database, deferredCipher(process.env.PORTAGE_ENCRYPTION_KEY));
 */
export function deferredCipher(key: string | undefined): CredentialCipher {
  let cipher: CredentialCipher | undefined;
  const get = (): CredentialCipher => (cipher ??= createCredentialCipher(key));
  return {
    encrypt: (value) => get().encrypt(value),
    decrypt: <T>(text: string) => get().decrypt<T>(text),
  };
}
