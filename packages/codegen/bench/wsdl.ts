// `npm run bench:wsdl`: on each real WSDL set of ../shared/specs/wsdl, times Portage's WSDL ->
// TypeScript compiler (load, parse, compile; goal for NetSuite: <= 5 s) and, side by side on
// the same files, wsdl-tsclient 1.7.1 (definitions only). Both outputs are compiled the same
// way (`tsc --strict --noEmit`) and checked for what connectors rely on: NetSuite Customer and
// SalesOrder extend Record, Salesforce declares QueryResult, and required, optional and
// nillable fields are three distinct shapes. Prints a table. Not a test.
// `--out <dir>` keeps the generated files there (default: a temp dir, removed afterwards).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compileWsdl } from '../src/wsdl/compile-wsdl.js';
import { SHARED_WSDL_DIR, WORKSPACE_ROOT, WSDL_TEST_SETS, wsdlTestSetPath, type WsdlTestSet } from '../src/wsdl/wsdl-test-sets.js';

/** wsdl-tsclient gets this long per set before it is recorded as hung. */
const GENERATE_TIMEOUT_MS = 120_000;
/** tsc gets this long per output. */
const TSC_TIMEOUT_MS = 180_000;

interface RunResult {
  seconds: number;
  /** Exported declarations (interfaces, type aliases, enums). */
  types: number;
  /** The files to type-check. */
  files: string[];
  /** Concatenated output, for the checks. */
  text: string;
}

interface Row {
  set: string;
  tool: string;
  outcome: RunResult | { failed: string };
  tscErrors?: number | string;
  checks?: string;
}

const outIndex = process.argv.indexOf('--out');
const outDir = outIndex < 0 ? await mkdtemp(join(tmpdir(), 'portage-bench-wsdl-')) : process.argv[outIndex + 1]!;
await mkdir(outDir, { recursive: true });

function bin(name: string): string {
  const local = new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
  return existsSync(local) ? local : join(WORKSPACE_ROOT, 'node_modules', '.bin', name);
}

function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | string; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : error.killed ? `timeout after ${timeoutMs / 1000} s` : typeof error.code === 'number' ? error.code : String(error.code ?? 1);
      resolve({ code, stdout, stderr });
    });
  });
}

const countDeclarations = (text: string) => text.match(/^export (?:declare )?(?:interface|type|enum|const enum) /gm)?.length ?? 0;

async function tsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => join(entry.parentPath, entry.name)).sort();
}

async function portage(set: WsdlTestSet, entry: string): Promise<RunResult> {
  const started = performance.now();
  const { types } = await compileWsdl(entry);
  const seconds = (performance.now() - started) / 1000;
  const file = join(outDir, 'portage', `${set}.ts`);
  await mkdir(join(outDir, 'portage'), { recursive: true });
  await writeFile(file, types);
  return { seconds, types: countDeclarations(types), files: [file], text: types };
}

async function wsdlTsclient(set: WsdlTestSet, entry: string): Promise<RunResult | { failed: string }> {
  const dir = join(outDir, 'wsdl-tsclient', set);
  await rm(dir, { recursive: true, force: true });
  const started = performance.now();
  // Not --quiet: its reason for failing is only printed as a log line.
  const result = await run(process.execPath, [bin('wsdl-tsclient'), entry, '-o', dir, '--emitDefinitionsOnly', '--no-color'], GENERATE_TIMEOUT_MS);
  const seconds = (performance.now() - started) / 1000;
  if (result.code !== 0) {
    const reason = `${result.stdout}\n${result.stderr}`.split('\n').find((line) => /too many|error:|error while/i.test(line)) ?? '';
    return { failed: `failed (exit ${result.code}): ${reason.replace(/\x1b\[[0-9;]*m/g, '').trim().slice(0, 90)}` };
  }
  const files = existsSync(dir) ? await tsFiles(dir) : [];
  if (files.length === 0) return { failed: 'no output' };
  const text = (await Promise.all(files.map((file) => readFile(file, 'utf8')))).join('\n');
  return { seconds, types: countDeclarations(text), files, text };
}

/** `tsc --strict --noEmit` over one output, the same flags for both tools: the number of errors. */
async function tscErrors(files: string[]): Promise<number | string> {
  const args = ['--strict', '--noEmit', '--skipLibCheck', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', ...files];
  const result = await run(bin('tsc'), args, TSC_TIMEOUT_MS);
  if (typeof result.code === 'string' && result.code.startsWith('timeout')) return result.code;
  return result.stdout.match(/error TS\d+/g)?.length ?? 0;
}

/** Whether any file of the set (the entry's folder) declares a nillable element. */
async function hasNillable(entry: string): Promise<boolean> {
  const folder = dirname(entry);
  const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((file) => file.isFile() && /\.(wsdl|xsd)$/i.test(file.name));
  for (const file of files) if ((await readFile(join(file.parentPath, file.name), 'utf8')).includes('nillable="true"')) return true;
  return false;
}

/** What connectors rely on, per set; `+` holds, `-` does not. */
function checks(set: WsdlTestSet, text: string, nillableInSource: boolean): string {
  const extendsRecord = (name: string) => new RegExp(`(?:interface|class) ${name} extends (?:Omit<)?Record\\b`).test(text);
  const found: [string, boolean][] = [];
  if (set === 'netsuite') found.push(['Customer<Record', extendsRecord('Customer')], ['SalesOrder<Record', extendsRecord('SalesOrder')]);
  if (set.startsWith('salesforce') && set !== 'salesforce-metadata') found.push(['QueryResult', /^export (?:interface|type) QueryResult\b/m.test(text)]);
  const required = /^\s+"?[\w$]+"?: [^;]+;/m.test(text);
  const optional = /^\s+"?[\w$]+"?\?: [^;]+;/m.test(text);
  const nillable = /^\s+"?[\w$]+"?\??: [^;]*\| null\b/m.test(text);
  // A set that declares nothing nillable can only show required vs optional.
  const shapes = nillableInSource ? ['req/opt/nil', required && optional && nillable] : ['req/opt (no nillable in set)', required && optional];
  found.push(shapes as [string, boolean]);
  return found.map(([name, ok]) => `${ok ? '+' : '-'}${name}`).join(' ');
}

function table(rows: Row[]): string {
  const header = ['SET', 'TOOL', 'TIME', 'TYPES', 'TSC ERRORS', 'CHECKS'];
  const cells = rows.map((row) =>
    'failed' in row.outcome
      ? [row.set, row.tool, '-', '-', '-', row.outcome.failed]
      : [row.set, row.tool, `${row.outcome.seconds.toFixed(2)} s`, String(row.outcome.types), String(row.tscErrors ?? '-'), row.checks ?? ''],
  );
  const all = [header, ...cells];
  const widths = header.map((_, column) => Math.max(...all.map((line) => line[column]!.length)));
  return all.map((line) => line.map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n');
}

const rows: Row[] = [];
const nillable = new Map<string, boolean>();
for (const set of Object.keys(WSDL_TEST_SETS) as WsdlTestSet[]) {
  const entry = wsdlTestSetPath(set);
  if (entry === undefined) {
    console.log(`${set}: skipped, ${join(SHARED_WSDL_DIR, WSDL_TEST_SETS[set])} is absent`);
    continue;
  }
  nillable.set(set, await hasNillable(entry));
  // Generation is timed alone, one tool at a time; type checks run afterwards, two at a time.
  rows.push({ set, tool: 'portage', outcome: await portage(set, entry) });
  rows.push({ set, tool: 'wsdl-tsclient 1.7.1', outcome: await wsdlTsclient(set, entry) });
}
const pending = rows.filter((row) => !('failed' in row.outcome));
const workers = Array.from({ length: 2 }, async () => {
  for (let row = pending.shift(); row !== undefined; row = pending.shift()) {
    const outcome = row.outcome as RunResult;
    row.tscErrors = await tscErrors(outcome.files);
    row.checks = checks(row.set as WsdlTestSet, outcome.text, nillable.get(row.set)!);
  }
});
await Promise.all(workers);
console.log(table(rows));
console.log(
  '\nTIME: generation only (Portage: load + parse + compile in-process; wsdl-tsclient: its CLI, node start-up included). ' +
    'TYPES: exported declarations. TSC ERRORS: tsc --strict --noEmit over the output.',
);
if (outIndex < 0) await rm(outDir, { recursive: true, force: true });
else console.log(`outputs kept in ${outDir}`);
