import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { anchorsOf, brokenLinks, headingAnchor } from '../../scripts/docs/links.js';
import { docPages } from '../../scripts/docs/pages.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('headingAnchor', () => {
  it('gives the anchors GitHub gives', () => {
    expect(headingAnchor('`promptsales capacity`')).toBe('promptsales-capacity');
    expect(headingAnchor('Routing by `/api/<service>/v<N>`')).toBe('routing-by-apiservicevn');
    expect(headingAnchor('Add-ons (Helm, versions pinned in `spec.addons`)')).toBe(
      'add-ons-helm-versions-pinned-in-specaddons',
    );
    expect(headingAnchor('Outcomes: pass, fail, unknown')).toBe('outcomes-pass-fail-unknown');
  });

  it('numbers repeated headings and skips headings inside code blocks', () => {
    expect([...anchorsOf('# Tests\n\n## Tests\n\n```\n# not a heading\n```\n')]).toEqual([
      'tests',
      'tests-1',
    ]);
  });
});

describe('brokenLinks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doc-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names links to missing files and headings, and ignores code and other sites', () => {
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'a.md'), '# A\n\n## Stack order\n');
    writeFileSync(
      join(dir, 'README.md'),
      [
        '[fine](docs/a.md) [fine too](docs/a.md#stack-order) [self](#top) [site](https://example.com/x.md)',
        '[gone](docs/b.md) [no heading](docs/a.md#stack-orders)',
        '`[in code](docs/c.md)`',
        '```',
        '[in a block](docs/d.md)',
        '```',
        '# Top',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'docs', 'up.md'), '[back](../README.md#top) [out](../../x.md)\n');
    expect(brokenLinks(dir, ['README.md', 'docs/a.md', 'docs/up.md'])).toEqual([
      { page: 'README.md', line: 2, target: 'docs/b.md', reason: 'docs/b.md does not exist' },
      {
        page: 'README.md',
        line: 2,
        target: 'docs/a.md#stack-orders',
        reason: 'docs/a.md has no heading #stack-orders',
      },
      { page: 'docs/up.md', line: 1, target: '../../x.md', reason: '../x.md does not exist' },
    ]);
  });
});

describe('the README and docs/', () => {
  it('link only to files and headings that exist', () => {
    expect(brokenLinks(root, docPages(root))).toEqual([]);
  });
});
