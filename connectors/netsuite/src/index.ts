export { createNetsuiteConnector, netsuite, type NetsuiteConnector, type NetsuiteConnectorOptions } from './connector.js';
export { accountId, tokenCredentials, tokenPassportXml, type PassportMoment, type TokenCredentials } from './auth/token-passport.js';
export { searchPreferencesXml } from './search.js';
export { ENDPOINT_PATH } from './namespaces.js';
export type { CurrencyOptions } from './mappings/shared.js';
export type * from './platform.js';
