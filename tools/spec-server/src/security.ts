import type { JsonObject, OpenApiDocument, SpecRefs } from '@portage/codegen';
import type { SpecOperation } from './route-table.js';

export interface SecurityInput {
  /** Lower-cased names. */
  headers: Record<string, string>;
  queryNames: Set<string>;
}

export interface SecurityCheck {
  /** A problem line when no security requirement of the operation is met. */
  problem?: string;
  /** Query names API-key schemes use: they are credentials, not unknown parameters. */
  queryNames: Set<string>;
}

/**
 * Checks that a request carries the credentials the operation's security requirements name
 * (the operation's own, else the document's): one requirement object (all of its schemes)
 * must be met. Only presence and scheme are checked, never the credential itself.
 */
export function checkSecurity(document: OpenApiDocument, operation: SpecOperation, refs: SpecRefs, input: SecurityInput): SecurityCheck {
  const requirements = (operation.operation.security ?? document.security ?? []) as Record<string, unknown>[];
  const schemes = (document.components?.securitySchemes ?? {}) as Record<string, unknown>;
  const schemeOf = (name: string): JsonObject | undefined => (schemes[name] === undefined ? undefined : refs.resolve<JsonObject>(schemes[name]));

  const queryNames = new Set<string>();
  for (const requirement of requirements) {
    for (const name of Object.keys(requirement)) {
      const scheme = schemeOf(name);
      if (scheme?.type === 'apiKey' && scheme.in === 'query' && typeof scheme.name === 'string') queryNames.add(scheme.name);
    }
  }
  if (requirements.length === 0) return { queryNames };

  const met = (name: string) => {
    const scheme = schemeOf(name);
    // A requirement naming a scheme the spec does not define is the spec's bug, not the request's.
    return scheme === undefined || schemeSatisfied(scheme, input);
  };
  if (requirements.some((requirement) => Object.keys(requirement).every(met))) return { queryNames };
  const accepted = requirements.map((requirement) => Object.keys(requirement).map((name) => `${name} (${describeScheme(schemeOf(name))})`).join(' + '));
  return { queryNames, problem: `security: the request carries none of the credentials the operation accepts (one of: ${accepted.join(', ')})` };
}

function schemeSatisfied(scheme: JsonObject, input: SecurityInput): boolean {
  const authorization = input.headers.authorization ?? '';
  switch (scheme.type) {
    case 'http': {
      const kind = String(scheme.scheme ?? '').toLowerCase();
      return kind === '' ? authorization !== '' : authorization.toLowerCase().startsWith(`${kind} `);
    }
    case 'apiKey': {
      const name = String(scheme.name ?? '');
      if (scheme.in === 'query') return input.queryNames.has(name);
      if (scheme.in === 'cookie') return (input.headers.cookie ?? '').split(';').some((part) => part.trim().startsWith(`${name}=`));
      return input.headers[name.toLowerCase()] !== undefined;
    }
    case 'oauth2':
    case 'openIdConnect':
      return authorization.toLowerCase().startsWith('bearer ');
    default:
      return true;
  }
}

function describeScheme(scheme: JsonObject | undefined): string {
  if (!scheme) return 'undefined scheme';
  if (scheme.type === 'http') return `HTTP ${String(scheme.scheme ?? '')} in the Authorization header`;
  if (scheme.type === 'apiKey') return `API key ${String(scheme.name ?? '')} in the ${String(scheme.in ?? 'header')}`;
  return `${String(scheme.type)} bearer token`;
}
