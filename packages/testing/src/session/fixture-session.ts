import { createUndiciTransport, type Transport } from '@portage/fetch';
import type { HeaderPolicy } from '../capture/relevant-headers.js';
import { loadFixture } from '../fixture/fixture-files.js';
import { isRecordMode } from '../record/record-mode.js';
import { createRecorder } from '../record/recorder.js';
import type { RedactionOptions } from '../redact/fixture-redactor.js';
import { replayServer, type ReplayServer } from '../replay/replay-server.js';

/**
 * One scenario of one connector, recorded or replayed.
 *
 * @example { dir: 'fixtures', connector: 'stripe', scenario: 'charges', secrets: () => [apiKey] }
 */
export interface FixtureSessionOptions extends RedactionOptions {
  dir: string;
  connector: string;
  scenario: string;
  /** Record instead of replaying; defaults to `isRecordMode()` (PORTAGE_RECORD=1). */
  record?: boolean;
  /** The real transport when recording (default: undici's `request`). */
  live?: () => Transport & { close?(): Promise<void> };
  headers?: HeaderPolicy;
  now?: () => Date;
}

/**
 * A transport to give the fetch client, and what to do when the scenario ends.
 *
 * @example const { transport } = await openFixtureSession(options);
 */
export interface FixtureSession {
  mode: 'record' | 'replay';
  transport: Transport;
  /** Present in replay mode: mismatches, unused recordings, extra MSW handlers. */
  replay?: ReplayServer;
  /** Recording: writes the fixture file. Replay: stops intercepting. */
  close(): Promise<void>;
}

/**
 * The seam between fixtures and whatever runs a connector against them (the contract suite,
 * a connector's own tests): with PORTAGE_RECORD=1 it records the real platform's traffic into
 * `<dir>/<connector>/<scenario>.json`, otherwise it replays that file offline. The caller only
 * builds its fetch client on `session.transport`.
 *
 * @example
 * const session = await openFixtureSession({ dir: 'fixtures', connector: 'stripe', scenario: 'charges', secrets: () => [apiKey] });
 * try {
 *   const client = createFetchClient({ baseUrl: 'https://api.stripe.com', auth, credentials, transport: session.transport });
 *   for await (const page of client.paginate(source)) await persist(page.records);
 * } finally {
 *   await session.close();
 * }
 */
export async function openFixtureSession(options: FixtureSessionOptions): Promise<FixtureSession> {
  if (options.record ?? isRecordMode()) {
    const live = options.live?.() ?? createUndiciTransport();
    const recorder = createRecorder(options);
    return {
      mode: 'record',
      transport: recorder.transport(options.scenario, live),
      close: async () => {
        try {
          await recorder.save();
        } finally {
          await live.close?.();
        }
      },
    };
  }
  const fixture = await loadFixture(options.dir, options.connector, options.scenario);
  const replay = replayServer([fixture], options);
  replay.listen();
  return { mode: 'replay', transport: replay.transport, replay, close: async () => replay.close() };
}
