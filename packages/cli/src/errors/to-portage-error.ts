import { isPortageError, PortageError } from '@portage/core';
import { redactDatabaseUrl } from './redact-database-url.js';

// Node's socket errors when Postgres cannot be reached at all.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET']);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  // Connecting to "localhost" tries IPv4 and IPv6 and reports both in an AggregateError.
  const inner = (error as { errors?: unknown[] } | null)?.errors?.[0];
  return inner === undefined ? undefined : codeOf(inner);
}

/**
 * Turns whatever a command threw into a PortageError with a message that says what to do.
 * Postgres problems (unreachable, wrong password, missing database or tables) become
 * NETWORK_ERROR or CONFIG_INVALID naming the database with its password redacted.
 *
 * @example toPortageError(new Error('boom'), { databaseUrl }).code; // 'UNKNOWN'
 */
export function toPortageError(error: unknown, settings: { databaseUrl?: string | undefined } = {}): PortageError {
  if (isPortageError(error)) return error;
  const where = settings.databaseUrl === undefined ? 'the database' : `Postgres at ${redactDatabaseUrl(settings.databaseUrl)}`;
  const code = codeOf(error);
  const reason = error instanceof Error ? error.message : String(error);
  if (code !== undefined && UNREACHABLE.has(code)) {
    return new PortageError('NETWORK_ERROR', `cannot reach ${where} (${code}): start it, or point --database-url or DATABASE_URL at a running one`, { cause: error });
  }
  switch (code) {
    case '28P01':
    case '28000':
      return new PortageError('CONFIG_INVALID', `${where} refused the login (${reason}): check the user and password in the database URL`, { cause: error });
    case '3D000':
      return new PortageError('CONFIG_INVALID', `${where}: ${reason}: create the database or fix the database URL`, { cause: error });
    case '42P01':
    case '3F000':
      return new PortageError('CONFIG_INVALID', `the Portage tables are missing (${reason}): run \`portage migrate\` first`, { cause: error });
    default:
      return new PortageError('UNKNOWN', reason, { cause: error });
  }
}
