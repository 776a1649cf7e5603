import type { Readable } from 'node:stream';
import { PortageError, type ErrorContext } from '@portage/core';

/**
 * Reads a streamed body into one buffer, stopping (and destroying the stream, which closes
 * the socket) as soon as it passes `maxBytes`, so a runaway response cannot exhaust memory.
 * A declared `content-length` is checked before reading anything.
 */
export async function readBody(
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
  context: ErrorContext,
  contentLength?: string,
): Promise<Buffer> {
  const tooLarge = () =>
    new PortageError('RESPONSE_TOO_LARGE', `response body passed the limit of ${maxBytes} bytes`, { context: { ...context, maxBytes } });
  const declared = contentLength === undefined ? NaN : Number(contentLength);
  if (declared > maxBytes) {
    (body as Partial<Readable>).destroy?.();
    throw tooLarge();
  }
  if (isNodeStream(body)) return readStream(body, maxBytes, tooLarge);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function isNodeStream(body: AsyncIterable<Uint8Array>): body is Readable & AsyncIterable<Uint8Array> {
  return typeof (body as Partial<Readable>).on === 'function' && typeof (body as Partial<Readable>).destroy === 'function';
}

// Stream events instead of `for await`: one promise per body rather than one per chunk, which
// is measurable on the hot path of a paginated read (see tools/bench).
function readStream(stream: Readable, maxBytes: number, tooLarge: () => PortageError): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        const error = tooLarge();
        stream.destroy(error);
        reject(error);
        return;
      }
      chunks.push(chunk);
    });
    stream.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    stream.once('error', reject);
    stream.once('close', () => {
      if (!stream.readableEnded) reject(new Error('the response stream closed before its end'));
    });
  });
}
