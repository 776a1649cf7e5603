/** The SuiteTalk 2023.2 namespaces the connector writes into requests. */
export const NS = {
  messages: 'urn:messages_2023_2.platform.webservices.netsuite.com',
  core: 'urn:core_2023_2.platform.webservices.netsuite.com',
  common: 'urn:common_2023_2.platform.webservices.netsuite.com',
} as const;

/** The SOAP endpoint's path on an account's SuiteTalk host. */
export const ENDPOINT_PATH = '/services/NetSuitePort_2023_2';
