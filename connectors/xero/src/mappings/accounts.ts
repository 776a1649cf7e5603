// Pre-filled where a record field matched by name and type: code (from Code), description (from Description).

import type { Account } from '@portage/core';
import type { AccountsRecord } from '../generated/platform.js';

/** Maps one `accounts` record to a unified Account. */
export function toAccount(raw: AccountsRecord): Account {
  return {
    code: raw.Code,
    description: raw.Description,
  };
}
