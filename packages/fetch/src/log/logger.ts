import { pino } from 'pino';
import { currentLogContext } from './log-context.js';
import { REDACTED } from './redact.js';

/**
 * The structured logger every Portage package writes to (pino's, so `child()` works).
 *
 * @example const log: Logger = createLogger().child({ connectionId });
 */
export type Logger = pino.Logger;

/**
 * Options of {@link createLogger}.
 *
 * @example { name: 'portage-fetch', level: 'debug', destination: { write: (line) => lines.push(line) } }
 */
export interface CreateLoggerOptions {
  /** pino level name; 'info' by default. */
  level?: string;
  /**
   * Where JSON lines go: a stream, or a file path written through pino's own buffered writer
   * (much cheaper per line than a Node fs stream). Stdout by default.
   */
  destination?: pino.DestinationStream | string;
  /** Put on every line as `name`. */
  name?: string;
}

// A second line of defence only: callers pass headers, URLs and bodies through the redactor
// first. These paths catch a secret that reached a log call some other way. pino paths are
// case-sensitive and `*` covers one level, hence the explicit variants.
const SECRET_KEYS = [
  'password',
  'token',
  'secret',
  'apiKey',
  'api_key',
  'clientSecret',
  'client_secret',
  'refreshToken',
  'refresh_token',
  'accessToken',
  'access_token',
  'credentials',
];
const SECRET_HEADERS = ['authorization', 'Authorization', 'cookie', 'Cookie', '["set-cookie"]', '["proxy-authorization"]', '["x-api-key"]'];

/**
 * The pino `redact` paths {@link createLogger} configures.
 *
 * @example pino({ redact: { paths: [...LOGGER_REDACT_PATHS], censor: REDACTED } })
 */
export const LOGGER_REDACT_PATHS: readonly string[] = Object.freeze([
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_HEADERS.map((h) => `headers${h.startsWith('[') ? h : `.${h}`}`),
  ...SECRET_HEADERS.map((h) => `*.headers${h.startsWith('[') ? h : `.${h}`}`),
]);

// Fields of the enclosing `withLogContext`, unless the logger already binds them (a run's own
// child logger binds its runId): a key appears once per line.
function logContextMixin(_merge: object, _level: number, logger: pino.Logger): object {
  const context = currentLogContext();
  const keys = Object.keys(context);
  if (keys.length === 0) return context;
  const bound = logger.bindings();
  for (const key of keys) {
    if (key in bound) delete context[key];
  }
  return context;
}

/**
 * A JSON logger with pino's redaction configured as a backstop. Lines written inside
 * `withLogContext(fields, ...)` carry those fields (a job's `runId`, `jobId`).
 *
 * @example
 * const logger = createLogger({ name: 'portage-fetch', level: 'debug' });
 * logger.info({ url: redact.url(url), status: 200 }, 'http response');
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const config: pino.LoggerOptions = {
    level: options.level ?? 'info',
    base: options.name === undefined ? {} : { name: options.name },
    redact: { paths: [...LOGGER_REDACT_PATHS], censor: REDACTED },
    mixin: logContextMixin,
  };
  if (options.destination === undefined) return pino(config);
  const destination = typeof options.destination === 'string' ? pino.destination({ dest: options.destination, sync: false }) : options.destination;
  return pino(config, destination);
}

/**
 * A logger that writes nothing, for tests and benchmarks.
 *
 * @example createFetchClient({ baseUrl, logger: silentLogger() })
 */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
