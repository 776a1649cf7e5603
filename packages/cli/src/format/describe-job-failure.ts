import { jobFailureOf } from '@portage/refresh';
import { messageWithoutCode } from '../errors/message-without-code.js';

/**
 * Pure: what a dead-lettered job's output says about its last failure. pg-boss stores the
 * thrown error serialised (a PortageError keeps its code and action) or `{ value: { message } }`
 * when the job expired; stacks are left out.
 *
 * @example describeJobFailure({ code: 'UPSTREAM_UNAVAILABLE', action: 'retry', message: 'UPSTREAM_UNAVAILABLE: GET /c answered 503' }); // 'UPSTREAM_UNAVAILABLE (retry): GET /c answered 503'
 */
export function describeJobFailure(output: unknown): string {
  const failure = jobFailureOf(output);
  if (!failure) return '-';
  if (failure.code === undefined) return failure.message;
  const action = failure.action === undefined ? '' : ` (${failure.action})`;
  return `${failure.code}${action}: ${messageWithoutCode(failure.message, failure.code)}`;
}
