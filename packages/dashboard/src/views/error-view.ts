import type { RunError } from '@portage/persist';
import type { Snapshot } from '../data/load-snapshot.js';
import { whatToDo, type WhatToDo } from './what-to-do.js';

/**
 * One recorded error, with where it happened and what to do about it.
 *
 * @example const view: ErrorView = errorViews(snapshot, 50)[0]!;
 */
export interface ErrorView {
  at: string;
  connectionId: string;
  platform: string;
  tenant: string;
  runId: string;
  /** Null for an error of the run as a whole. */
  entity: string | null;
  code: string;
  action: string;
  message: string;
  platformMessage: string | null;
  platformCode: string | null;
  status: number | null;
  trackingId: string | null;
  whatToDo: WhatToDo;
}

/**
 * Pure: the errors of the snapshot's runs, newest first, at most `limit`. A run's own error
 * that repeats its entity's (a failed job records both) is listed once.
 *
 * @example const latest = errorViews(snapshot, 50);
 */
export function errorViews(snapshot: Snapshot, limit: number): ErrorView[] {
  const views: ErrorView[] = [];
  for (const { connection, runs } of snapshot.connections) {
    for (const run of runs) {
      const seen = new Set<string>();
      const add = (error: RunError, entity: string | null) => {
        const key = `${error.at}|${error.code}|${error.message}`;
        if (seen.has(key)) return;
        seen.add(key);
        views.push(toErrorView(error, { connectionId: connection.id, platform: connection.platform, tenant: connection.tenant, runId: run.id, entity }));
      };
      for (const entity of run.entities) for (const error of entity.errors) add(error, entity.entity);
      if (run.error) add(run.error, null);
    }
  }
  return views.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
}

function toErrorView(error: RunError, where: Pick<ErrorView, 'connectionId' | 'platform' | 'tenant' | 'runId' | 'entity'>): ErrorView {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  return {
    at: error.at,
    ...where,
    code: error.code,
    action: error.action,
    message: messageWithoutCode(error.message, error.code),
    platformMessage: text(error.platformMessage),
    platformCode: text(error.platformCode),
    status: typeof error.status === 'number' ? error.status : null,
    trackingId: text(error.trackingId),
    whatToDo: whatToDo({ code: error.code, action: error.action, waitUntil: text(error.waitUntil) ?? undefined }),
  };
}

/**
 * Pure: a PortageError message without its `CODE: ` prefix (the code is shown beside it).
 *
 * @example messageWithoutCode('TIMEOUT: GET /orders took too long', 'TIMEOUT'); // 'GET /orders took too long'
 */
export function messageWithoutCode(message: string, code: string): string {
  return message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message;
}
