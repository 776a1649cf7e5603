import { readFileSync } from 'node:fs';
import { formatCliError } from './errors/format-cli-error.js';
import { toPortageError } from './errors/to-portage-error.js';
import { resolveIo, type CliIo } from './io/cli-io.js';
import { usageError } from './args/usage-error.js';
import { COMMANDS } from './commands/command-list.js';
import { mainHelp } from './main-help.js';

function version(): string {
  // One level up from src/ and from dist/ alike.
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * Runs one `portage` command line and returns its exit code (0 ok, 1 error). Output goes to
 * `io.stdout` and `io.stderr` only, and nothing here exits the process, so tests and other
 * programs (the demo) can call it in-process. Errors print as `error CODE (action): message`;
 * stack traces only with `--verbose`.
 *
 * @example
 * const code = await main(['status', '--format', 'json'], { stdout: process.stdout, stderr: process.stderr });
 * process.exitCode = code;
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const resolved = resolveIo(io);
  const [name, ...rest] = argv;
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  try {
    if (name === undefined) {
      resolved.stderr.write(mainHelp(COMMANDS));
      return 1;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      resolved.stdout.write(mainHelp(COMMANDS));
      return 0;
    }
    if (name === '--version' || name === '-V') {
      resolved.stdout.write(`${version()}\n`);
      return 0;
    }
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (!command) {
      const hint = name.startsWith('-') ? 'put the command first, e.g. portage status --format json' : `"${name}" is not a command`;
      throw usageError('', `${hint}; commands: ${COMMANDS.map((candidate) => candidate.name).join(', ')}`);
    }
    return await (await command.load()).run(rest, resolved);
  } catch (error) {
    resolved.stderr.write(formatCliError(toPortageError(error), verbose));
    return 1;
  }
}
