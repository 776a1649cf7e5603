import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_CODE_NAMES } from './error-codes.js';
import { isPortageError, PortageError } from './portage-error.js';

describe('PortageError', () => {
  it.each(ERROR_CODE_NAMES)('%s carries the action of its code', (code) => {
    const error = new PortageError(code, 'something happened');
    expect(error.code).toBe(code);
    expect(error.action).toBe(ERROR_CODES[code].action);
    expect(isPortageError(error)).toBe(true);
  });

  it.each([
    ['RATE_LIMITED', 'wait_until'],
    ['AUTH_EXPIRED', 'reauthorize'],
    ['PERMISSION_DENIED', 'alert_customer'],
    ['UPSTREAM_UNAVAILABLE', 'retry'],
    ['NOT_FOUND', 'ignore_record'],
    ['VALIDATION_FAILED', 'fix_config'],
  ] as const)('%s -> %s', (code, action) => {
    expect(new PortageError(code, 'x').action).toBe(action);
  });

  it('keeps the cause and the context, and says what to do', () => {
    const cause = new Error('socket hang up');
    const error = new PortageError('NETWORK_ERROR', 'GET /x failed', { cause, context: { status: 0, method: 'GET' } });
    expect(error.cause).toBe(cause);
    expect(error.context.method).toBe('GET');
    expect(error.message).toContain(ERROR_CODES.NETWORK_ERROR.hint);
    expect(error.toJSON()).toMatchObject({ code: 'NETWORK_ERROR', action: 'retry' });
  });

  it('is recognised across copies by shape', () => {
    const foreign = Object.assign(new Error('x'), { name: 'PortageError', code: 'NOT_FOUND' });
    expect(isPortageError(foreign)).toBe(true);
    expect(isPortageError(new Error('x'))).toBe(false);
  });
});
