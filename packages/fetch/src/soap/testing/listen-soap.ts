import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listen, type IServices } from 'soap';

/** A real `soap` server on 127.0.0.1 for tests. */
export interface SoapTestServer {
  /** http://127.0.0.1:<port> */
  url: string;
  close(): Promise<void>;
}

export interface SoapTestServerOptions {
  wsdlPath: string;
  /** Path the SOAP service answers on, e.g. "/services/NetSuitePort_2023_2". */
  path: string;
  services: IServices;
  /** Answers every other path: raw responses for broken-platform cases. */
  fallback?: (request: IncomingMessage, response: ServerResponse) => void;
}

/**
 * Starts `soap.listen` on node:http at 127.0.0.1:0 with the given WSDL (parsed by the server
 * on its own, independently of the client under test) and resolves once it answers.
 *
 * @example const server = await listenSoap({ wsdlPath, path: '/soap', services: { Svc: { Port: { query } } } });
 */
export async function listenSoap(options: SoapTestServerOptions): Promise<SoapTestServer> {
  const http = createServer(
    options.fallback ??
      ((_request, response) => {
        response.writeHead(404).end();
      }),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const xml = await readFile(options.wsdlPath, 'utf8');
  await new Promise<void>((resolve, reject) => {
    listen(http, {
      path: options.path,
      services: options.services,
      xml,
      uri: options.wsdlPath,
      callback: (error: unknown) => (error ? reject(error as Error) : resolve()),
    });
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * A SOAP 1.1 fault the `soap` server sends verbatim (it serialises `_xml` as is), so tests can
 * answer with a vendor's namespaced detail. Throw it from a service method.
 *
 * @example throw rawFault('<soap:Fault><faultcode>soap:Server</faultcode><faultstring>down</faultstring></soap:Fault>');
 */
export function rawFault(xml: string, statusCode = 500): { Fault: { faultcode: string; _xml: string; statusCode: number } } {
  return { Fault: { faultcode: 'raw', _xml: xml, statusCode } };
}
