import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { ts as BundledTypeScript } from 'ts-morph';
import { SpecError } from '../openapi/spec-error.js';
import type { TypeScriptApi } from './typescript-api.js';

type Program = BundledTypeScript.Program;
type Diagnostic = BundledTypeScript.Diagnostic;
type SourceFile = BundledTypeScript.SourceFile;

/** A type error in one of the connector's own files, with the program that found it. */
export interface NewDiagnostic {
  diagnostic: Diagnostic & { file: SourceFile; start: number };
  program: Program;
}

export interface TypecheckInput {
  ts: TypeScriptApi;
  /** Absolute path of the connector package (connectors/<platform>). */
  connectorDir: string;
  /** Absolute file path -> content that replaces the file on disk (the regenerated files). */
  overlay: ReadonlyMap<string, string>;
}

/** The connector's library tsconfig (sources without tests), else its tsconfig.json. */
function readConfig(ts: TypeScriptApi, connectorDir: string): BundledTypeScript.ParsedCommandLine {
  const file = ['tsconfig.lib.json', 'tsconfig.json'].map((name) => join(connectorDir, name)).find((path) => existsSync(path));
  if (file === undefined) throw new SpecError(`${connectorDir} has no tsconfig.lib.json or tsconfig.json, so its mappings cannot be type-checked; regenerate the connector's package files`);
  const problems: string[] = [];
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d: Diagnostic) => problems.push(ts.flattenDiagnosticMessageText(d.messageText, ' ')) };
  const parsed = ts.getParsedCommandLineOfConfigFile(file, { noEmit: true }, host);
  if (parsed === undefined || problems.length > 0) throw new SpecError(`${file} cannot be read: ${problems.join('; ')}`);
  return parsed;
}

/**
 * A compiler host that serves the overlay instead of the disk, and parses every other file once
 * for both programs (the connector as it is, and against regenerated types).
 */
function overlayHost(ts: TypeScriptApi, options: BundledTypeScript.CompilerOptions, overlay: ReadonlyMap<string, string>, cache: Map<string, SourceFile>) {
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, readFile, fileExists } = host;
  host.fileExists = (path) => overlay.has(resolve(path)) || fileExists.call(host, path);
  host.readFile = (path) => overlay.get(resolve(path)) ?? readFile.call(host, path);
  host.getSourceFile = (path, languageVersion, onError, fresh) => {
    const replaced = overlay.get(resolve(path));
    if (replaced !== undefined) return ts.createSourceFile(path, replaced, languageVersion, true);
    const format = typeof languageVersion === 'object' ? String(languageVersion.impliedNodeFormat) : '';
    const key = `${path}\u0000${format}`;
    let file = cache.get(key);
    if (file === undefined) {
      file = getSourceFile.call(host, path, languageVersion, onError, fresh);
      if (file !== undefined) cache.set(key, file);
    }
    return file;
  };
  return host;
}

/** The connector's own files: its sources, but not the generated types (checked through their use). */
function ownFiles(program: Program, connectorDir: string): SourceFile[] {
  const root = `${resolve(connectorDir)}${sep}`;
  const types = join(connectorDir, 'src', 'generated', 'types.ts');
  return program.getSourceFiles().filter((file) => resolve(file.fileName).startsWith(root) && resolve(file.fileName) !== resolve(types) && !file.fileName.includes(`${sep}node_modules${sep}`));
}

function errorsIn(program: Program, files: readonly SourceFile[], ts: TypeScriptApi): NewDiagnostic[] {
  const out: NewDiagnostic[] = [];
  for (const file of files) {
    for (const diagnostic of [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]) {
      if (diagnostic.category !== ts.DiagnosticCategory.Error || diagnostic.file === undefined || diagnostic.start === undefined) continue;
      out.push({ diagnostic: diagnostic as NewDiagnostic['diagnostic'], program });
    }
  }
  return out;
}

/** Identity of an error that survives the regeneration: same file, same code, same text, same source span. */
function errorKey(ts: TypeScriptApi, { diagnostic }: NewDiagnostic): string {
  const text = diagnostic.file.text.slice(diagnostic.start, diagnostic.start + (diagnostic.length ?? 0));
  return [resolve(diagnostic.file.fileName), diagnostic.code, ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'), text].join('\u0000');
}

/**
 * Type-checks a connector's sources with some files replaced (the regenerated types), the way
 * its tsconfig compiles it, and returns the errors that were not there before the replacement:
 * the places where its hand-written code no longer fits the platform's types. The connector
 * as it is on disk is only checked when the replacement produced errors, to tell old from new.
 *
 * @example
 * const found = typecheckWithOverlay({ ts, connectorDir, overlay: new Map([[typesPath, newTypes]]) });
 * found.map((f) => f.diagnostic.file.fileName) // ['/repo/connectors/acme/src/mappings/orders.ts']
 */
export function typecheckWithOverlay(input: TypecheckInput): NewDiagnostic[] {
  const { ts, connectorDir } = input;
  const config = readConfig(ts, connectorDir);
  const overlay = new Map([...input.overlay].map(([path, content]) => [resolve(path), content]));
  const cache = new Map<string, SourceFile>();
  const rootNames = config.fileNames.filter((name) => !/\.test\.tsx?$/.test(name));
  const regenerated = ts.createProgram({ rootNames, options: config.options, host: overlayHost(ts, config.options, overlay, cache) });
  const after = errorsIn(regenerated, ownFiles(regenerated, connectorDir), ts);
  if (after.length === 0) return [];
  const current = ts.createProgram({ rootNames, options: config.options, host: overlayHost(ts, config.options, new Map(), cache), oldProgram: regenerated });
  const before = new Map<string, number>();
  // Only the files that now fail need their old errors: the others had none to subtract.
  const failing = new Set(after.map((found) => resolve(found.diagnostic.file.fileName)));
  const files = ownFiles(current, connectorDir).filter((file) => failing.has(resolve(file.fileName)));
  for (const found of errorsIn(current, files, ts)) before.set(errorKey(ts, found), (before.get(errorKey(ts, found)) ?? 0) + 1);
  return after.filter((found) => {
    const key = errorKey(ts, found);
    const left = before.get(key) ?? 0;
    if (left === 0) return true;
    before.set(key, left - 1);
    return false;
  });
}
