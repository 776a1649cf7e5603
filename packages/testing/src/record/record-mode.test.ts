import { describe, expect, it } from 'vitest';
import { isRecordMode } from './record-mode.js';

describe('isRecordMode', () => {
  it('is on only when PORTAGE_RECORD says so', () => {
    expect(isRecordMode({ PORTAGE_RECORD: '1' })).toBe(true);
    expect(isRecordMode({ PORTAGE_RECORD: 'true' })).toBe(true);
    expect(isRecordMode({ PORTAGE_RECORD: '0' })).toBe(false);
    expect(isRecordMode({ PORTAGE_RECORD: '' })).toBe(false);
    expect(isRecordMode({})).toBe(false);
  });
});
