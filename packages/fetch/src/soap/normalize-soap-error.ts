import { isPortageError, PortageError, type ErrorContext } from '@portage/core';
import { classifyTransportError, type TransportFailure } from '../errors/classify-transport-error.js';
import { defaultCodeForStatus } from '../errors/default-error-table.js';
import type { Redactor } from '../log/index.js';
import type { SoapExchange } from './soap-exchange.js';
import { readSoapFault } from './soap-fault.js';
import { classifySoapFault, type SoapFaultRule } from './soap-fault-codes.js';

/** A failed SOAP call: the universal error, and what `decideRetry` needs to know about it. */
export interface SoapFailure {
  error: PortageError;
  /** Transport failures and answers; absent when the call never reached the wire. */
  outcome?: TransportFailure | { type: 'response'; status: number; headers: Record<string, string> };
}

export interface SoapErrorInput {
  operation: string;
  exchange: SoapExchange;
  /** What `soap` reported (a parse error, a fault it recognised), when the exchange itself does not explain it. */
  cause: unknown;
  context: ErrorContext;
  redact: Redactor;
  rules?: readonly SoapFaultRule[];
}

// Retries key off these synthetic statuses, so a fault that means "wait" or "platform down"
// is retried like the 429/503 it stands for, whatever status the platform put on it.
const RETRY_STATUS: Partial<Record<PortageError['code'], number>> = { RATE_LIMITED: 429, UPSTREAM_UNAVAILABLE: 503 };

/**
 * Turns a failed SOAP call into a PortageError: transport failures (TIMEOUT, NETWORK_ERROR),
 * faults (by platform code), non-SOAP error pages (by HTTP status), unreadable bodies
 * (MALFORMED_RESPONSE). Messages carry the operation, the redacted endpoint and the platform's
 * redacted message: never the envelope, which holds the credentials.
 *
 * @example
 * const { error } = normalizeSoapError({ operation: 'search', exchange, cause, context, redact });
 * error.code // 'RATE_LIMITED' for a WS_CONCUR_SESSION_DISALLWD fault
 */
export function normalizeSoapError(input: SoapErrorInput): SoapFailure {
  const { operation, exchange, context, redact } = input;
  const where = `${operation} at ${context.url ?? 'the endpoint'}`;
  if (exchange.kind !== 'answered') {
    const cause = exchange.kind === 'failed' ? exchange.error : input.cause;
    if (isPortageError(cause)) {
      cause.context.url ??= context.url;
      return { error: cause };
    }
    if (exchange.kind === 'pending') {
      // soap failed before sending (an input it could not serialise).
      const reason = cause instanceof Error ? redact.text(cause.message).slice(0, 200) : 'unknown error';
      return { error: new PortageError('VALIDATION_FAILED', `${where}: the input could not be turned into a SOAP request (${reason})`, { cause, context }) };
    }
    const failure = classifyTransportError(cause);
    const code = failure.type === 'timeout' ? 'TIMEOUT' : 'NETWORK_ERROR';
    const detail = failure.type === 'timeout' ? 'no complete answer in time' : `connection failed (${failure.code})`;
    return { error: new PortageError(code, `${where}: ${detail}`, { cause, context }), outcome: failure };
  }
  const answered = { ...context, status: exchange.status };
  let fault;
  try {
    fault = readSoapFault(exchange.text);
  } catch (notXml) {
    const code = exchange.status >= 400 ? defaultCodeForStatus(exchange.status) : 'MALFORMED_RESPONSE';
    const why = exchange.status >= 400 ? `answered ${exchange.status} without a SOAP envelope` : `answered with a body that is not XML (${(notXml as Error).message})`;
    return failed(new PortageError(code, `${where} ${why}`, { cause: notXml, context: answered }), exchange);
  }
  if (fault) {
    const code = classifySoapFault(fault, exchange.status, input.rules);
    const platformMessage = redact.text(fault.message).slice(0, 500);
    const context: ErrorContext = {
      ...answered,
      faultCode: fault.faultCode,
      ...(fault.platformCode ? { platformCode: fault.platformCode } : {}),
      ...(platformMessage ? { platformMessage } : {}),
    };
    const label = fault.platformCode ?? fault.detailName ?? fault.faultCode;
    return failed(new PortageError(code, `${where}: SOAP fault ${label}${platformMessage ? `: ${platformMessage}` : ''}`, { context }), exchange, code);
  }
  if (exchange.status >= 300) {
    return failed(new PortageError(defaultCodeForStatus(exchange.status), `${where} answered ${exchange.status} without a SOAP fault`, { context: answered }), exchange);
  }
  const reason = input.cause instanceof Error ? redact.text(input.cause.message).slice(0, 200) : 'no readable SOAP body';
  return failed(new PortageError('MALFORMED_RESPONSE', `${where}: the answer is XML but not a SOAP response soap could read (${reason})`, { cause: input.cause, context: answered }), exchange);
}

function failed(error: PortageError, exchange: Extract<SoapExchange, { kind: 'answered' }>, code = error.code): SoapFailure {
  return { error, outcome: { type: 'response', status: RETRY_STATUS[code] ?? exchange.status, headers: exchange.headers } };
}
