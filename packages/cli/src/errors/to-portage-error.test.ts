import { PortageError } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { toPortageError } from './to-portage-error.js';

describe('toPortageError', () => {
  const databaseUrl = 'postgres://app:s3cret@db:5432/app';
  it.each<[string, unknown, string, RegExp]>([
    ['unreachable', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'NETWORK_ERROR', /cannot reach Postgres at postgres:\/\/app:\*\*\*@db:5432\/app \(ECONNREFUSED\)/],
    ['unreachable, both address families', Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), {}), 'NETWORK_ERROR', /ECONNREFUSED/],
    ['a wrong password', Object.assign(new Error('password authentication failed'), { code: '28P01' }), 'CONFIG_INVALID', /refused the login/],
    ['missing tables', Object.assign(new Error('relation "portage.connections" does not exist'), { code: '42P01' }), 'CONFIG_INVALID', /run `portage migrate` first/],
    ['anything else', new Error('boom'), 'UNKNOWN', /boom/],
  ])('%s', (_name, given, code, message) => {
    const error = toPortageError(given, { databaseUrl });
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('s3cret');
  });

  it('leaves a PortageError as it is', () => {
    const error = new PortageError('TIMEOUT', 'x');
    expect(toPortageError(error)).toBe(error);
  });
});
