import { assertPlatformName } from '@portage/codegen';
import { parseCommandArgs } from '../args/parse-command-args.js';
import { usageError } from '../args/usage-error.js';

/** The parsed command line of `portage drift`. */
export interface DriftArgs {
  /** Platforms named on the command line or by --projects; undefined: every pinned connector. */
  platforms: string[] | undefined;
  /** True when the platforms came from --projects: projects that are not connectors are skipped. */
  fromProjects: boolean;
  /** Platform -> newer spec source; the key "" is a single --against for a single platform. */
  against: Map<string, string>;
  format: 'markdown' | 'json';
  jsonOut: string | undefined;
  typecheck: boolean;
  /** Fresh recordings (`<dir>/<platform>/<scenario>.json`) to compare with the committed fixtures. */
  live: string | undefined;
}

const CONNECTOR_PROJECT = /^@portage\/connector-(.+)$/;
const CONNECTOR_PATH = /^(?:\.\/)?connectors\/([^/]+)\/?$/;
const PLATFORM_NAME = /^[a-z][a-z0-9-]*$/;

/** A platform from a platform name, a connectors/<platform> path or an nx project name; undefined for other projects. */
function platformOf(text: string): string | undefined {
  const match = CONNECTOR_PROJECT.exec(text) ?? CONNECTOR_PATH.exec(text);
  if (match !== null) return match[1];
  return text.startsWith('@') || text.includes('/') ? undefined : text;
}

/** `stripe=npm:...` names its platform; a plain source (URLs may hold "=" too) does not. */
function splitAgainst(text: string): [string, string] {
  const equals = text.indexOf('=');
  const name = equals > 0 ? text.slice(0, equals) : '';
  if (PLATFORM_NAME.test(name) && !text.slice(0, equals).includes(':')) return [name, text.slice(equals + 1)];
  return ['', text];
}

/**
 * Reads `portage drift [<platform>...] [--against ...] [--projects ...] [--format ...]`;
 * mistakes throw usage errors.
 *
 * @example parseDriftArgs(['stripe', '--format', 'json']) // { platforms: ['stripe'], format: 'json', ... }
 */
export function parseDriftArgs(argv: readonly string[]): DriftArgs | 'help' {
  const { values, positionals } = parseCommandArgs('drift', argv, {
    against: { type: 'string', multiple: true },
    projects: { type: 'string' },
    format: { type: 'string' },
    'json-out': { type: 'string' },
    live: { type: 'string' },
    'no-typecheck': { type: 'boolean' },
  });
  if (values.help) return 'help';
  const format = values.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') throw usageError('drift', `--format must be markdown or json, got "${format}"`);
  if (values.projects !== undefined && positionals.length > 0) throw usageError('drift', 'give platforms or --projects, not both');
  let platforms: string[] | undefined;
  if (values.projects !== undefined) {
    const projects = values.projects.split(/[\s,]+/).filter((project) => project !== '');
    platforms = [...new Set(projects.map(platformOf).filter((platform): platform is string => platform !== undefined && PLATFORM_NAME.test(platform)))];
  } else if (positionals.length > 0) {
    platforms = positionals.map((text) => {
      const platform = platformOf(text);
      if (platform === undefined) throw usageError('drift', `"${text}" is not a platform, a connectors/<platform> path or a @portage/connector-<platform> project`);
      assertPlatformName(platform);
      return platform;
    });
    platforms = [...new Set(platforms)];
  }
  const against = new Map<string, string>();
  for (const text of values.against ?? []) {
    const [platform, source] = splitAgainst(text);
    if (source.trim() === '') throw usageError('drift', `--against ${text}: give a spec source after "="`);
    if (against.has(platform)) throw usageError('drift', platform === '' ? 'give one --against <source>, or --against <platform>=<source> per platform' : `--against names ${platform} twice`);
    against.set(platform, source);
  }
  if (against.has('') && against.size > 1) throw usageError('drift', 'mix no plain --against <source> with --against <platform>=<source>');
  return { platforms, fromProjects: values.projects !== undefined, against, format, jsonOut: values['json-out'], typecheck: !values['no-typecheck'], live: values.live };
}
