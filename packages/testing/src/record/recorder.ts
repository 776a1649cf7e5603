import type { Transport, TransportResponse } from '@portage/fetch';
import { captureRequest, captureResponse } from '../capture/capture.js';
import type { HeaderPolicy } from '../capture/relevant-headers.js';
import { FIXTURE_FORMAT, type Fixture, type RecordedExchange } from '../fixture/fixture.js';
import { fixturePath, writeFixture } from '../fixture/fixture-files.js';
import { createFixtureRedactor, type RedactionOptions } from '../redact/fixture-redactor.js';

/**
 * Where and how a recorder writes. `now` is injectable so two recordings of the same
 * traffic produce the same bytes.
 *
 * @example { dir: 'fixtures', connector: 'stripe', secrets: () => [apiKey] }
 */
export interface RecorderOptions extends RedactionOptions {
  /** Folder holding one sub-folder per connector. */
  dir: string;
  connector: string;
  headers?: HeaderPolicy;
  now?: () => Date;
}

/**
 * Captures a sync's traffic and writes it as fixture files.
 *
 * @example
 * const recorder = createRecorder({ dir: 'fixtures', connector: 'stripe', secrets: () => [apiKey] });
 * const client = createFetchClient({ baseUrl, transport: recorder.transport('charges', createUndiciTransport()) });
 * for await (const page of client.paginate(charges)) handle(page);
 * await recorder.save(); // fixtures/stripe/charges.json
 */
export interface Recorder {
  /** Wraps the real transport: every exchange through it is recorded under `scenario`. */
  transport(scenario: string, inner: Transport): Transport;
  /** The redacted fixtures recorded so far, one per scenario, scenarios in name order. */
  fixtures(): Fixture[];
  /** Writes one file per scenario and returns their paths. */
  save(): Promise<string[]>;
}

async function readAll(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function* once(bytes: Buffer): AsyncIterable<Uint8Array> {
  if (bytes.length > 0) yield bytes;
}

/**
 * Records at the fetch client's `Transport` seam rather than with MSW's interceptors: undici's
 * `request` (the default transport) bypasses every interceptor MSW has, while a wrapping
 * transport sees the exact wire request and response of any transport (undici or fetch),
 * including retries and token refreshes, with no global patching. Replay, which must also
 * serve code that calls `fetch` directly, goes through MSW (see `replayServer`).
 *
 * Each exchange is redacted the moment it is captured: no unredacted copy is kept in memory,
 * so nothing can write one.
 *
 * @example
 * const recorder = createRecorder({ dir: 'fixtures', connector: 'github', now: () => new Date('2025-01-01') });
 */
export function createRecorder(options: RecorderOptions): Recorder {
  const redactor = createFixtureRedactor(options);
  const now = options.now ?? (() => new Date());
  // Exchanges are ordered by when the request was made, not when its answer came back, so
  // concurrent requests do not reorder a fixture from one recording to the next.
  const scenarios = new Map<string, { seq: number; exchange: RecordedExchange }[]>();
  let seq = 0;

  function transport(scenario: string, inner: Transport): Transport {
    // Fails now, with the name, rather than at save() after a long sync.
    fixturePath(options.dir, options.connector, scenario);
    return async (req): Promise<TransportResponse> => {
      const mine = seq++;
      const res = await inner(req);
      const bytes = await readAll(res.body);
      const exchange: RecordedExchange = {
        request: captureRequest({ method: req.method, url: req.url, headers: req.headers, body: req.body }, redactor, options.headers),
        response: captureResponse({ status: res.status, headers: res.headers, bytes }, redactor, options.headers),
      };
      const list = scenarios.get(scenario) ?? [];
      list.push({ seq: mine, exchange });
      scenarios.set(scenario, list);
      return { status: res.status, headers: res.headers, body: once(bytes) };
    };
  }

  function fixtures(): Fixture[] {
    const recordedAt = now().toISOString();
    return [...scenarios.keys()].sort().map((scenario) => ({
      format: FIXTURE_FORMAT,
      connector: options.connector,
      scenario,
      recordedAt,
      exchanges: [...(scenarios.get(scenario) ?? [])].sort((a, b) => a.seq - b.seq).map((e) => e.exchange),
    }));
  }

  async function save(): Promise<string[]> {
    const paths: string[] = [];
    for (const fixture of fixtures()) paths.push(await writeFixture(options.dir, fixture));
    return paths;
  }

  return { transport, fixtures, save };
}
