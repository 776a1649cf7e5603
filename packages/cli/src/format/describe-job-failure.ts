import { messageWithoutCode } from '../errors/message-without-code.js';

/**
 * Pure: what a dead-lettered job's output says about its last failure. pg-boss stores the
 * thrown error serialised (a PortageError keeps its code and action) or `{ value: { message } }`
 * when the job expired; stacks are left out.
 *
 * @example describeJobFailure({ code: 'UPSTREAM_UNAVAILABLE', action: 'retry', message: 'UPSTREAM_UNAVAILABLE: GET /c answered 503' }); // 'UPSTREAM_UNAVAILABLE (retry): GET /c answered 503'
 */
export function describeJobFailure(output: unknown): string {
  if (typeof output !== 'object' || output === null) return output === undefined ? '-' : String(output);
  const record = output as { code?: unknown; action?: unknown; message?: unknown; value?: unknown };
  if (typeof record.code === 'string' && typeof record.message === 'string') {
    const action = typeof record.action === 'string' ? ` (${record.action})` : '';
    return `${record.code}${action}: ${messageWithoutCode(record.message, record.code)}`;
  }
  if (typeof record.message === 'string') return record.message;
  if (record.value !== undefined) return describeJobFailure(record.value);
  return '-';
}
