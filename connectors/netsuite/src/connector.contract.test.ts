import { readFileSync } from 'node:fs';
import { undeclaredRequests, type RequestSurface } from '@portage/testing';
import { describe, expect, it } from 'vitest';
import { createNetsuiteConnector } from './connector.js';

const surface = JSON.parse(readFileSync(new URL('../../../specs/netsuite/surface.json', import.meta.url), 'utf8')) as RequestSurface;
// The contract reads only the entities' operations: the WSDL path is not opened here.
const netsuite = createNetsuiteConnector({ wsdl: 'netsuite.wsdl' });

describe('netsuite contract', () => {
  it('calls only operations that specs/netsuite/surface.json declares', () => {
    expect(undeclaredRequests(netsuite, surface)).toEqual([]);
  });
});
