import { ERROR_CODES, type ErrorCode } from '@portage/core';

/**
 * What a support person should do about an error: a short title (the button-sized answer) and
 * a sentence of detail.
 *
 * @example const advice: WhatToDo = { title: 'Re-authenticate', detail: 'Ask the customer to reconnect the account, then replay.' };
 */
export interface WhatToDo {
  title: string;
  detail: string;
}

const WAIT = 'Wait for the platform';
const FIX = 'Fix the configuration';

const BY_CODE: Partial<Record<ErrorCode, WhatToDo>> = {
  AUTH_INVALID: { title: 'Re-authenticate', detail: 'The platform rejected the credentials: ask the customer to reconnect the account. Syncs start again once they have.' },
  AUTH_EXPIRED: { title: 'Re-authenticate', detail: 'The access token expired and could not be refreshed: ask the customer to reconnect the account if this repeats.' },
  PERMISSION_DENIED: { title: 'Ask the customer for access', detail: 'The account lacks a permission (scope) this sync needs: ask the customer to grant it, then replay the job.' },
  RATE_LIMITED: { title: WAIT, detail: "The platform's rate limit was reached: the sync waits until it resets and resumes by itself." },
  UPSTREAM_UNAVAILABLE: { title: WAIT, detail: "The platform is failing: retries run by themselves. If it lasts, check the platform's status page and quote the tracking id." },
  NETWORK_ERROR: { title: WAIT, detail: 'The platform could not be reached: retries run by themselves. If it lasts, check the network and the platform status.' },
  TIMEOUT: { title: WAIT, detail: 'The platform did not answer in time: retries run by themselves. If it lasts, lower the page size.' },
  MALFORMED_RESPONSE: { title: WAIT, detail: 'The platform sent a response that could not be read: it is retried. If it repeats, report it to the platform with the tracking id.' },
  CONFIG_INVALID: { title: FIX, detail: 'The configuration is wrong (see the message): fix it, then replay the job.' },
  VALIDATION_FAILED: { title: FIX, detail: "The platform or the mapping rejected data as invalid: check the entity's configuration or mapping, then replay." },
  RESPONSE_TOO_LARGE: { title: FIX, detail: "A page was too large to read: lower the entity's page size or raise maxResponseBytes, then replay." },
  NOT_FOUND: { title: 'Nothing to do', detail: 'The record no longer exists on the platform: it was skipped.' },
  CONFLICT: { title: 'Resolve the conflict', detail: 'The platform holds a newer version of the record: resolve the conflict on the platform.' },
  UNKNOWN: { title: 'Investigate', detail: "An error Portage could not classify: read the platform's message and, if needed, contact the platform with the tracking id." },
};

const BY_ACTION: Record<string, WhatToDo> = {
  retry: BY_CODE.UPSTREAM_UNAVAILABLE!,
  wait_until: BY_CODE.RATE_LIMITED!,
  reauthorize: BY_CODE.AUTH_EXPIRED!,
  fix_config: BY_CODE.CONFIG_INVALID!,
  alert_customer: { title: 'Tell the customer', detail: 'The customer has to act on their account (see the message).' },
  ignore_record: BY_CODE.NOT_FOUND!,
};

/**
 * Pure: the advice for an error's universal code (or, for a code this version does not know,
 * its action). A rate limit with a reset time says when.
 *
 * @example whatToDo({ code: 'AUTH_INVALID', action: 'alert_customer' }).title; // 'Re-authenticate'
 */
export function whatToDo(error: { code?: string | undefined; action?: string | undefined; waitUntil?: string | undefined }): WhatToDo {
  const known = error.code !== undefined && error.code in ERROR_CODES ? BY_CODE[error.code as ErrorCode] : undefined;
  const advice = known ?? (error.action !== undefined ? BY_ACTION[error.action] : undefined) ?? BY_CODE.UNKNOWN!;
  if (error.code === 'RATE_LIMITED' && error.waitUntil) {
    return { title: advice.title, detail: `The platform's rate limit was reached: the sync waits until ${error.waitUntil} and resumes by itself.` };
  }
  return advice;
}
