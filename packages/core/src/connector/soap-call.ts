import { z } from 'zod';

/**
 * The SOAP form of an entity's first request: which WSDL operation to call and its input, as
 * JSON shaped like the operation's input message (the SOAP client turns it into the envelope).
 * It rides on `request.soap`; the request's `path` is then the SOAP endpoint's path, relative
 * to the connector's base URL (e.g. "/services/NetSuitePort_2023_2").
 *
 * @example { operation: 'query', input: { queryString: 'SELECT Id, Name FROM Account' } }
 */
export const soapCallSchema = z.object({
  /** The WSDL operation, exactly as the WSDL spells it, e.g. "search". */
  operation: z.string().min(1),
  /** The operation's input message as JSON; `{}` when it takes none. */
  input: z.record(z.string(), z.unknown()).default({}),
});
export type SoapCall = z.input<typeof soapCallSchema>;
