import type { PortageDatabase } from '@portage/persist';
import type { JobQueue } from '@portage/refresh';
import type { PortageConfig } from '../config/define-portage-config.js';

/**
 * Where a command writes: a Node stream, or anything with `write` (tests collect strings).
 *
 * @example const out: OutputWriter = { write: (text) => chunks.push(text) };
 */
export interface OutputWriter {
  write(text: string): unknown;
  /** A terminal: progress bars and colour. Absent or false: plain lines, no colour. */
  isTTY?: boolean;
}

/**
 * What `main` runs against. Everything but the writers defaults to the process's own, so
 * tests and embedders (the demo) pass only what they need to control.
 *
 * @example
 * const io: CliIo = { stdout: process.stdout, stderr: process.stderr, config: definePortageConfig({ connectors: { shop } }) };
 */
export interface CliIo {
  stdout: OutputWriter;
  stderr: OutputWriter;
  /** Environment (DATABASE_URL, PORTAGE_ENCRYPTION_KEY, NO_COLOR); default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where `portage.config.*` is looked for and relative paths start; default `process.cwd()`. */
  cwd?: string;
  /** A config object used instead of loading a config module (`--config` is then ignored). */
  config?: PortageConfig;
  /** Stops `worker` (and the wait of `sync --wait`); default: SIGINT or SIGTERM. */
  signal?: AbortSignal;
  /**
   * A store opened by the caller (e.g. an embedded one), used instead of connecting to the
   * database URL, and left open. Its schema wins over the config's.
   */
  database?: PortageDatabase;
  /** A job queue started by the caller, used instead of pg-boss at the database URL, left running (`worker` stops it when it stops). */
  queue?: JobQueue;
  /** Where `webhook-secret --stdin` reads the secret; default `process.stdin`. */
  stdin?: AsyncIterable<Buffer | string>;
}

/**
 * {@link CliIo} with its defaults filled in.
 *
 * @example const io = resolveIo({ stdout, stderr }); io.cwd; // process.cwd()
 */
export interface ResolvedIo extends CliIo {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/**
 * Fills in the defaults of a {@link CliIo}.
 *
 * @example const io = resolveIo({ stdout: process.stdout, stderr: process.stderr });
 */
export function resolveIo(io: CliIo): ResolvedIo {
  return { ...io, env: io.env ?? process.env, cwd: io.cwd ?? process.cwd() };
}
