import { PortageError } from '@portage/core';
import type { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import type { SourcePosition } from './read-yaml.js';

/**
 * One thing wrong with a config: the dot path of the field (`entities.1.window`) and what
 * to write instead.
 *
 * @example
 * const p: ConfigProblem = { path: 'entities.1.window', reason: 'write e.g. "3 months" or "all"' };
 */
export interface ConfigProblem {
  path: string;
  reason: string;
}

/**
 * Dot path of a zod issue path; the root is "(root)".
 *
 * @example
 * joinFieldPath(['entities', 1, 'window']); // 'entities.1.window'
 */
export function joinFieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map((segment) => String(segment)).join('.');
}

/**
 * Turns zod issues into problems: an unknown key is reported at its own path with a
 * did-you-mean from the keys allowed there; a union that failed because the value had the
 * right shape but a bad field reports that field, not "invalid input".
 *
 * @example
 * zodProblems(error, () => ['window']); // [{ path: 'entities.0.windw', reason: 'unknown field "windw": did you mean "window"? ...' }]
 */
export function zodProblems(
  error: { issues: readonly z.core.$ZodIssue[] },
  allowedKeys: (objectPath: readonly PropertyKey[]) => readonly string[],
  prefix: readonly PropertyKey[] = [],
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(path);
      for (const key of issue.keys) {
        const guess = didYouMean(key, allowed);
        const hint = guess === undefined ? '' : ` did you mean "${guess}"?`;
        problems.push({ path: joinFieldPath([...path, key]), reason: `unknown field "${key}":${hint} allowed here: ${allowed.join(', ')}` });
      }
    } else if (issue.code === 'invalid_union') {
      // The branch whose failures are all below this value matched its shape: report those.
      const deeper = issue.errors.find((branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0 || inner.code === 'unrecognized_keys'));
      if (deeper) problems.push(...zodProblems({ issues: deeper }, allowedKeys, path));
      else problems.push({ path: joinFieldPath(path), reason: issue.message });
    } else {
      problems.push({ path: joinFieldPath(path), reason: issue.message.replace(/^Invalid input: /, '') });
    }
  }
  return problems;
}

/** Where the config came from, to point at the offending place in messages. */
export interface ProblemSource {
  /** A file name, shown in messages and kept in `context.source`. */
  source?: string;
  /** Line and column of a field in the source text, when it was text. */
  locate?: (path: readonly PropertyKey[]) => SourcePosition | undefined;
  /** A name to show next to a path (e.g. the entity at `entities.1`), for readers of long lists. */
  label?: (path: string) => string | undefined;
}

/**
 * One CONFIG_INVALID error listing every problem; `context.fieldPath` is the first problem's
 * path and `context.problems` has them all (with line and column when known).
 *
 * @example
 * throw configInvalid('refresh config', [{ path: 'entities', reason: 'list at least one entity' }], { source: 'acme.yaml' });
 */
export function configInvalid(what: string, problems: readonly ConfigProblem[], from: ProblemSource = {}): PortageError {
  const located = problems.map((problem) => {
    const segments = problem.path === '(root)' ? [] : problem.path.split('.');
    const position = from.locate?.(segments);
    const label = from.label?.(problem.path);
    return { ...problem, ...position, label };
  });
  // Top to bottom, as the reader meets them in the file.
  if (located.every((problem) => problem.line !== undefined)) {
    located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  }
  const lines = located.map(({ path, reason, line, column, label }) => {
    const at = line === undefined ? '' : ` (line ${line}, column ${column})`;
    const named = label === undefined ? '' : ` [${label}]`;
    return `${path}${named}${at}: ${reason}`;
  });
  const first = located[0];
  return new PortageError('CONFIG_INVALID', `invalid ${what}${from.source === undefined ? '' : ` in ${from.source}`}: ${lines.join('; ')}`, {
    context: {
      fieldPath: first?.path,
      source: from.source,
      line: first?.line,
      column: first?.column,
      problems: located.map(({ path, reason, line, column }) => ({ path, reason, line, column })),
    },
  });
}
