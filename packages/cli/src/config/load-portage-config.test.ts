import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertPortageConfig } from './assert-portage-config.js';
import { loadPortageConfig } from './load-portage-config.js';

const dirs: string[] = [];
const dirWith = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'portage-cli-config-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('loadPortageConfig', () => {
  it('finds portage.config.mjs in the directory', async () => {
    const dir = dirWith({ 'portage.config.mjs': 'export default { connectors: {}, database: { schema: "found" } };' });
    const loaded = await loadPortageConfig({ cwd: dir });
    expect(loaded).toMatchObject({ config: { database: { schema: 'found' } }, path: join(dir, 'portage.config.mjs'), dir });
  });

  it('takes --config relative to the directory, and gives undefined when there is none', async () => {
    const dir = dirWith({ 'other.mjs': 'export default { connectors: {} };' });
    expect((await loadPortageConfig({ cwd: dir, path: 'other.mjs' }))?.path).toBe(join(dir, 'other.mjs'));
    expect(await loadPortageConfig({ cwd: dirWith({}) })).toBeUndefined();
  });

  it.each([
    ['a missing --config file', {}, 'nope.mjs', /config file .*nope\.mjs does not exist/],
    ['no default export', { 'c.mjs': 'export const config = {};' }, 'c.mjs', /has no default export: write export default definePortageConfig/],
    ['a module that throws', { 'c.mjs': 'throw new Error("kaboom");' }, 'c.mjs', /could not load .*c\.mjs: kaboom/],
    ['a bad shape', { 'c.mjs': 'export default { connectors: { shop: 42 } };' }, 'c.mjs', /connectors\.shop is not a connector/],
  ])('rejects %s with CONFIG_INVALID', async (_name, files, path, message) => {
    await expect(loadPortageConfig({ cwd: dirWith(files), path })).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringMatching(message) });
  });
});

describe('assertPortageConfig', () => {
  const connector = { name: 'shop', baseUrl: 'https://shop.test', entities: { orders: {} } };
  it('accepts connectors, refresh entries, database and queue settings', () => {
    expect(() =>
      assertPortageConfig({ connectors: { shop: connector }, refresh: { shop: './r.yaml', 'c-1': { entities: [] } }, database: { url: 'postgres://x', schema: 's' }, queue: { schema: 'q' } }, 'cfg'),
    ).not.toThrow();
  });

  it.each<[string, unknown, string]>([
    ['not an object', 42, 'cfg: the config must be an object'],
    ['no connectors', {}, 'cfg: connectors is missing'],
    ['an unknown key', { connectors: {}, conectors: {} }, 'cfg: conectors is not a config key: use connectors, refresh, database, queue'],
    ['a refresh entry of the wrong type', { connectors: {}, refresh: { shop: 3 } }, 'cfg: refresh.shop must be a refresh config'],
    ['an unknown database setting', { connectors: {}, database: { uri: 'x' } }, 'cfg: database.uri is not a setting: use url or schema'],
    ['a non-string schema', { connectors: {}, queue: { schema: 1 } }, 'cfg: queue.schema must be a string'],
  ])('rejects %s', (_name, given, want) => {
    expect(() => assertPortageConfig(given, 'cfg')).toThrow(want);
  });
});
