import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceDir, runConformance } from '../src/conformance.js';

const dir = conformanceDir(resolve(import.meta.dirname, '..', '..', '..'));
if (dir === undefined) console.warn('drift conformance skipped: ../shared/drift-conformance is absent (test data outside the checkout)');

describe.skipIf(dir === undefined)('drift conformance against oasdiff verdicts', () => {
  it('agrees with oasdiff on at least 95% of the pairs (each spec really loaded and diffed)', async () => {
    const summary = await runConformance(dir!, { now: new Date('2025-06-01T00:00:00Z'), cacheDir: mkdtempSync(join(tmpdir(), 'drift-conf-')) });
    expect(summary.results.length).toBe(284);
    expect(summary.loadFailures).toBeLessThan(10);
    expect(summary.agreement).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
