import { describe, expect, it } from 'vitest';
import { redactDatabaseUrl } from './redact-database-url.js';

describe('redactDatabaseUrl', () => {
  it.each([
    ['postgres://app:s3cret@db:5432/app', 'postgres://app:***@db:5432/app'],
    ['postgres://postgres@127.0.0.1:5432/postgres', 'postgres://postgres@127.0.0.1:5432/postgres'],
    ['postgres://db/app?sslmode=require&password=s3cret', 'postgres://db/app?sslmode=require&password=***'],
    ['host=db password=s3cret', '<unparseable url>'],
  ])('given %s, gives %s', (given, want) => {
    expect(redactDatabaseUrl(given)).toBe(want);
  });
});
