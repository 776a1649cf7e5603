import { readFileSync } from 'node:fs';
import { undeclaredRequests, type RequestSurface } from '@portage/testing';
import { describe, expect, it } from 'vitest';
import { square } from './connector.js';

const surface = JSON.parse(readFileSync(new URL('../../../specs/square/surface.json', import.meta.url), 'utf8')) as RequestSurface;

describe('square contract', () => {
  it('sends only requests that specs/square/surface.json declares', () => {
    expect(undeclaredRequests(square, surface)).toEqual([]);
  });
});
