import type { JsonObject, OpenApiDocument, SpecRefs } from '@portage/codegen';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One operation of the spec. */
export interface SpecOperation {
  /** `GET /v1/charges/{charge}`: the spec's method and path template, the key handlers use. */
  key: string;
  method: string;
  /** The path template as written in the spec. */
  path: string;
  operation: JsonObject;
  /** The path item, for the parameters shared by its operations. */
  pathItem: JsonObject;
}

export type RouteMatch =
  | { found: true; operation: SpecOperation; pathParams: Record<string, string> }
  /** `allowed` lists the methods of a path that matched when the method did not. */
  | { found: false; allowed: string[] };

interface Route {
  path: string;
  regex: RegExp;
  names: string[];
  /** Literal characters in the template: the more, the more specific (`/charges/search` beats `/charges/{id}`). */
  literal: number;
  operations: Map<string, SpecOperation>;
}

/** Matches request paths (relative to the server's base path) to the spec's operations. */
export class RouteTable {
  readonly #routes: Route[];
  readonly #byKey = new Map<string, SpecOperation>();

  constructor(document: OpenApiDocument, refs: SpecRefs) {
    this.#routes = Object.entries(document.paths ?? {}).map(([path, item]) => {
      const pathItem = refs.resolve<JsonObject>(item);
      const operations = new Map<string, SpecOperation>();
      for (const method of METHODS) {
        const operation = pathItem[method];
        if (operation === null || typeof operation !== 'object') continue;
        const key = `${method.toUpperCase()} ${path}`;
        const entry = { key, method: method.toUpperCase(), path, operation: operation as JsonObject, pathItem };
        operations.set(entry.method, entry);
        this.#byKey.set(key, entry);
      }
      return { path, operations, ...compileTemplate(path) };
    });
    this.#routes.sort((a, b) => b.literal - a.literal || a.names.length - b.names.length);
  }

  /** The operation a handler key (`GET /v1/charges`) names, if the spec has it. */
  get(key: string): SpecOperation | undefined {
    return this.#byKey.get(key);
  }

  /** Every operation key, in spec order. */
  keys(): string[] {
    return [...this.#byKey.keys()];
  }

  /** The operation for a method and a raw (still percent-encoded) path. */
  match(method: string, rawPath: string): RouteMatch {
    const allowed: string[] = [];
    for (const route of this.#routes) {
      const found = route.regex.exec(rawPath);
      if (!found) continue;
      const operation = route.operations.get(method.toUpperCase());
      if (!operation) {
        allowed.push(...route.operations.keys());
        continue;
      }
      const pathParams = Object.fromEntries(route.names.map((name, index) => [name, safeDecode(found[index + 1] ?? '')]));
      return { found: true, operation, pathParams };
    }
    return { found: false, allowed: [...new Set(allowed)] };
  }

  /**
   * The spec path most like a request path that matched none (by edit distance, with template
   * parameters standing in for whatever the request has in their place), with its methods:
   * `GET /v1/charges`.
   */
  closest(method: string, rawPath: string): string | undefined {
    const segments = rawPath.split('/');
    let best: { route: Route; distance: number } | undefined;
    for (const route of this.#routes) {
      const filled = route.path
        .split('/')
        .map((segment, index) => (/^\{[^}]+\}$/.test(segment) && segments[index] !== undefined ? segments[index] : segment))
        .join('/');
      const distance = editDistance(rawPath, filled) + (route.operations.has(method.toUpperCase()) ? 0 : 1);
      if (!best || distance < best.distance) best = { route, distance };
    }
    if (!best) return undefined;
    const methods = [...best.route.operations.keys()];
    const shown = methods.includes(method.toUpperCase()) ? method.toUpperCase() : methods.join('|');
    return `${shown} ${best.route.path}`;
  }
}

function compileTemplate(path: string): { regex: RegExp; names: string[]; literal: number } {
  const names: string[] = [];
  let literal = 0;
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name !== undefined) {
        names.push(name);
        return '([^/]+)';
      }
      literal += part.length;
      return escapeRegex(part);
    })
    .join('');
  return { regex: new RegExp(`^${source}$`), names, literal };
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Levenshtein distance, two rows. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[b.length] as number;
}
