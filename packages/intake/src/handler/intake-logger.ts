/**
 * The logging the intake does: structured fields, then a message. A pino logger (the one
 * `createLogger` of @portage/fetch makes) fits as it is.
 *
 * @example const logger: IntakeLogger = createLogger({ name: 'portage-intake' });
 */
export interface IntakeLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * A logger that drops everything, the default.
 *
 * @example createWebhookHandler({ ...options, logger: SILENT_LOGGER });
 */
export const SILENT_LOGGER: IntakeLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
