export { createRedactor, isSensitiveHeader, isSensitiveName, REDACTED, type Redactor } from './redact.js';
export { DEFAULT_TRACKING_HEADERS, trackingIdOf } from './tracking-id.js';
export { createLogger, silentLogger, LOGGER_REDACT_PATHS, type CreateLoggerOptions, type Logger } from './logger.js';
export { currentLogContext, withLogContext, type LogContext } from './log-context.js';
