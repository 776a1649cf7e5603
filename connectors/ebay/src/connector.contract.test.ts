import { readFileSync } from 'node:fs';
import { undeclaredRequests, type RequestSurface } from '@portage/testing';
import { describe, expect, it } from 'vitest';
import { ebay } from './connector.js';

const surface = JSON.parse(readFileSync(new URL('../../../specs/ebay/surface.json', import.meta.url), 'utf8')) as RequestSurface;

describe('ebay contract', () => {
  it('sends only requests that specs/ebay/surface.json declares', () => {
    expect(undeclaredRequests(ebay, surface)).toEqual([]);
  });
});
