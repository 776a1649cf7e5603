import { getPath, PortageError, type ErrorCode, type ErrorContext, type ErrorMapping, type ErrorRule } from '@portage/core';
import type { ResponseHeaders } from '../http/request-spec.js';
import { defaultCodeForStatus } from './default-error-table.js';
import { platformErrorFields } from './platform-error-fields.js';

export interface HttpErrorInput {
  status: number;
  headers: ResponseHeaders;
  /** The body text, already redacted. */
  bodyText: string;
  context: ErrorContext;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function ruleMatches(rule: ErrorRule, status: number, json: unknown, text: string): boolean {
  if (rule.status !== undefined) {
    const statuses = Array.isArray(rule.status) ? rule.status : [rule.status];
    if (!statuses.includes(status)) return false;
  }
  if (rule.pattern === undefined) return rule.bodyPath === undefined || getPath(json, rule.bodyPath) !== undefined;
  const subject = rule.bodyPath === undefined ? text : getPath(json, rule.bodyPath);
  if (subject === undefined || subject === null) return false;
  return new RegExp(rule.pattern).test(typeof subject === 'string' ? subject : JSON.stringify(subject));
}

/**
 * Turns a non-2xx response into the universal error: the connector's rules first (status,
 * body path, pattern), then the default status table.
 *
 * @example
 * normalizeHttpError({ status: 402, headers: {}, bodyText: '{"error":{"type":"card_error"}}', context: {} },
 *   { rules: [{ status: 402, bodyPath: 'error.type', pattern: '^card_error$', code: 'VALIDATION_FAILED' }] }).code
 * // 'VALIDATION_FAILED'
 */
export function normalizeHttpError(input: HttpErrorInput, mapping?: ErrorMapping): PortageError {
  const json = parseJson(input.bodyText);
  const rule = mapping?.rules?.find((candidate) => ruleMatches(candidate, input.status, json, input.bodyText));
  const code: ErrorCode = rule?.code ?? defaultCodeForStatus(input.status);
  const fields = platformErrorFields(json, { messagePath: mapping?.messagePath, codePath: mapping?.codePath });
  const context: ErrorContext = { ...input.context, status: input.status, ...fields };
  const where = `${input.context.method ?? 'request'} ${input.context.url ?? ''}`.trim();
  const said = fields.platformMessage ? `: ${fields.platformMessage}` : '';
  return new PortageError(code, `${where} answered ${input.status}${said}`, { context });
}
