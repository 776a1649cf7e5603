import { describe, expect, it } from 'vitest';
import { defineConnector } from './define-connector.js';
import { defineEntity } from './define-entity.js';

const accounts = defineEntity<{ Id: string }, 'Customer'>({
  unified: 'Customer',
  request: { method: 'POST', path: '/services/Soap', soap: { operation: 'query', input: { queryString: 'SELECT Id FROM Account' } } },
  recordsPath: 'result.records',
  pagination: { type: 'soap_continuation', operation: 'queryMore', input: { queryLocator: 'result.queryLocator' }, donePath: 'result.done' },
  primaryKey: 'Id',
  map: (raw) => ({ id: raw.Id }),
});

describe('connector soap config', () => {
  it('keeps the WSDL path and the per-connection endpoint and header builders', async () => {
    const connector = defineConnector({
      name: 'soapy',
      baseUrl: 'https://login.example.com',
      auth: { type: 'none' },
      soap: {
        wsdl: '/srv/wsdl/service.wsdl',
        baseUrl: ({ tenant }) => `https://${tenant}.example.com`,
        headers: ({ operation, tenant }) => [`<session>${tenant}:${operation}</session>`],
      },
      entities: { accounts },
    });
    expect(connector.soap?.wsdl).toBe('/srv/wsdl/service.wsdl');
    expect(connector.soap?.baseUrl?.({ tenant: 'acme' })).toBe('https://acme.example.com');
    const headers = await connector.soap?.headers?.({ operation: 'query', attempt: 1, credentials: { type: 'none' }, tenant: 'acme' });
    expect(headers).toEqual(['<session>acme:query</session>']);
  });

  it('is absent for HTTP connectors', () => {
    const connector = defineConnector({ name: 'plain', baseUrl: 'https://api.example.com', auth: { type: 'bearer' }, entities: { accounts } });
    expect(connector.soap).toBeUndefined();
  });

  it('names a missing WSDL path and a builder that is not a function', () => {
    const base = { name: 'soapy', baseUrl: 'https://x.example.com', auth: { type: 'none' as const }, entities: { accounts } };
    expect(() => defineConnector({ ...base, soap: { wsdl: '' } })).toThrow(/soap\.wsdl/);
    expect(() => defineConnector({ ...base, soap: { wsdl: 'a.wsdl', headers: 'tokenPassport' as never } })).toThrow(/soap\.headers must be a function/);
  });
});
