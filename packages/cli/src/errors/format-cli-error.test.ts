import { PortageError } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { formatCliError } from './format-cli-error.js';
import { messageWithoutCode } from './message-without-code.js';

describe('formatCliError', () => {
  it('given a PortageError, gives one line: error CODE (action): message', () => {
    expect(formatCliError(new PortageError('NOT_FOUND', 'connection x does not exist'), false)).toBe(
      'error NOT_FOUND (ignore_record): connection x does not exist (the record no longer exists on the platform)\n',
    );
  });

  it('with verbose, adds the stack and the causes', () => {
    const error = new PortageError('UNKNOWN', 'outer', { cause: new Error('inner') });
    const text = formatCliError(error, true);
    expect(text).toMatch(/^error UNKNOWN \(alert_customer\): outer/);
    expect(text).toMatch(/\n\s+at /);
    expect(text).toContain('caused by: Error: inner');
  });

  it('strips only a leading code', () => {
    expect(messageWithoutCode('TIMEOUT: TIMEOUT: x', 'TIMEOUT')).toBe('TIMEOUT: x');
    expect(messageWithoutCode('plain', 'TIMEOUT')).toBe('plain');
  });
});
