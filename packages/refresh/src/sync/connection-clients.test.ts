import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConnector, defineEntity, type Credentials } from '@portage/core';
import { createLogger, type Page, type TransportRequest } from '@portage/fetch';
import type { Connection, ConnectionStore, PortageDatabase } from '@portage/persist';
import { afterEach, describe, expect, it } from 'vitest';
import { createConnectionClients } from './connection-clients.js';

const NS = 'urn:portage:test:items';
// A small document/literal service written for this test: `list` with a signed `Auth` header.
const WSDL = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="${NS}" targetNamespace="${NS}">
  <types><xsd:schema targetNamespace="${NS}" elementFormDefault="qualified">
    <xsd:complexType name="Item"><xsd:sequence><xsd:element name="id" type="xsd:string"/></xsd:sequence></xsd:complexType>
    <xsd:element name="list"><xsd:complexType><xsd:sequence><xsd:element name="kind" type="xsd:string"/></xsd:sequence></xsd:complexType></xsd:element>
    <xsd:element name="listResponse"><xsd:complexType><xsd:sequence>
      <xsd:element name="item" type="tns:Item" minOccurs="0" maxOccurs="unbounded"/>
    </xsd:sequence></xsd:complexType></xsd:element>
    <xsd:element name="Auth"><xsd:complexType><xsd:sequence><xsd:element name="key" type="xsd:string"/></xsd:sequence></xsd:complexType></xsd:element>
  </xsd:schema></types>
  <message name="listRequest"><part name="parameters" element="tns:list"/></message>
  <message name="listResponse"><part name="parameters" element="tns:listResponse"/></message>
  <message name="Header"><part name="Auth" element="tns:Auth"/></message>
  <portType name="ItemsPort"><operation name="list"><input message="tns:listRequest"/><output message="tns:listResponse"/></operation></portType>
  <binding name="ItemsBinding" type="tns:ItemsPort">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="list"><soap:operation soapAction=""/>
      <input><soap:header message="tns:Header" part="Auth" use="literal"/><soap:body parts="parameters" use="literal"/></input>
      <output><soap:body use="literal"/></output>
    </operation>
  </binding>
  <service name="ItemsService"><port name="Items" binding="tns:ItemsBinding"><soap:address location="http://127.0.0.1:9/items"/></port></service>
</definitions>`;

const ANSWER = `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
<listResponse xmlns="${NS}"><item><id>A-1</id></item><item><id>A-2</id></item></listResponse></soap:Body></soap:Envelope>`;

const items = defineEntity<{ id: string }, 'Product'>({
  unified: 'Product',
  request: { method: 'POST', path: '/services/items', soap: { operation: 'list', input: { kind: 'all' } } },
  recordsPath: 'item',
  pagination: { type: 'none' },
  primaryKey: 'id',
  map: (raw) => ({ id: raw.id, title: raw.id, status: 'active' }),
});

const connection: Connection = { id: 'conn-1', platform: 'soapy', tenant: 'acme', health: 'healthy', healthReason: null, createdAt: new Date(), updatedAt: new Date() };
// Built at run time: no secret-shaped literal in the source.
const credentials: Credentials = { type: 'basic', username: 'robot', password: ['pw', Date.now().toString(36)].join('-') };
const connections = { credentials: () => Promise.resolve(credentials) } as unknown as ConnectionStore;
const logger = createLogger({ level: 'silent' });

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function clientsWith(transport: (request: TransportRequest) => string) {
  const seen: TransportRequest[] = [];
  const clients = createConnectionClients({
    database: {} as PortageDatabase,
    connections,
    logger,
    fetchOptions: {
      transport: (request) => {
        seen.push(request);
        const body = transport(request);
        return Promise.resolve({ status: 200, headers: { 'content-type': 'text/xml' }, body: (async function* () { yield Buffer.from(body); })() });
      },
      retry: { maxAttempts: 1 },
    },
  });
  close = clients.closeAll;
  return { clients, seen };
}

async function wsdlFile(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'portage-refresh-soap-')), 'items.wsdl');
  await writeFile(path, WSDL);
  return path;
}

describe('connection clients for SOAP connectors', () => {
  it('read SOAP entities through a SOAP client made from the connector: its WSDL, the connection endpoint, headers from the credentials', async () => {
    const connector = defineConnector({
      name: 'soapy',
      baseUrl: 'https://login.soapy.test',
      auth: { type: 'none' },
      soap: {
        wsdl: await wsdlFile(),
        baseUrl: ({ tenant }) => `https://${tenant}.soapy.test`,
        headers: ({ credentials: given, tenant, operation, attempt }) => [
          `<Auth xmlns="${NS}"><key>${tenant}/${operation}/${attempt}/${given.type === 'basic' ? given.username : '?'}</key></Auth>`,
        ],
      },
      entities: { items },
    });
    const { clients, seen } = await clientsWith(() => ANSWER);
    const client = await clients.clientFor(connection, connector);
    expect(await clients.clientFor(connection, connector)).toBe(client);
    const pages: Page[] = [];
    for await (const page of client.paginate(connector.entities.items)) pages.push(page);
    expect(pages.flatMap((page) => page.records)).toEqual([{ id: 'A-1' }, { id: 'A-2' }]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('https://acme.soapy.test/services/items');
    expect(seen[0]!.body).toContain('<key>acme/list/1/robot</key>');
    expect(seen[0]!.body).toContain('<kind>all</kind>');
    expect(seen[0]!.body).not.toContain(credentials.type === 'basic' ? credentials.password : '');
  });

  it('keep SOAP entities of a connector without `soap` an error that says what to add', async () => {
    const connector = defineConnector({ name: 'soapy', baseUrl: 'https://soapy.test', auth: { type: 'basic' }, entities: { items } });
    const { clients, seen } = await clientsWith(() => ANSWER);
    const client = await clients.clientFor(connection, connector);
    await expect(client.paginate(connector.entities.items).next()).rejects.toThrow(/SOAP operation/);
    expect(seen).toHaveLength(0);
  });

  it('fail a connection whose WSDL is missing, and try again on the next job', async () => {
    const connector = defineConnector({ name: 'soapy', baseUrl: 'https://soapy.test', auth: { type: 'none' }, soap: { wsdl: join(tmpdir(), 'no-such-dir', 'x.wsdl') }, entities: { items } });
    const { clients } = await clientsWith(() => ANSWER);
    await expect(clients.clientFor(connection, connector)).rejects.toThrow(/cannot be read/);
    const fixed = defineConnector({ ...connector, soap: { wsdl: await wsdlFile() } });
    await expect(clients.clientFor(connection, fixed)).resolves.toBeDefined();
  });
});
