/**
 * The last failure of a dead-lettered job, as far as pg-boss's stored `output` tells it.
 *
 * @example const failure: JobFailure = { code: 'UPSTREAM_UNAVAILABLE', action: 'retry', message: 'UPSTREAM_UNAVAILABLE: GET /orders answered 503', trackingId: 'req_1' };
 */
export interface JobFailure {
  code?: string;
  action?: string;
  message: string;
  trackingId?: string;
  platformMessage?: string;
  status?: number;
}

/**
 * Pure: reads a job's `output`. pg-boss stores the thrown error serialised (a PortageError
 * keeps its code, action and context) or `{ value: { message } }` when the job expired; stacks
 * are left out. `undefined` when the output says nothing.
 *
 * @example jobFailureOf({ code: 'TIMEOUT', action: 'retry', message: 'TIMEOUT: GET /c', context: { trackingId: 't1' } }); // { code: 'TIMEOUT', action: 'retry', message: 'TIMEOUT: GET /c', trackingId: 't1' }
 */
export function jobFailureOf(output: unknown): JobFailure | undefined {
  if (typeof output !== 'object' || output === null) return output === undefined || output === null ? undefined : { message: String(output) };
  const record = output as { code?: unknown; action?: unknown; message?: unknown; value?: unknown; context?: unknown };
  if (typeof record.message === 'string') {
    const context = (typeof record.context === 'object' && record.context !== null ? record.context : {}) as Record<string, unknown>;
    return {
      ...(typeof record.code === 'string' ? { code: record.code } : {}),
      ...(typeof record.code === 'string' && typeof record.action === 'string' ? { action: record.action } : {}),
      message: record.message,
      ...(typeof context.trackingId === 'string' ? { trackingId: context.trackingId } : {}),
      ...(typeof context.platformMessage === 'string' ? { platformMessage: context.platformMessage } : {}),
      ...(typeof context.status === 'number' ? { status: context.status } : {}),
    };
  }
  if (record.value !== undefined) return jobFailureOf(record.value);
  return undefined;
}
