import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A file the page loads: its content type and where it is.
 *
 * @example const asset = STATIC_ASSETS['/assets/dashboard.js'];
 */
export interface StaticAsset {
  contentType: string;
  path: string;
}

// src/server/ and dist/server/ are both two levels below the package root.
const ASSETS_DIR = fileURLToPath(new URL('../../assets/', import.meta.url));
// chart.js exports only its ESM and CJS entry points; its UMD build sits beside them in dist/.
const CHART_DIST = dirname(createRequire(import.meta.url).resolve('chart.js'));

/**
 * The page's script, stylesheet and chart.js, all served from disk by this server: the page
 * needs no network beyond it.
 *
 * @example await readAsset(STATIC_ASSETS['/assets/chart.umd.min.js']!);
 */
export const STATIC_ASSETS: Readonly<Record<string, StaticAsset>> = {
  '/assets/dashboard.js': { contentType: 'text/javascript; charset=utf-8', path: join(ASSETS_DIR, 'dashboard.js') },
  '/assets/dashboard.css': { contentType: 'text/css; charset=utf-8', path: join(ASSETS_DIR, 'dashboard.css') },
  '/assets/chart.umd.min.js': { contentType: 'text/javascript; charset=utf-8', path: join(CHART_DIST, 'chart.umd.min.js') },
};

const cache = new Map<string, Promise<Buffer>>();

/**
 * An asset's bytes, read once per process.
 *
 * @example const bytes = await readAsset(asset);
 */
export function readAsset(asset: StaticAsset): Promise<Buffer> {
  let bytes = cache.get(asset.path);
  if (!bytes) {
    bytes = readFile(asset.path);
    cache.set(asset.path, bytes);
    bytes.catch(() => cache.delete(asset.path));
  }
  return bytes;
}
