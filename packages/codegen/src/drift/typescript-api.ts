import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ts as BundledTypeScript } from 'ts-morph';

/** The TypeScript compiler API (the shape of ts-morph's bundled copy; any 5.x/6.x has it). */
export type TypeScriptApi = typeof BundledTypeScript;

/**
 * The TypeScript compiler a workspace builds its connectors with (its own `typescript`
 * package, as `tsc` runs it), else the copy bundled with ts-morph. Type errors are only
 * meaningful from the compiler the connector is checked with in CI.
 *
 * @example const ts = await loadTypeScript(workspaceRoot); ts.version // '5.9.3'
 */
export async function loadTypeScript(workspaceRoot: string): Promise<TypeScriptApi> {
  let resolved: string | undefined;
  try {
    resolved = createRequire(join(workspaceRoot, 'package.json')).resolve('typescript');
  } catch {
    resolved = undefined;
  }
  if (resolved !== undefined) {
    const loaded = (await import(pathToFileURL(resolved).href)) as { default?: TypeScriptApi } & TypeScriptApi;
    return loaded.default ?? loaded;
  }
  return (await import('ts-morph')).ts;
}
