import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PortageError } from '@portage/core';
import { createClientAsync, type IOptions, type WSDL } from 'soap';
import { exactDeserializers } from './exact-xsd-types.js';

/** A parsed WSDL, shared by every client made from the same file. */
export type Wsdl = WSDL;

/**
 * Options of the parsed WSDL: they govern how every response is read, so they are fixed here
 * rather than per client.
 */
export const WSDL_OPTIONS: IOptions = {
  customDeserializer: exactDeserializers(),
  // Resolve a type's prefix with the namespaces of the schema file that uses it: NetSuite binds
  // prefixes per XSD file, and without this every nested complex type (an addressbook list,
  // a RecordRef) is left undescribed, so its lists are not arrays and its values not typed.
  forceUseSchemaXmlns: true,
  // xsi:nil="true" arrives as null rather than vanishing, so "no value" and "not sent" differ.
  handleNilAsNull: true,
  // soap would refetch the WSDL per client; the cache below is keyed by file and mtime instead.
  disableCache: true,
  // Imports must sit beside the WSDL on disk: a sync never fetches a schema over the network.
  httpClient: {
    request: (url: string) => {
      throw new PortageError('CONFIG_INVALID', `the WSDL imports ${url}: download it and point the import at a local file`);
    },
  },
};

/**
 * Options every per-call `soap` Client is made with: a Client writes some of them back onto the
 * shared WSDL, so they must match those it was parsed with.
 */
export const CLIENT_OPTIONS: IOptions = { forceUseSchemaXmlns: true };

const cache = new Map<string, Promise<Wsdl>>();

/**
 * Reads and parses a WSDL (and its local XSD imports) once per file version; later calls with
 * the same unchanged file share the parse (NetSuite's 2.7 MB takes seconds).
 *
 * @throws PortageError CONFIG_INVALID when the path is a URL, missing, or not a WSDL soap can read.
 *
 * @example const wsdl = await loadWsdl('./specs/netsuite/netsuite.wsdl');
 */
export async function loadWsdl(path: string): Promise<Wsdl> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    throw new PortageError('CONFIG_INVALID', `wsdl must be a local file path, not the URL ${path}: download it once (with its imports) and ship it with the connector`);
  }
  const file = resolve(path);
  const info = await stat(file).catch((cause: unknown) => {
    throw new PortageError('CONFIG_INVALID', `the WSDL file ${file} cannot be read: check the wsdl path`, { cause });
  });
  const key = `${file}:${info.mtimeMs}:${info.size}`;
  let loading = cache.get(key);
  if (!loading) {
    loading = parse(file);
    cache.set(key, loading);
    // A failed parse is not remembered: fixing the file and retrying must work.
    loading.catch(() => cache.delete(key));
  }
  return loading;
}

async function parse(file: string): Promise<Wsdl> {
  try {
    const client = await createClientAsync(file, WSDL_OPTIONS);
    return client.wsdl;
  } catch (cause) {
    if (cause instanceof PortageError) throw cause;
    const reason = cause instanceof Error ? cause.message.slice(0, 200) : 'unknown error';
    throw new PortageError('CONFIG_INVALID', `the WSDL ${file} could not be parsed (${reason}): check that it and its imports are complete`, { cause });
  }
}
