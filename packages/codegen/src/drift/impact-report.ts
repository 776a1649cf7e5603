import type { ChangeImpact, ConnectorDrift, ImpactUse } from './connector-drift.js';
import type { MappingSite } from './diagnostic-sites.js';
import type { DriftChange } from './drift-change.js';

/** A connector that could not be checked (no lock, spec unreachable, connector not loadable). */
export interface ConnectorDriftFailure {
  platform: string;
  error: { code: string; message: string };
}

export type ConnectorDriftOutcome = ConnectorDrift | ConnectorDriftFailure;

/** The machine-readable impact report. Keys are stable; `impactReportVersion` changes when they do. */
export interface DriftImpactJson {
  impactReportVersion: 1;
  /** Some breaking change touches some connector: the exit code is 1. */
  breaking: boolean;
  /** Some connector could not be checked: the exit code is 2 unless one is breaking. */
  failed: boolean;
  connectors: ConnectorImpactJson[];
}

export interface SpecJson {
  source: string;
  version: string;
  sha256: string;
}

export interface ConnectorImpactJson {
  platform: string;
  status: 'breaking' | 'ok' | 'error';
  pinned?: SpecJson;
  against?: SpecJson;
  specChanged?: boolean;
  typecheck?: string;
  counts?: { breaking: number; nonBreaking: number; touching: number; breakingTouching: number };
  /** Changes that touch the connector, breaking first, each with every way it does. */
  touching?: { change: DriftChange; breaking: boolean; uses: ImpactUse[] }[];
  /** Type errors against the regenerated types that no change explains. */
  unexplainedMappingErrors?: Omit<MappingSite, 'fields'>[];
  /** Recorded responses (fixtures) the newer spec no longer allows: breaking for this connector. */
  fixtureProblems?: string[];
  /** Changes that touch nothing the connector uses, counted by kind. */
  untouched?: { breaking: Record<string, number>; nonBreaking: Record<string, number> };
  error?: { code: string; message: string };
}

export interface DriftImpactReport {
  markdown: string;
  json: DriftImpactJson;
  /** 1 when a breaking change touches a connector, else 2 when a connector could not be checked, else 0. */
  exitCode: 0 | 1 | 2;
}

/** Unexplained type errors listed in markdown; the JSON has them all. */
const MAX_LISTED = 10;
const isFailure = (outcome: ConnectorDriftOutcome): outcome is ConnectorDriftFailure => 'error' in outcome;
const spec = ({ source, version, sha256 }: SpecJson): SpecJson => ({ source, version, sha256 });
const escape = (text: string) => text.replace(/[|`*_<>[\]]/g, (c) => `\\${c}`);
/** One line of a compiler message, cut where TypeScript's type printouts run long. */
const brief = (message: string) => {
  const line = message.split('\n')[0]!;
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
};
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function countBy(changes: readonly DriftChange[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const change of [...changes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) out[change.id] = (out[change.id] ?? 0) + 1;
  return out;
}

/** Fixed key order, so the JSON bytes depend only on the content. */
function stableChange(c: DriftChange): DriftChange {
  return { id: c.id, severity: c.severity, side: c.side, operation: c.operation, ...(c.schema !== undefined ? { schema: c.schema } : {}), ...(c.status !== undefined ? { status: c.status } : {}), location: c.location, reason: c.reason };
}
function stableUse(u: ImpactUse): ImpactUse {
  return { entity: u.entity, via: u.via, detail: u.detail, ...(u.mapping !== undefined ? { mapping: stableSite(u.mapping) } : {}) };
}
function stableSite<T extends Omit<MappingSite, 'fields' | 'entities'> & { entities?: string[] }>(s: T): T {
  return { file: s.file, line: s.line, column: s.column, ...(s.function !== undefined ? { function: s.function } : {}), ...(s.entities !== undefined ? { entities: s.entities } : {}), message: s.message } as T;
}

function connectorJson(outcome: ConnectorDriftOutcome): ConnectorImpactJson {
  if (isFailure(outcome)) return { platform: outcome.platform, status: 'error', error: outcome.error };
  const touched = new Set(outcome.impacts.map((impact) => impact.change));
  const untouched = outcome.changes.filter((change) => !touched.has(change));
  const breaking = outcome.impacts.some((impact) => impact.breaking) || outcome.unexplained.length > 0 || outcome.fixtureProblems.length > 0;
  const ordered = [...outcome.impacts.filter((i) => i.breaking), ...outcome.impacts.filter((i) => !i.breaking)];
  return {
    platform: outcome.platform,
    status: breaking ? 'breaking' : 'ok',
    pinned: spec(outcome.pinned),
    against: spec(outcome.against),
    specChanged: outcome.specChanged,
    typecheck: outcome.typecheck,
    counts: {
      breaking: outcome.changes.filter((c) => c.severity === 'breaking').length,
      nonBreaking: outcome.changes.filter((c) => c.severity !== 'breaking').length,
      touching: outcome.impacts.length,
      breakingTouching: outcome.impacts.filter((i) => i.breaking).length,
    },
    touching: ordered.map((impact) => ({ change: stableChange(impact.change), breaking: impact.breaking, uses: impact.uses.map(stableUse) })),
    unexplainedMappingErrors: outcome.unexplained.map(({ fields: _fields, ...site }) => stableSite(site)),
    fixtureProblems: outcome.fixtureProblems,
    untouched: { breaking: countBy(untouched.filter((c) => c.severity === 'breaking')), nonBreaking: countBy(untouched.filter((c) => c.severity !== 'breaking')) },
  };
}

function where(change: DriftChange): string {
  const place = [change.status, change.schema, change.location === '' ? undefined : change.location].filter((part) => part !== undefined).join(' ');
  return `${code(change.operation)}${place === '' ? '' : ` ${code(place)}`}`;
}

function useLine(use: ImpactUse): string {
  const mapping = use.mapping === undefined ? '' : `: ${code(`${use.mapping.file}:${use.mapping.line}`)}${use.mapping.function !== undefined ? ` in ${code(use.mapping.function)}` : ''}: ${escape(brief(use.mapping.message))}`;
  return `  - entity ${code(use.entity)} ${escape(use.detail)}${mapping}`;
}

function impactLines(impact: ChangeImpact): string[] {
  return [`- ${code(impact.change.id)} ${where(impact.change)}: ${escape(impact.change.reason)}`, ...impact.uses.map(useLine)];
}

function summary(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = entries.slice(0, 6).map(([id, n]) => `${code(id)} ×${n}`);
  return `${shown.join(', ')}${entries.length > 6 ? `, and ${plural(entries.length - 6, 'other kind')}` : ''}`;
}

function connectorMarkdown(outcome: ConnectorDriftOutcome, json: ConnectorImpactJson): string[] {
  if (isFailure(outcome)) return [`## ${outcome.platform}: not checked`, '', `${code(outcome.error.code)} ${escape(outcome.error.message)}`];
  const lines = [`## ${outcome.platform}: ${json.status === 'breaking' ? 'BREAKING' : 'ok'}`, ''];
  lines.push(`Pinned ${code(outcome.pinned.source)} (${outcome.pinned.sha256.slice(0, 12)}), against ${code(outcome.against.source)} (${outcome.against.sha256.slice(0, 12)}${outcome.specChanged ? ', changed' : ', same bytes'}).`);
  const counts = json.counts!;
  lines.push(`${plural(counts.breaking, 'breaking change')}, ${counts.nonBreaking} non-breaking; ${counts.touching} touch this connector, ${counts.breakingTouching} of them breaking. Mappings: ${escape(outcome.typecheck)}.`);
  const breaking = outcome.impacts.filter((impact) => impact.breaking);
  const other = outcome.impacts.filter((impact) => !impact.breaking);
  if (breaking.length > 0) lines.push('', '### Breaking changes that touch it', '', ...breaking.flatMap(impactLines));
  if (outcome.unexplained.length > 0) {
    lines.push('', '### Mappings that no longer compile (no change found to explain them)', '');
    for (const site of outcome.unexplained.slice(0, MAX_LISTED)) {
      lines.push(`- ${code(`${site.file}:${site.line}`)}${site.function !== undefined ? ` in ${code(site.function)}` : ''}${site.entities.length > 0 ? ` (entity ${site.entities.map(code).join(', ')})` : ''}: ${escape(brief(site.message))}`);
    }
  }
  if (outcome.unexplained.length > MAX_LISTED) lines.push(`- and ${outcome.unexplained.length - MAX_LISTED} more (see the JSON report)`);
  if (outcome.fixtureProblems.length > 0) {
    lines.push('', '### Recorded responses the newer spec no longer allows', '');
    lines.push(...outcome.fixtureProblems.slice(0, MAX_LISTED).map((problem) => `- ${escape(problem)}`));
    if (outcome.fixtureProblems.length > MAX_LISTED) lines.push(`- and ${outcome.fixtureProblems.length - MAX_LISTED} more (see the JSON report)`);
  }
  if (other.length > 0) lines.push('', '### Non-breaking changes that touch it', '', ...other.flatMap(impactLines));
  const untouched = json.untouched!;
  const untouchedBreaking = Object.values(untouched.breaking).reduce((a, b) => a + b, 0);
  const untouchedOther = Object.values(untouched.nonBreaking).reduce((a, b) => a + b, 0);
  if (untouchedBreaking + untouchedOther > 0) {
    lines.push('', '### Changes to what it does not use', '');
    if (untouchedBreaking > 0) lines.push(`- ${untouchedBreaking} breaking: ${summary(untouched.breaking)}`);
    if (untouchedOther > 0) lines.push(`- ${untouchedOther} non-breaking: ${summary(untouched.nonBreaking)}`);
  }
  return lines;
}

/**
 * Renders connector drift for people (markdown: per connector the breaking changes that touch
 * it with entity and mapping, then the rest summarised) and for machines (versioned JSON), and
 * decides the exit code: 1 when a breaking change touches a connector, else 2 when a connector
 * could not be checked, else 0.
 *
 * @example
 * const report = driftImpactReport([await connectorDrift({ workspaceRoot, platform: 'stripe', connector: stripe })]);
 * process.stdout.write(report.markdown);
 * process.exitCode = report.exitCode;
 */
export function driftImpactReport(outcomes: readonly ConnectorDriftOutcome[]): DriftImpactReport {
  const connectors = outcomes.map(connectorJson);
  const breaking = connectors.some((c) => c.status === 'breaking');
  const failed = connectors.some((c) => c.status === 'error');
  const json: DriftImpactJson = { impactReportVersion: 1, breaking, failed, connectors };
  const head =
    outcomes.length === 0
      ? 'No connector to check.'
      : `${plural(outcomes.length, 'connector')} checked: ${connectors.filter((c) => c.status === 'breaking').length} breaking, ${connectors.filter((c) => c.status === 'error').length} not checked.`;
  const lines = ['# Connector drift', '', head];
  outcomes.forEach((outcome, index) => lines.push('', ...connectorMarkdown(outcome, connectors[index]!)));
  return { markdown: `${lines.join('\n')}\n`, json, exitCode: breaking ? 1 : failed ? 2 : 0 };
}
