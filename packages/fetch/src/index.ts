export { createFetchClient, type FetchClient, type FetchResponse, type RequestInput, type RequestOptions } from './client/create-fetch-client.js';
export { encodeForm, sendWrite, type WriteRequest } from './write/index.js';
export { type FetchClientOptions, type RateLimitWait } from './client/fetch-client-options.js';
export { type Page, type PageSource, type PaginateOptions } from './client/paginate.js';
export { toRequestSpec, type HttpMethod, type RequestSpec, type ResponseHeaders } from './http/request-spec.js';
export { type Transport, type TransportRequest, type TransportResponse } from './transport/transport.js';
export { createUndiciTransport, type UndiciTransportOptions } from './transport/undici-transport.js';
export { createFetchTransport } from './transport/fetch-transport.js';
export { normalizeHttpError } from './errors/normalize-http-error.js';
export { createPaginator, placeTokens, type PageState, type PageToken, type Paginator } from './pagination/index.js';
export { decideRetry, parseRetryAfter, DEFAULT_RETRY_POLICY, type RetryDecision, type RetryInput, type RetryPolicy } from './retry/index.js';
export { createRateLimiter, type RateLimiter } from './rate-limit/index.js';
export { abandonOnAbort } from './auth/abandon-on-abort.js';
export { createAuthenticator, createOAuth2TokenProvider, type Authenticator, type OAuthTokens, type TokenProvider } from './auth/index.js';
export { createLogger, createRedactor, trackingIdOf, DEFAULT_TRACKING_HEADERS, withLogContext, currentLogContext, type LogContext, type Logger } from './log/index.js';
export { parseXml } from './xml/index.js';
export {
  createSoapClient,
  classifySoapFault,
  DEFAULT_SOAP_FAULT_RULES,
  readSoapFault,
  soapCallOf,
  soapPageState,
  type SoapCallOptions,
  type SoapClient,
  type SoapClientOptions,
  type SoapFault,
  type SoapFaultRule,
  type SoapHeader,
  type SoapHeaderContext,
  type SoapOperations,
  type SoapPageCall,
  type SoapResponse,
  type UntypedSoapOperations,
} from './soap/index.js';
