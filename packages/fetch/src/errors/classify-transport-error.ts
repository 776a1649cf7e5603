/** A failure before a response arrived, in the terms `decideRetry` understands. */
export type TransportFailure = { type: 'network'; code: string } | { type: 'timeout' };

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function isTimeout(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if ((current as { name?: unknown }).name === 'TimeoutError') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Timeouts (the transport's or the socket's) vs other network errors, keeping the library's code. */
export function classifyTransportError(error: unknown): TransportFailure {
  const code = errorCode(error);
  if ((code !== undefined && TIMEOUT_CODES.has(code)) || isTimeout(error)) {
    return { type: 'timeout' };
  }
  return { type: 'network', code: code ?? (error instanceof Error ? error.name : 'UNKNOWN') };
}
