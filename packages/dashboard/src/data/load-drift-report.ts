import { readFile, stat } from 'node:fs/promises';
import { toDriftView, type DriftView } from '../views/drift-view.js';

/**
 * The drift report as the page shows it: none configured or written yet, unreadable (with
 * why), or the report.
 *
 * @example const drift: DriftState = await loadDriftReport('reports/drift.json');
 */
export type DriftState = { state: 'none'; path: string | null } | { state: 'unreadable'; path: string; problem: string } | { state: 'ok'; path: string; report: DriftView };

/**
 * Reads the JSON `portage drift --json-out <file>` wrote, on every call (it is small, and a
 * scheduled drift run replaces it while the dashboard runs).
 *
 * @example const drift = await loadDriftReport(process.env.PORTAGE_DRIFT_REPORT);
 */
export async function loadDriftReport(path: string | undefined): Promise<DriftState> {
  if (path === undefined) return { state: 'none', path: null };
  let body: string;
  let writtenAt: Date;
  try {
    [body, writtenAt] = await Promise.all([readFile(path, 'utf8'), stat(path).then((info) => info.mtime)]);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return { state: 'none', path };
    return { state: 'unreadable', path, problem: `cannot read it: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { state: 'unreadable', path, problem: 'it is not JSON (write it with `portage drift --json-out <file>`)' };
  }
  const view = toDriftView(json, writtenAt);
  return 'problem' in view ? { state: 'unreadable', path, problem: view.problem } : { state: 'ok', path, report: view };
}
