import { PortageError, type SoapCall } from '@portage/core';
import type { PageState } from '../pagination/index.js';

/** The SOAP call a page state stands for. */
export interface SoapPageCall {
  operation: string;
  input: Record<string, unknown>;
}

/**
 * A SOAP page as a PageState: the request is a POST to the endpoint path whose body is
 * `{ soap: { operation, input } }`, so a SOAP checkpoint is plain JSON like an HTTP one and a
 * worker killed mid-search resumes with e.g. searchMoreWithId(searchId, pageIndex).
 *
 * @example soapPageState('/services/NetSuitePort_2023_2', { operation: 'searchMoreWithId', input: { searchId: 'abc', pageIndex: 2 } }, 1, 3)
 */
export function soapPageState(path: string, call: SoapPageCall, pageIndex: number, recordsSoFar: number): PageState {
  return { request: { method: 'POST', url: path, query: {}, headers: {}, body: { soap: { operation: call.operation, input: call.input } } }, pageIndex, recordsSoFar };
}

/**
 * The call a (checkpointed) page state makes.
 *
 * @throws PortageError CONFIG_INVALID when the state was not made for a SOAP read.
 *
 * @example soapCallOf(checkpoint).operation // 'searchMoreWithId'
 */
export function soapCallOf(state: PageState): SoapPageCall {
  const soap = (state.request.body as { soap?: SoapCall } | undefined)?.soap;
  if (!soap || typeof soap.operation !== 'string' || soap.operation === '' || (soap.input !== undefined && (typeof soap.input !== 'object' || soap.input === null))) {
    throw new PortageError('CONFIG_INVALID', `the resume state of page ${state.pageIndex} is not a SOAP page state (no body.soap.operation): it was saved by another kind of read; restart the read without it`);
  }
  return { operation: soap.operation, input: { ...(soap.input ?? {}) } };
}
