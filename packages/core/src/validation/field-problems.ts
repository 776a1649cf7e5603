import type { z } from 'zod';

/** One failing field: its dot path and why. */
export interface FieldProblem {
  path: string;
  reason: string;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map((key) => String(key)).join('.');
}

/**
 * One entry per failing path, in order, several reasons for one path joined; an unknown key
 * is reported at its own path ("lineItems.0.qty") with `unknownKeyReason`.
 *
 * @example fieldProblems(schema.safeParse(x).error!) // [{ path: 'request.path', reason: '...' }]
 */
export function fieldProblems(error: z.ZodError, unknownKeyReason = 'unknown field'): FieldProblem[] {
  const byPath = new Map<string, string[]>();
  for (const issue of error.issues) {
    const entries =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: joinPath([...issue.path, key]), reason: unknownKeyReason }))
        : [{ path: joinPath(issue.path), reason: issue.message.replace(/^Invalid input: /, '') }];
    for (const { path, reason } of entries) {
      const reasons = byPath.get(path) ?? [];
      if (!reasons.includes(reason)) reasons.push(reason);
      byPath.set(path, reasons);
    }
  }
  return [...byPath].map(([path, reasons]) => ({ path, reason: reasons.join(', ') }));
}

/** "path: reason; path: reason", for an error message. */
export function formatProblems(problems: readonly FieldProblem[]): string {
  return problems.map(({ path, reason }) => `${path}: ${reason}`).join('; ');
}
