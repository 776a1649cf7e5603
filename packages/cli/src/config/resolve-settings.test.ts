import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_URL, resolveSettings } from './resolve-settings.js';

const config = { connectors: {}, database: { url: 'postgres://config/db', schema: 'acme' }, queue: { schema: 'acme_jobs' } };

describe('resolveSettings', () => {
  it.each([
    ['the flag first', { flagUrl: 'postgres://flag/db', config, env: { DATABASE_URL: 'postgres://env/db' } }, 'postgres://flag/db'],
    ['then the config', { flagUrl: undefined, config, env: { DATABASE_URL: 'postgres://env/db' } }, 'postgres://config/db'],
    ['then DATABASE_URL', { flagUrl: undefined, config: undefined, env: { DATABASE_URL: 'postgres://env/db' } }, 'postgres://env/db'],
    ['then the default (an empty DATABASE_URL counts as unset)', { flagUrl: undefined, config: undefined, env: { DATABASE_URL: ' ' } }, DEFAULT_DATABASE_URL],
  ])('database URL: %s', (_name, given, want) => {
    expect(resolveSettings(given).databaseUrl).toBe(want);
  });

  it('schemas from the config, else portage and pgboss', () => {
    expect(resolveSettings({ flagUrl: undefined, config, env: {} })).toMatchObject({ schema: 'acme', queueSchema: 'acme_jobs' });
    expect(resolveSettings({ flagUrl: undefined, config: undefined, env: {} })).toMatchObject({ schema: 'portage', queueSchema: 'pgboss' });
  });
});
