import { getPath } from '@portage/core';

// Where platforms usually put their own message and code, tried when a connector names none.
const MESSAGE_PATHS = ['error.message', 'error_description', 'message', 'errors.0.message', 'errors.0.detail', 'detail', 'title', 'Message', 'error'];
const CODE_PATHS = ['error.code', 'error.type', 'code', 'errors.0.code', 'error', 'Type'];

function firstString(body: unknown, paths: readonly string[]): string | undefined {
  for (const path of paths) {
    const value = getPath(body, path);
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

/** The platform's own message and code, from the configured paths or the usual places. */
export function platformErrorFields(
  body: unknown,
  paths: { messagePath?: string | undefined; codePath?: string | undefined },
): { platformMessage?: string; platformCode?: string } {
  if (body === null || typeof body !== 'object') return {};
  const platformMessage = firstString(body, paths.messagePath ? [paths.messagePath] : MESSAGE_PATHS);
  const platformCode = firstString(body, paths.codePath ? [paths.codePath] : CODE_PATHS);
  return {
    ...(platformMessage === undefined ? {} : { platformMessage: platformMessage.slice(0, 500) }),
    ...(platformCode === undefined ? {} : { platformCode: platformCode.slice(0, 100) }),
  };
}
