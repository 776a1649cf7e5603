import type { DriftChange } from './drift-change.js';

/** The machine-readable report: stable keys, changes in diffSurfaces order. Keep stable. */
export interface DriftReportJson {
  reportVersion: 1;
  breaking: boolean;
  counts: { breaking: number; nonBreaking: number };
  changes: DriftChange[];
}

export interface DriftReport {
  /** For humans: a summary line, then the breaking changes, then the others, grouped by operation. */
  markdown: string;
  json: DriftReportJson;
}

/**
 * Renders classified changes for people (markdown) and for machines (JSON). The exit code is
 * the caller's: `json.breaking` says whether anything breaks.
 *
 * @example
 * const report = driftReport(diffSurfaces(pinned, latest));
 * process.stdout.write(report.markdown);
 * process.exitCode = report.json.breaking ? 1 : 0;
 */
export function driftReport(changes: DriftChange[]): DriftReport {
  const breaking = changes.filter((c) => c.severity === 'breaking');
  const other = changes.filter((c) => c.severity !== 'breaking');
  const json: DriftReportJson = {
    reportVersion: 1,
    breaking: breaking.length > 0,
    counts: { breaking: breaking.length, nonBreaking: other.length },
    changes: changes.map(stable),
  };
  const lines = [
    '# Spec drift',
    '',
    changes.length === 0
      ? 'No structural change.'
      : `${breaking.length} breaking, ${other.length} non-breaking change${other.length === 1 ? '' : 's'}.`,
  ];
  for (const [title, list] of [['Breaking', breaking], ['Non-breaking', other]] as const) {
    if (list.length === 0) continue;
    lines.push('', `## ${title}`);
    let operation: string | undefined;
    for (const change of list) {
      if (change.operation !== operation) {
        operation = change.operation;
        lines.push('', `### \`${escape(operation)}\``, '');
      }
      lines.push(`- \`${change.id}\` ${place(change)}: ${escape(change.reason)}`);
    }
  }
  return { markdown: `${lines.join('\n')}\n`, json };
}

function place(change: DriftChange): string {
  const where = [change.side, change.status, change.schema, change.location === '' ? undefined : change.location].filter((p) => p !== undefined);
  return `(${where.map((p) => escape(String(p))).join(' ')})`;
}

const escape = (text: string) => text.replace(/[|`*_<>]/g, (c) => `\\${c}`);

/** Fixed key order, so the JSON bytes depend only on the changes. */
function stable(c: DriftChange): DriftChange {
  return {
    id: c.id,
    severity: c.severity,
    side: c.side,
    operation: c.operation,
    ...(c.schema !== undefined ? { schema: c.schema } : {}),
    ...(c.status !== undefined ? { status: c.status } : {}),
    location: c.location,
    reason: c.reason,
  };
}
