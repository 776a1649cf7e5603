import type { ServerResponse } from 'node:http';
import { isPortageError } from '@portage/core';

// The page loads only its own script, stylesheet and data: nothing inline, nothing elsewhere.
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * Sends a body with the dashboard's security headers.
 *
 * @example send(response, 200, 'text/html; charset=utf-8', page);
 */
export function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': contentType, ...headers }).end(body);
}

/**
 * Sends JSON.
 *
 * @example sendJson(response, 200, { connections });
 */
export function sendJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(response, status, 'application/json; charset=utf-8', `${JSON.stringify(value, null, 2)}\n`, headers);
}

/**
 * Sends `{ error: { code, message } }`: a universal code and a sentence saying what to do.
 *
 * @example sendError(response, 404, 'NOT_FOUND', 'no such connection: check the id in /api/connections');
 */
export function sendError(response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(response, status, { error: { code, message } }, headers);
}

/**
 * Sends an unexpected failure as JSON: its universal code and message, never a stack.
 *
 * @example sendFailure(response, error);
 */
export function sendFailure(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  if (isPortageError(error)) {
    const status = error.code === 'NOT_FOUND' ? 404 : error.code === 'VALIDATION_FAILED' || error.code === 'CONFIG_INVALID' ? 400 : 500;
    sendError(response, status, error.code, error.message);
    return;
  }
  sendError(response, 500, 'UNKNOWN', `the dashboard failed to answer: ${error instanceof Error ? error.message : String(error)}`);
}
