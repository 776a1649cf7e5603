import { z } from 'zod';
import type { Credentials } from './auth.js';

/** What a connector's SOAP header builder is told about one call. */
export interface SoapHeaderCall {
  /** The WSDL operation being called, e.g. "search". */
  operation: string;
  /** 1 for the first attempt; a retry builds fresh headers (new nonce, timestamp, signature). */
  attempt: number;
  /** The connection's stored credentials. Never log them. */
  credentials: Credentials;
  /** The connection's tenant (the platform's account id). */
  tenant: string;
}

/**
 * One SOAP header: raw XML, or a JSON value the SOAP client serialises (optionally under an
 * element `name` in `namespace`, declared with `xmlns`).
 */
export type ConnectorSoapHeader = string | { value: Record<string, unknown>; name?: string; namespace?: string; xmlns?: string };

const fn = <T>(what: string) => z.custom<T>((value) => typeof value === 'function', `${what} must be a function`);

/**
 * How a connector read over SOAP gets its SOAP client: the WSDL, where one connection's calls
 * go, and the SOAP headers each call carries (auth that lives in the envelope, such as a
 * NetSuite token passport). The worker makes one SOAP client per connection from it.
 *
 * @example
 * soap: {
 *   wsdl: '/srv/wsdl/netsuite-2023_2/netsuite.wsdl',
 *   baseUrl: ({ tenant }) => `https://${tenant}.suitetalk.api.netsuite.com`,
 *   headers: ({ credentials, tenant }) => [tokenPassportXml(credentials, tenant)],
 * }
 */
export const connectorSoapSchema = z.object({
  /** Local path of the WSDL; its imports are read from beside it. */
  wsdl: z.string().min(1, 'give the local path of the WSDL file'),
  /** The base URL of one connection's SOAP endpoint (entities' `request.path` goes under it); default: the connector's `baseUrl`. */
  baseUrl: fn<(connection: { tenant: string }) => string>('soap.baseUrl').optional(),
  /** SOAP headers built afresh for every call (and every retry) from the connection. */
  headers: fn<(call: SoapHeaderCall) => readonly ConnectorSoapHeader[] | Promise<readonly ConnectorSoapHeader[]>>('soap.headers').optional(),
});
export type ConnectorSoap = z.infer<typeof connectorSoapSchema>;
