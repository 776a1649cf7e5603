#!/usr/bin/env node
// The `portage` command. A built package runs dist/. A checkout without a build runs the
// TypeScript sources through tsx, resolving the workspace packages to their sources too (the
// @portage/source export condition), so `node packages/cli/bin/portage.js` needs no build.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const built = new URL('../dist/run-cli.js', import.meta.url);
let entry = built;
if (!existsSync(built)) {
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  // Registered after tsx so it runs first and tsx resolves with the extra condition.
  register('./source-condition-hook.js', import.meta.url);
  entry = new URL('../src/run-cli.ts', import.meta.url);
}
const { runCli } = await import(entry.href);
await runCli();
