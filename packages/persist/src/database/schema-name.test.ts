import { describe, expect, it } from 'vitest';
import { assertSchemaName } from './schema-name.js';

describe('assertSchemaName', () => {
  it.each(['portage', 'portage_t_0a1b2c', '_private', 'Tenant1', 'a'.repeat(63)])('accepts %s', (name) => {
    expect(() => assertSchemaName(name)).not.toThrow();
  });

  it.each(['', 'has-dash', 'has space', 'x;drop schema public', '"quoted"', '1starts_with_digit', 'pg_mine', 'PG_TOAST', 'a'.repeat(64), 'é'])(
    'rejects %j with CONFIG_INVALID',
    (name) => {
      expect(() => assertSchemaName(name)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    },
  );
});
