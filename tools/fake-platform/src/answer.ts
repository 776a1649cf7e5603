/** A complete HTTP answer, decided before it is written (and, with latency, before it is sent). */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/**
 * A JSON answer; errors use the `{ error: { message } }` shape that many platforms share.
 *
 * @example jsonAnswer(404, { error: { message: 'no such endpoint' } })
 */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/**
 * An error answer in that shape.
 *
 * @example errorAnswer(503, 'service unavailable')
 */
export function errorAnswer(status: number, message: string, headers: Record<string, string> = {}): Answer {
  return jsonAnswer(status, { error: { message } }, headers);
}
