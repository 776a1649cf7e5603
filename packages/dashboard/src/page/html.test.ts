import { describe, expect, it } from 'vitest';
import { escapeHtml, html, SafeHtml } from './html.js';

describe('escapeHtml', () => {
  it('escapes the five characters that can break out of content or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});

describe('html', () => {
  it('escapes every interpolated value, joins arrays, drops null, undefined and false', () => {
    const hostile = '"><script>alert(1)</script>';
    const out = html`<td title="${hostile}">${hostile}${[hostile, 1]}${null}${undefined}${false}${0}</td>`.text;
    expect(out).not.toContain('<script>');
    expect(out).toBe(
      '<td title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;10</td>',
    );
  });

  it('keeps fragments it made itself as they are', () => {
    const cell = html`<b>${'<i>'}</b>`;
    expect(cell).toBeInstanceOf(SafeHtml);
    expect(html`<td>${cell}</td>`.text).toBe('<td><b>&lt;i&gt;</b></td>');
    expect(String(cell)).toBe('<b>&lt;i&gt;</b>');
  });
});
