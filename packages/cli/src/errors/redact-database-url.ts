// Query parameters libpq and pg accept that carry secrets.
const SECRET_PARAMS = /pass|secret|key|token/i;

/**
 * Pure: a database URL fit to print, its password (in the authority or in the query) replaced.
 * Text that is not a URL comes back as `<unparseable url>`, since it may hold a password in
 * some other form.
 *
 * @example redactDatabaseUrl('postgres://app:s3cret@db:5432/app'); // 'postgres://app:***@db:5432/app'
 */
export function redactDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '<unparseable url>';
  }
  if (parsed.password) parsed.password = '***';
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAMS.test(name)) parsed.searchParams.set(name, '***');
  }
  // URLSearchParams encodes the asterisks; they are only a marker, so show them plainly.
  return parsed.toString().replaceAll('%2A%2A%2A', '***');
}
