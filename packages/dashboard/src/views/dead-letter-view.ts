import { jobFailureOf, type DeadLetter } from '@portage/refresh';
import type { Connection } from '@portage/persist';
import { messageWithoutCode } from './error-view.js';
import { whatToDo, type WhatToDo } from './what-to-do.js';

/**
 * One dead-lettered sync job: what it was syncing, why it failed, what to do.
 *
 * @example const view: DeadLetterView = toDeadLetterView(job, connectionsById);
 */
export interface DeadLetterView {
  id: string;
  createdOn: string;
  connectionId: string;
  /** Null when the connection is gone. */
  platform: string | null;
  tenant: string | null;
  entity: string;
  kind: string;
  failure: { code: string | null; action: string | null; message: string; trackingId: string | null; platformMessage: string | null } | null;
  whatToDo: WhatToDo;
}

/**
 * Pure: a dead letter as a {@link DeadLetterView}, named after its connection when known.
 *
 * @example const views = jobs.map((job) => toDeadLetterView(job, byId));
 */
export function toDeadLetterView(job: DeadLetter, connections: ReadonlyMap<string, Connection>): DeadLetterView {
  const connection = connections.get(job.data.connectionId);
  const failure = jobFailureOf(job.output);
  return {
    id: job.id,
    createdOn: job.createdOn.toISOString(),
    connectionId: job.data.connectionId,
    platform: connection?.platform ?? null,
    tenant: connection?.tenant ?? null,
    entity: job.data.entity,
    kind: job.data.kind,
    failure: failure
      ? {
          code: failure.code ?? null,
          action: failure.action ?? null,
          message: failure.code ? messageWithoutCode(failure.message, failure.code) : failure.message,
          trackingId: failure.trackingId ?? null,
          platformMessage: failure.platformMessage ?? null,
        }
      : null,
    whatToDo: failure?.code
      ? whatToDo({ code: failure.code, action: failure.action })
      : { title: 'Investigate', detail: 'The job failed without a Portage error (it may have timed out): check the worker logs for its job id, then replay.' },
  };
}
