import { readFileSync } from 'node:fs';
import { undeclaredRequests, type RequestSurface } from '@portage/testing';
import { describe, expect, it } from 'vitest';
import { xero } from './connector.js';

const surface = JSON.parse(readFileSync(new URL('../../../specs/xero/surface.json', import.meta.url), 'utf8')) as RequestSurface;

describe('xero contract', () => {
  it('sends only requests that specs/xero/surface.json declares', () => {
    expect(undeclaredRequests(xero, surface)).toEqual([]);
  });
});
