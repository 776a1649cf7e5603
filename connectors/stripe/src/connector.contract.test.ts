import { readFileSync } from 'node:fs';
import { undeclaredRequests, type RequestSurface } from '@portage/testing';
import { describe, expect, it } from 'vitest';
import { stripe } from './connector.js';

const surface = JSON.parse(readFileSync(new URL('../../../specs/stripe/surface.json', import.meta.url), 'utf8')) as RequestSurface;

describe('stripe contract', () => {
  it('sends only requests that specs/stripe/surface.json declares', () => {
    expect(undeclaredRequests(stripe, surface)).toEqual([]);
  });
});
