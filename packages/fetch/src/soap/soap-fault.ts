import { getPath } from '@portage/core';
import { parseXml, XML_TEXT_KEY } from '../xml/index.js';

/** The facts of a SOAP fault (1.1 or 1.2), read from the raw answer. */
export interface SoapFault {
  /** `faultcode` (1.1) or `Code/Value` + `Subcode/Value` (1.2) without namespace prefixes, e.g. "Server.userException". */
  faultCode: string;
  /** `faultstring` / `Reason/Text`: the platform's human message. */
  message: string;
  /** The platform's own error code from the detail (`code`, `exceptionCode`), or from a prefixed faultcode such as "sf:INVALID_SESSION_ID". */
  platformCode?: string;
  /** Name of the first element in the detail, e.g. "invalidCredentialsFault". */
  detailName?: string;
}

/**
 * Reads the fault out of a SOAP answer, or undefined when the body is XML without a fault.
 * Parsed independently of the WSDL, so a fault the schema does not describe still reads.
 *
 * @throws PortageError MALFORMED_RESPONSE when the body is not XML at all.
 *
 * @example
 * readSoapFault('<Envelope><Body><Fault><faultcode>sf:INVALID_SESSION_ID</faultcode><faultstring>expired</faultstring></Fault></Body></Envelope>');
 * // { faultCode: 'INVALID_SESSION_ID', message: 'expired', platformCode: 'INVALID_SESSION_ID' }
 */
export function readSoapFault(text: string): SoapFault | undefined {
  const document = parseXml(text);
  const fault = getPath(document, 'Envelope.Body.Fault');
  if (fault === undefined || fault === null || typeof fault !== 'object') return undefined;
  const code11 = textOf(getPath(fault, 'faultcode'));
  const code12 = [textOf(getPath(fault, 'Code.Value')), textOf(getPath(fault, 'Code.Subcode.Value'))].filter(Boolean).join('.');
  const rawCode = code11 ?? code12;
  const faultCode = stripPrefixes(rawCode);
  const message = textOf(getPath(fault, 'faultstring')) ?? textOf(getPath(fault, 'Reason.Text')) ?? '';
  const detail = getPath(fault, 'detail') ?? getPath(fault, 'Detail');
  const detailName = firstElementName(detail);
  // A vendor-prefixed faultcode ("sf:INVALID_SESSION_ID") is itself the platform's code; the
  // standard ones (soapenv:Server, Client, Sender, Receiver...) are not.
  const codeFromFault = /^(Server|Client|Sender|Receiver|VersionMismatch|MustUnderstand|DataEncodingUnknown)\b/.test(faultCode) ? undefined : faultCode || undefined;
  const platformCode = findLeaf(detail, ['code', 'exceptionCode', 'errorCode', 'ErrorCode', 'Code']) ?? codeFromFault;
  return { faultCode, message, ...(platformCode ? { platformCode } : {}), ...(detailName ? { detailName } : {}) };
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return textOf(value[0]);
  if (value && typeof value === 'object' && XML_TEXT_KEY in value) return textOf((value as Record<string, unknown>)[XML_TEXT_KEY]);
  return undefined;
}

function stripPrefixes(code: string): string {
  return code
    .split('.')
    .map((part) => part.slice(part.indexOf(':') + 1))
    .join('.');
}

function firstElementName(detail: unknown): string | undefined {
  if (!detail || typeof detail !== 'object') return undefined;
  return Object.keys(detail).find((key) => !key.startsWith('@') && key !== XML_TEXT_KEY);
}

/** Depth-first search for the first text leaf under one of `names`, at most four levels down. */
function findLeaf(node: unknown, names: readonly string[], depth = 0): string | undefined {
  if (!node || typeof node !== 'object' || depth > 4) return undefined;
  for (const name of names) {
    const found = textOf((node as Record<string, unknown>)[name]);
    if (found) return stripPrefixes(found);
  }
  for (const [key, child] of Object.entries(node)) {
    if (key.startsWith('@')) continue;
    const found = findLeaf(child, names, depth + 1);
    if (found) return found;
  }
  return undefined;
}
