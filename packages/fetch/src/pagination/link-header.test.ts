import { describe, expect, it } from 'vitest';
import { findLinkTarget, parseLinkHeader, type Link } from './link-header.js';

describe('parseLinkHeader', () => {
  it.each<[string, string, Link[]]>([
    ['empty header', '', []],
    [
      'GitHub style: two links, quoted rels',
      '<https://api.github.com/repositories/1/issues?page=2>; rel="next", <https://api.github.com/repositories/1/issues?page=5>; rel="last"',
      [
        { target: 'https://api.github.com/repositories/1/issues?page=2', rels: ['next'], params: { rel: 'next' } },
        { target: 'https://api.github.com/repositories/1/issues?page=5', rels: ['last'], params: { rel: 'last' } },
      ],
    ],
    [
      'several rels in one value, mixed case',
      '</items?page=2>; rel="Next LAST"',
      [{ target: '/items?page=2', rels: ['next', 'last'], params: { rel: 'Next LAST' } }],
    ],
    [
      'unquoted rel, extra params, whitespace around = and ;',
      '<https://x.test/a> ;rel = next ; type="application/json";title=Page',
      [{ target: 'https://x.test/a', rels: ['next'], params: { rel: 'next', type: 'application/json', title: 'Page' } }],
    ],
    [
      'commas and semicolons inside quoted strings and targets',
      '<https://x.test/a?ids=1,2;3>; title="a, b; c"; rel="prev", <https://x.test/b>; rel="next"',
      [
        { target: 'https://x.test/a?ids=1,2;3', rels: ['prev'], params: { title: 'a, b; c', rel: 'prev' } },
        { target: 'https://x.test/b', rels: ['next'], params: { rel: 'next' } },
      ],
    ],
    [
      'escaped quote in a quoted string',
      '</b>; title="say \\"hi\\", ok"; rel=next',
      [{ target: '/b', rels: ['next'], params: { title: 'say "hi", ok', rel: 'next' } }],
    ],
    [
      'a repeated rel keeps the first one',
      '</b>; rel="prev"; rel="next"',
      [{ target: '/b', rels: ['prev'], params: { rel: 'prev' } }],
    ],
    [
      'a param without a value',
      '</b>; crossorigin; rel=next',
      [{ target: '/b', rels: ['next'], params: { crossorigin: '', rel: 'next' } }],
    ],
    [
      'a malformed link-value is skipped, not fatal',
      'garbage; rel="x, y", </b>; rel=next',
      [{ target: '/b', rels: ['next'], params: { rel: 'next' } }],
    ],
    ['an unclosed target ends the parse', '</a>; rel=prev, <https://x.test/b; rel=next', [{ target: '/a', rels: ['prev'], params: { rel: 'prev' } }]],
  ])('%s', (_name, header, want) => {
    expect(parseLinkHeader(header)).toEqual(want);
  });
});

describe('findLinkTarget', () => {
  const github =
    '<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=3>; rel="next", <https://api.github.com/x?page=5>; rel="last", <https://api.github.com/x?page=1>; rel="first"';
  it.each<[string, string | undefined, string, string | undefined]>([
    ['GitHub next', github, 'next', 'https://api.github.com/x?page=3'],
    ['GitHub last', github, 'last', 'https://api.github.com/x?page=5'],
    ['no next on the last page', '<https://api.github.com/x?page=1>; rel="first", <https://api.github.com/x?page=4>; rel="prev"', 'next', undefined],
    ['no header at all', undefined, 'next', undefined],
    ['next among several rels', '<https://x.test/2>; rel="last next"', 'next', 'https://x.test/2'],
    ['rel matching is case-insensitive', '<https://x.test/2>; rel=NEXT', 'Next', 'https://x.test/2'],
    ['relative URI returned as written', '</v1/items?cursor=abc>; rel="next"', 'next', '/v1/items?cursor=abc'],
    ['query-only relative URI', '<?page=2>; rel="next"', 'next', '?page=2'],
    ['the first matching link wins', '</a>; rel=next, </b>; rel=next', 'next', '/a'],
    ['"nextpage" is not "next"', '</a>; rel=nextpage', 'next', undefined],
  ])('%s', (_name, header, rel, want) => {
    expect(findLinkTarget(header, rel)).toBe(want);
  });
});
