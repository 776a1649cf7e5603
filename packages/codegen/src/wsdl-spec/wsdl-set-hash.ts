import { createHash } from 'node:crypto';
import { dirname, relative, sep } from 'node:path';

/** One file of a WSDL set and its bytes. */
export interface WsdlSetFile {
  /** Absolute path or URL, as the loader reached it. */
  location: string;
  bytes: Uint8Array;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A location relative to the entry file's folder, `/`-separated; URLs stay absolute. */
function manifestName(location: string, entryDir: string): string {
  if (/^https?:\/\//i.test(location)) return location;
  return relative(entryDir, location).split(sep).join('/');
}

/**
 * The sha256 pinned in spec.lock.json for a WSDL set: a WSDL is several files (`wsdl:import`,
 * `xsd:import`, `xsd:include`), and the lock must notice a change in any of them. The hash is
 * taken over a manifest with one line per file, `<name> <sha256 of its bytes>\n`, where name
 * is the path relative to the entry file's folder (URLs as they are): the entry file first,
 * then every other file sorted by name. Sorting makes it independent of import order; names
 * make a moved or renamed file count as a change.
 *
 * @example wsdlSetSha256([{ location: '/s/a.wsdl', bytes }, { location: '/s/xsd/b.xsd', bytes: xsd }])
 * // sha256('a.wsdl <sha of a>\nxsd/b.xsd <sha of b>\n')
 */
export function wsdlSetSha256(files: readonly WsdlSetFile[]): string {
  const [entry, ...imports] = files;
  if (entry === undefined) throw new Error('wsdlSetSha256 needs at least the entry file');
  const entryDir = /^https?:\/\//i.test(entry.location) ? new URL('.', entry.location).href : dirname(entry.location);
  const line = (file: WsdlSetFile) => `${manifestName(file.location, entryDir)} ${sha256(file.bytes)}\n`;
  const rest = imports.map((file) => ({ name: manifestName(file.location, entryDir), line: line(file) })).sort((a, b) => compare(a.name, b.name));
  return sha256(line(entry) + rest.map((file) => file.line).join(''));
}
