import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSurface, diffSurfaces, loadSpec, type DriftChange, type Surface } from '@portage/codegen';

/** One (base, revision) pair of ../shared/drift-conformance/pairs.json, with oasdiff's verdict. */
export interface ConformancePair {
  base: string;
  revision: string;
  breaking: boolean;
  oasdiffIds: string[];
}

export interface PairResult {
  pair: ConformancePair;
  /** Portage's verdict: any breaking change, or a spec that does not load (fail closed). */
  breaking: boolean;
  agrees: boolean;
  /** Why a spec could not be loaded, when one could not. */
  loadError?: string;
  /** Portage's breaking changes (ids), for the disagreement list. */
  breakingIds: string[];
  millis: number;
}

/** The folder with pairs.json and oasdiff-data/, next to the checkout; undefined when absent. */
export function conformanceDir(workspaceRoot: string): string | undefined {
  const dir = resolve(workspaceRoot, '..', 'shared', 'drift-conformance');
  return existsSync(join(dir, 'pairs.json')) ? dir : undefined;
}

export function readPairs(dir: string): ConformancePair[] {
  const parsed = JSON.parse(readFileSync(join(dir, 'pairs.json'), 'utf8')) as { pairs?: unknown };
  if (!Array.isArray(parsed.pairs)) throw new Error(`${join(dir, 'pairs.json')} has no "pairs" array; expected the drift conformance file`);
  return parsed.pairs as ConformancePair[];
}

/**
 * Runs Portage's diff on one pair: load both specs from their files, build surfaces, diff.
 * A spec that does not load gives a breaking verdict: in CI an upstream spec the generator
 * cannot read blocks regeneration, so the check fails closed (and the error is kept).
 * `now` is fixed by callers that want repeatable sunset decisions.
 */
export async function runPair(dir: string, pair: ConformancePair, now: Date, cacheDir: string): Promise<PairResult> {
  const started = performance.now();
  let changes: DriftChange[] = [];
  let loadError: string | undefined;
  try {
    const [base, revision] = await Promise.all([surfaceOf(dir, pair.base, cacheDir), surfaceOf(dir, pair.revision, cacheDir)]);
    changes = diffSurfaces(base, revision, { now });
  } catch (error) {
    loadError = error instanceof Error ? error.message : String(error);
  }
  const millis = performance.now() - started;
  const breakingIds = [...new Set(changes.filter((c) => c.severity === 'breaking').map((c) => c.id))].sort();
  const breaking = loadError !== undefined || breakingIds.length > 0;
  return { pair, breaking, agrees: breaking === pair.breaking, ...(loadError !== undefined ? { loadError } : {}), breakingIds, millis };
}

async function surfaceOf(dir: string, file: string, cacheDir: string): Promise<Surface> {
  const loaded = await loadSpec(join(dir, file), { cwd: dir, cacheDir });
  return buildSurface('conformance', loaded);
}

export interface ConformanceSummary {
  results: PairResult[];
  agreement: number;
  loadFailures: number;
  /** Agreement over the pairs whose two specs both loaded. */
  agreementLoaded: number;
}

export async function runConformance(dir: string, options: { now: Date; cacheDir: string }): Promise<ConformanceSummary> {
  const results: PairResult[] = [];
  for (const pair of readPairs(dir)) results.push(await runPair(dir, pair, options.now, options.cacheDir));
  const loaded = results.filter((r) => r.loadError === undefined);
  return {
    results,
    agreement: results.filter((r) => r.agrees).length / results.length,
    loadFailures: results.length - loaded.length,
    agreementLoaded: loaded.filter((r) => r.agrees).length / Math.max(1, loaded.length),
  };
}
