/**
 * The latest drift report (`portage drift --json-out <file>`), as the page shows it.
 *
 * @example const view: DriftView = toDriftView(JSON.parse(text), mtime);
 */
export interface DriftView {
  /** When the file was written. */
  writtenAt: string;
  breaking: boolean;
  failed: boolean;
  connectors: Array<{
    platform: string;
    status: string;
    counts: { breaking: number; nonBreaking: number; touching: number; breakingTouching: number } | null;
    /** The changes that touch the connector, breaking first, at most {@link MAX_CHANGES}. */
    changes: Array<{ id: string; breaking: boolean; operation: string; location: string; reason: string; entities: string[] }>;
    moreChanges: number;
    fixtureProblems: number;
    error: string | null;
  }>;
}

/** Changes listed per connector; the report file has them all. */
export const MAX_CHANGES = 8;

// Only what the page reads of `DriftImpactJson` (impactReportVersion 1), checked as it is read.
interface ReportJson {
  impactReportVersion?: unknown;
  breaking?: unknown;
  failed?: unknown;
  connectors?: unknown;
}

interface ConnectorJson {
  platform?: unknown;
  status?: unknown;
  counts?: { breaking?: unknown; nonBreaking?: unknown; touching?: unknown; breakingTouching?: unknown };
  touching?: Array<{ change?: { id?: unknown; operation?: unknown; location?: unknown; reason?: unknown }; breaking?: unknown; uses?: Array<{ entity?: unknown }> }>;
  fixtureProblems?: unknown[];
  error?: { code?: unknown; message?: unknown };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/**
 * Pure: a parsed drift report as a {@link DriftView}, or a sentence saying why it is not one.
 *
 * @example const view = toDriftView(JSON.parse(await readFile(path, 'utf8')), (await stat(path)).mtime);
 */
export function toDriftView(json: unknown, writtenAt: Date): DriftView | { problem: string } {
  const report = (typeof json === 'object' && json !== null ? json : {}) as ReportJson;
  if (report.impactReportVersion !== 1 || !Array.isArray(report.connectors)) {
    return { problem: 'the file is not a drift report of a version this dashboard reads (write it with `portage drift --json-out <file>`)' };
  }
  return {
    writtenAt: writtenAt.toISOString(),
    breaking: report.breaking === true,
    failed: report.failed === true,
    connectors: (report.connectors as ConnectorJson[]).map((connector) => {
      const touching = Array.isArray(connector.touching) ? connector.touching : [];
      return {
        platform: text(connector.platform),
        status: text(connector.status),
        counts: connector.counts
          ? {
              breaking: count(connector.counts.breaking),
              nonBreaking: count(connector.counts.nonBreaking),
              touching: count(connector.counts.touching),
              breakingTouching: count(connector.counts.breakingTouching),
            }
          : null,
        changes: touching.slice(0, MAX_CHANGES).map((impact) => ({
          id: text(impact.change?.id),
          breaking: impact.breaking === true,
          operation: text(impact.change?.operation),
          location: text(impact.change?.location),
          reason: text(impact.change?.reason),
          entities: [...new Set((impact.uses ?? []).map((use) => text(use.entity)).filter((entity) => entity !== ''))],
        })),
        moreChanges: Math.max(0, touching.length - MAX_CHANGES),
        fixtureProblems: Array.isArray(connector.fixtureProblems) ? connector.fixtureProblems.length : 0,
        error: connector.error ? `${text(connector.error.code)}: ${text(connector.error.message)}` : null,
      };
    }),
  };
}
