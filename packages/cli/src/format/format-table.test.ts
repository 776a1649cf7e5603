import { describe, expect, it } from 'vitest';
import { formatTable } from './format-table.js';
import { createPalette } from './create-palette.js';
import { useColor } from './use-color.js';

describe('formatTable', () => {
  it('given rows, aligns columns two spaces apart with no trailing spaces', () => {
    const want = '  ENTITY     PAGES  NOTE\n  orders        12  ok\n  customers      3\n';
    expect(formatTable(['ENTITY', 'PAGES', 'NOTE'], [['orders', '12', 'ok'], ['customers', '3']], { indent: '  ', rightAligned: [1] })).toBe(want);
  });

  it('does not count colour codes as width', () => {
    const paint = createPalette(true);
    expect(formatTable(['A', 'B'], [[paint.red('x'), 'y']])).toBe(`A  B\n${paint.red('x')}  y\n`);
  });
});

describe('useColor', () => {
  it.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: true }, { NO_COLOR: '1' }, false],
    [{ isTTY: false }, {}, false],
    [{}, {}, false],
  ])('given %o and env %o, gives %s', (stream, env, want) => {
    expect(useColor(stream, env)).toBe(want);
  });
});
