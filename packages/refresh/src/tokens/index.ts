export { createPersistedTokenProvider, type PersistedTokenProviderOptions } from './create-persisted-token-provider.js';
export { withTokenLock } from './with-token-lock.js';
