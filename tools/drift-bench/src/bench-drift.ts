// Conformance + timing of Portage's spec diff against oasdiff on oasdiff's own test pairs:
// npm run bench:drift (from the workspace root). Reads ../shared/drift-conformance/.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { conformanceDir, runConformance, type PairResult } from './conformance.js';
import { oasdiffBinary, timeOasdiff } from './oasdiff.js';
import { DISAGREEMENT_REASONS } from './disagreement-reasons.js';

/** Sunset dates are judged against one fixed day, so the verdicts do not move with the calendar. */
const NOW = new Date('2025-06-01T00:00:00Z');
const root = resolve(import.meta.dirname, '..', '..', '..');
const dir = conformanceDir(root);
if (dir === undefined) {
  console.log(`drift bench skipped: ${resolve(root, '..', 'shared', 'drift-conformance')} is absent (it is test data outside the checkout).`);
  process.exit(0);
}
const cacheDir = mkdtempSync(join(tmpdir(), 'drift-bench-'));
const summary = await runConformance(dir, { now: NOW, cacheDir });
const { results } = summary;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const short = (p: string) => p.replace(/^oasdiff-data\//, '');

console.log(`Portage vs oasdiff 1.15 on ${results.length} pairs`);
console.log(`agreement: ${pct(summary.agreement)} (${results.filter((r) => r.agrees).length}/${results.length}; goal >= 95%)`);
console.log(`specs that did not load: ${summary.loadFailures} pairs (verdict: breaking, fail closed); agreement on the others: ${pct(summary.agreementLoaded)}`);
console.log('\ndisagreements:');
for (const r of results.filter((x) => !x.agrees)) {
  const reason = DISAGREEMENT_REASONS[r.pair.base.replace(/^oasdiff-data\//, '')];
  console.log(`- ${describe(r)}${reason ? `\n  why: ${reason}` : ''}`);
}

// Time per pair, side by side on the same pairs (all of them: oasdiff takes some ms each).
const binary = oasdiffBinary();
let oasdiffTotal = 0;
for (const r of results) oasdiffTotal += await timeOasdiff(binary, join(dir, r.pair.base), join(dir, r.pair.revision));
const portageTotal = results.reduce((sum, r) => sum + r.millis, 0);
console.log(`\ntime per pair over all ${results.length} pairs (load + surface + diff, in process; oasdiff as a process):`);
console.log(`  portage: ${(portageTotal / results.length).toFixed(2)} ms`);
console.log(`  oasdiff: ${(oasdiffTotal / results.length).toFixed(2)} ms`);

function describe(r: PairResult): string {
  const ours = r.loadError !== undefined ? `load error (${r.loadError.split(' (')[0]})` : r.breakingIds.join(', ') || 'nothing breaking';
  return `${short(r.pair.base)} -> ${short(r.pair.revision)}: oasdiff ${r.pair.breaking ? 'breaking' : 'not breaking'} [${r.pair.oasdiffIds.join(', ')}], Portage ${r.breaking ? 'breaking' : 'not breaking'} [${ours}]`;
}
