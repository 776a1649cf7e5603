/** The environment variable that switches fixture sessions from replay to recording. */
export const RECORD_ENV = 'PORTAGE_RECORD';

/**
 * Whether fixtures should be (re-)recorded against the real platform: `PORTAGE_RECORD=1`
 * (or `true`/`yes`). Replay is the default, so CI never reaches the network by accident.
 *
 * @example if (isRecordMode()) console.log('recording fixtures');
 */
export function isRecordMode(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return /^(?:1|true|yes)$/i.test(env[RECORD_ENV]?.trim() ?? '');
}
