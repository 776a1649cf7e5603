import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { definePortageConfig } from '../src/index.js';
import { runMain } from './run-main.js';

// These never reach a database: an unreachable URL proves it.
const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none' };

describe('portage usage (no database)', () => {
  it('--help lists every command; no command prints it to stderr and exits 1', async () => {
    const help = await runMain(['--help'], { env });
    expect(help.code).toBe(0);
    for (const name of ['generate', 'drift', 'migrate', 'connect', 'sync', 'export', 'worker', 'serve', 'webhook-secret', 'status', 'dlq', 'dashboard']) expect(help.stdout).toMatch(new RegExp(`\\n  ${name} +\\S`));
    expect(await runMain([], { env })).toMatchObject({ code: 1, stdout: '', stderr: help.stdout });
  });

  it.each([['generate'], ['drift'], ['migrate'], ['connect'], ['sync'], ['export'], ['worker'], ['serve'], ['webhook-secret'], ['status'], ['dlq'], ['dlq', 'list'], ['dlq', 'replay'], ['dashboard']])('%s %s --help explains the command', async (...command) => {
    const result = await runMain([...command, '--help'], { env });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^usage: portage ${command.join(' ')}`));
  });

  it('an unknown command or option is CONFIG_INVALID with exit 1', async () => {
    expect(await runMain(['sink'], { env })).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error CONFIG_INVALID \(fix_config\): "sink" is not a command; commands: generate, drift, migrate, connect, sync, export, worker, serve, webhook-secret, status, dlq, dashboard: see `portage --help`/),
    });
    expect((await runMain(['status', '--runs'], { env })).stderr).toMatch(/^error CONFIG_INVALID \(fix_config\): Option '--runs <value>' argument missing: see `portage status --help`/);
    expect((await runMain(['--format', 'json', 'status'], { env })).stderr).toContain('put the command first');
  });

  it('commands that run connectors need a config, and say how to write one', async () => {
    const result = await runMain(['sync', 'c1'], { env, cwd: fileURLToPath(new URL('.', import.meta.url)) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error CONFIG_INVALID \(fix_config\): no config found in .* \(looked for portage\.config\.ts, .*\): write one that does export default definePortageConfig/);
  });

  it('an unreachable database is NETWORK_ERROR naming it, password redacted', async () => {
    const config = definePortageConfig({ connectors: {}, database: { url: 'postgres://app:s3cret@127.0.0.1:9/app' } });
    const result = await runMain(['status'], { env, config });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error NETWORK_ERROR \(retry\): cannot reach Postgres at postgres:\/\/app:\*\*\*@127\.0\.0\.1:9\/app \(ECONNREFUSED\)/);
    expect(result.stderr).not.toContain('s3cret');
  });

  it('--version prints the package version', async () => {
    expect((await runMain(['--version'], { env })).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('the bin runs from a checkout without a build', () => {
    const bin = fileURLToPath(new URL('../bin/portage.js', import.meta.url));
    const result = spawnSync(process.execPath, [bin, 'status', '--help'], { encoding: 'utf8', env: { ...process.env, ...env } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: portage status/);
  });
});
