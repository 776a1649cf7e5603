import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connector } from '@portage/core';
import { specLockPath } from '../engine/generate-connector.js';
import { SpecError } from '../openapi/spec-error.js';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * The platforms drift checks by default: every folder under connectors/ whose spec is pinned
 * in specs/<platform>/spec.lock.json, sorted.
 *
 * @example await driftPlatforms('/repo') // ['ebay', 'square', 'stripe', 'xero']
 */
export async function driftPlatforms(workspaceRoot: string): Promise<string[]> {
  let entries: { name: string; isDirectory(): boolean }[];
  try {
    entries = await readdir(join(workspaceRoot, 'connectors'), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const platforms: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && (await exists(join(workspaceRoot, specLockPath(entry.name))))) platforms.push(entry.name);
  }
  return platforms.sort();
}

const looksLikeConnector = (value: unknown): value is Connector =>
  value !== null && typeof value === 'object' && typeof (value as Connector).name === 'string' && typeof (value as Connector).entities === 'object';

/**
 * Imports a workspace connector package and returns the connector it exports: its TypeScript
 * entry (src/index.ts) when a TypeScript loader runs (the `portage` command from a checkout,
 * vitest), else its build (dist/index.js). The export named like the platform wins.
 *
 * @example const stripe = await loadWorkspaceConnector('/repo', 'stripe'); stripe.entities.charges.request.path // '/v1/charges'
 */
export async function loadWorkspaceConnector(workspaceRoot: string, platform: string): Promise<Connector> {
  const dir = join(workspaceRoot, 'connectors', platform);
  const entries = [join(dir, 'src', 'index.ts'), join(dir, 'dist', 'index.js')];
  let module: Record<string, unknown> | undefined;
  const failures: string[] = [];
  for (const entry of entries) {
    if (!(await exists(entry))) continue;
    try {
      module = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
      break;
    } catch (error) {
      failures.push(`${entry}: ${(error as Error).message}`);
    }
  }
  if (module === undefined) {
    throw new SpecError(
      failures.length === 0
        ? `connectors/${platform} has neither src/index.ts nor dist/index.js; generate the connector first (portage generate ${platform})`
        : `cannot import the ${platform} connector (${failures.join('; ')}); run from a checkout with its dependencies installed, or build it first`,
    );
  }
  const candidates = Object.entries(module).filter(([, value]) => looksLikeConnector(value)) as [string, Connector][];
  const chosen = candidates.find(([, value]) => value.name === platform) ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (chosen === undefined) {
    throw new SpecError(
      `connectors/${platform} exports ${candidates.length === 0 ? 'no connector' : `${candidates.length} connectors and none is named "${platform}"`}; export the defineConnector(...) result from its index`,
    );
  }
  return chosen[1];
}
