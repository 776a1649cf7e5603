import type { ErrorCode } from '@portage/core';
import { defaultCodeForStatus } from '../errors/default-error-table.js';
import type { SoapFault } from './soap-fault.js';

/**
 * A connector's own fault rule: a regular expression tested (case-insensitively) against the
 * fault's platform code, then its detail element name, then its fault code.
 *
 * @example { pattern: '^INVALID_SEARCH\\b', code: 'VALIDATION_FAILED' }
 */
export interface SoapFaultRule {
  pattern: string;
  code: ErrorCode;
}

/**
 * Platform codes seen across SOAP platforms, first match wins. Concurrency and request
 * limits (WS_CONCUR_SESSION_DISALLWD, EXCEEDED_CONCURRENCY_LIMIT, EXCEEDED_REQUEST_LIMIT,
 * REQUEST_LIMIT_EXCEEDED) wait; an expired session reauthorizes; bad credentials alert.
 */
export const DEFAULT_SOAP_FAULT_RULES: readonly SoapFaultRule[] = Object.freeze([
  { pattern: 'CONCUR|REQUEST_?LIMIT|RATE_?LIMIT|TOO_?MANY_?REQUESTS|THROTTL', code: 'RATE_LIMITED' },
  { pattern: 'INVALID_?SESSION|SESSION_?TIMED_?OUT|SESSION_?EXPIRED|TOKEN_?EXPIRED|EXPIRED_?TOKEN', code: 'AUTH_EXPIRED' },
  {
    pattern: 'INVALID_?LOGIN|INVALID_?CREDENTIALS|LOGIN_?FAIL|INVALID_?TOKEN|INVALID_?PASSWORD|PASSWORD_?LOCKOUT|ACC(OU)?N?T_?DISABLED|INVALID_?ACC(OU)?N?T|UNAUTHORI[SZ]ED|AUTHENTICATION',
    code: 'AUTH_INVALID',
  },
  { pattern: 'INSUFFICIENT_?(PERMISSION|ACCESS|PRIVILEGES)|PERMISSION|ACCESS_?DENIED|API_?DISABLED|FEATURE_?DISABLED|NOT_?AUTHORI[SZ]ED', code: 'PERMISSION_DENIED' },
  { pattern: 'NOT_?FOUND|RCRD_?DSNT_?EXIST|ENTITY_?IS_?DELETED', code: 'NOT_FOUND' },
  { pattern: 'UNEXPECTED_?ERROR|SERVER_?UNAVAILABLE|SERVICE_?UNAVAILABLE|INTERNAL_?ERROR|MAINTENANCE', code: 'UPSTREAM_UNAVAILABLE' },
  { pattern: 'INVALID_?(QUERY|FIELD|TYPE|SEARCH|OPERATION|ARGUMENT)|MALFORMED|USER_?ERROR|REQUIRED', code: 'VALIDATION_FAILED' },
]);

/**
 * The universal code of a SOAP fault: the connector's rules, then the shared table on the
 * platform's code, then the fault code's class (Client/Sender: the request was wrong;
 * Server/Receiver: the platform failed, except a "userException" that names no known code),
 * then the HTTP status.
 *
 * @example classifySoapFault({ faultCode: 'Server.userException', message: '', platformCode: 'WS_CONCUR_SESSION_DISALLWD' }, 500) // 'RATE_LIMITED'
 */
export function classifySoapFault(fault: SoapFault, status: number, rules: readonly SoapFaultRule[] = []): ErrorCode {
  const all = [...rules, ...DEFAULT_SOAP_FAULT_RULES];
  // The platform's code says most; the detail's element name and the fault code are fallbacks
  // (a NetSuite invalidSessionFault may carry INVALID_LOGIN_CREDENTIALS).
  for (const subject of [fault.platformCode, fault.detailName, fault.faultCode]) {
    if (!subject) continue;
    const rule = all.find((candidate) => new RegExp(candidate.pattern, 'i').test(subject));
    if (rule) return rule.code;
  }
  if (/^(Client|Sender)\b/.test(fault.faultCode)) return 'VALIDATION_FAILED';
  if (/^(VersionMismatch|MustUnderstand|DataEncodingUnknown)\b/.test(fault.faultCode)) return 'CONFIG_INVALID';
  if (/^(Server|Receiver)\b/.test(fault.faultCode)) return /userException/i.test(fault.faultCode) ? 'UNKNOWN' : 'UPSTREAM_UNAVAILABLE';
  return status >= 400 ? defaultCodeForStatus(status) : 'UNKNOWN';
}
