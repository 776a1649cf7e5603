import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compareFixtureShapes, fixtureScenarios, loadFixtures, readScenarioFixture, type ShapeChange } from '@portage/testing';

/** Live drift of the checked connectors: shape changes per platform, for the report. */
export interface LiveDrift {
  /** Platform -> changes; platforms with no fresh recording are left out. */
  changes: Record<string, ShapeChange[]>;
  /** A field the connector received is missing or retyped in a fresh recording. */
  breaking: boolean;
}

/**
 * Live drift: fresh recordings against the real platforms (`PORTAGE_RECORD=1` with real
 * credentials, written as `<dir>/<platform>/<scenario>.json`) compared, by response shape,
 * with each connector's committed fixtures.
 *
 * @example const live = await liveDrift(root, 'recordings', ['stripe']);
 */
export async function liveDrift(root: string, dir: string, platforms: readonly string[]): Promise<LiveDrift> {
  const changes: Record<string, ShapeChange[]> = {};
  for (const platform of platforms) {
    const committedDir = join(root, 'connectors', platform, 'fixtures');
    if (!existsSync(join(dir, platform)) || !existsSync(committedDir)) continue;
    const committed = await Promise.all(fixtureScenarios(committedDir).map((scenario) => readScenarioFixture(committedDir, scenario, platform)));
    changes[platform] = compareFixtureShapes(committed, await loadFixtures(dir, platform));
  }
  const breaking = Object.values(changes).some((list) => list.some((change) => change.change !== 'new'));
  return { changes, breaking };
}

/** The markdown section of the live drift report. */
export function liveDriftMarkdown(live: LiveDrift): string {
  const lines = ['', '# Live drift (fresh recordings vs committed fixtures)', ''];
  const platforms = Object.keys(live.changes);
  if (platforms.length === 0) lines.push('No fresh recording of a checked connector was found.');
  for (const platform of platforms) {
    const changes = live.changes[platform]!;
    lines.push(`## ${platform}: ${changes.length === 0 ? 'same shapes' : `${changes.length} change${changes.length === 1 ? '' : 's'}`}`, '');
    for (const change of changes) {
      const types = change.change === 'retyped' ? ` (${change.was!.join('|')} -> ${change.now!.join('|')})` : '';
      lines.push(`- ${change.scenario}: \`${change.path}\` ${change.change}${types}`);
    }
    if (changes.length > 0) lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
