import type { IncomingMessage } from 'node:http';

/**
 * Thrown by {@link readRawBody} when a body is larger than allowed.
 *
 * @example if (error instanceof BodyTooLargeError) res.writeHead(413).end();
 */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`the request body is larger than ${limitBytes} bytes`);
  }
}

/**
 * Reads a request body as raw bytes (signatures cover the bytes as sent), refusing one larger
 * than `limitBytes`: at once when `Content-Length` says so, else as soon as it grows past it.
 * The rest of a refused body is drained and dropped rather than the socket destroyed, so the
 * sender still reads the 413.
 *
 * @throws BodyTooLargeError
 * @example const body = await readRawBody(req, 1024 * 1024);
 */
export function readRawBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limitBytes) {
      req.resume();
      reject(new BodyTooLargeError(limitBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limitBytes) {
        refused = true;
        chunks.length = 0;
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks, size));
    });
    req.on('error', reject);
  });
}
