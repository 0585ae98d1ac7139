import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pass } from '../../policies/engine/model.js';
import type { Rule } from '../../policies/engine/rule.js';
import { FigureError, looseFigures, renderFigures } from '../../scripts/docs/figures.js';
import { docPages } from '../../scripts/docs/pages.js';
import { type CatalogueRule, ruleCatalogue } from '../../scripts/docs/rule-catalogue.js';
import { everyResult, type FigureSources, resultsByKind } from '../../scripts/docs/sources.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const bench = {
  file: 'bench/results/2030-01-02.json',
  data: {
    date: '2030-01-02',
    synth: { deepImports: { wallMs: 4497.97 } },
    cli: { medianWallMs: 1148.58 },
    services: {
      results: [
        {
          service: 'promptads',
          endpoint: 'GET /campaigns?limit=100',
          load: { requestsPerSecond: 370.85, latencyMs: { p50: 48, p99: 119 }, errors: 0, non2xx: 0 },
        },
        {
          service: 'promptads',
          endpoint: 'GET /healthz',
          load: { requestsPerSecond: 10065.93, latencyMs: { p50: 1, p99: 6 }, errors: 0, non2xx: 2 },
        },
      ],
    },
  },
};
const sources: FigureSources = { bench: [bench] };

describe('renderFigures', () => {
  it('writes a figure between its markers in the format it names', () => {
    const page = 'Synth took <!-- figure bench:synth.deepImports.wallMs as s -->13.9 s<!-- /figure --> wall.';
    // 4,497.97 ms = 4.49797 s, one decimal: 4.5 s
    expect(renderFigures('p.md', page, sources)).toBe(
      'Synth took <!-- figure bench:synth.deepImports.wallMs as s -->4.5 s<!-- /figure --> wall.',
    );
  });

  it('picks an array element by a field, and names the file a figure comes from', () => {
    const page =
      '<!-- figure bench:services.results[endpoint=GET /healthz].load.requestsPerSecond as req/s -->?<!-- /figure -->' +
      ' from <!-- figure bench:@file as text -->?<!-- /figure -->';
    expect(renderFigures('p.md', page, sources)).toContain('-->10,066 req/s<!--');
    expect(renderFigures('p.md', page, sources)).toContain('-->bench/results/2030-01-02.json<!--');
  });

  it('generates a table between block markers and leaves a current page unchanged', () => {
    const page = 'Before\n\n<!-- table bench:services -->\nold table\n<!-- /table -->\n\nAfter\n';
    const rendered = renderFigures('p.md', page, sources);
    expect(rendered).toBe(
      'Before\n\n<!-- table bench:services -->\n' +
        '| service | endpoint | req/s | p50 | p99 | errors | non-2xx |\n' +
        '|---|---|---:|---:|---:|---:|---:|\n' +
        '| promptads | `GET /campaigns?limit=100` | 371 | 48 ms | 119 ms | 0 | 0 |\n' +
        '| promptads | `GET /healthz` | 10,066 | 1 ms | 6 ms | 0 | 2 |\n' +
        '<!-- /table -->\n\nAfter\n',
    );
    expect(renderFigures('p.md', rendered, sources)).toBe(rendered);
  });

  it('reads each figure and table from the newest file that holds it', () => {
    const partial = {
      file: 'bench/results/2030-02-01.json',
      data: {
        date: '2030-02-01',
        machine: {
          cores: 8,
          cpuModel: 'X',
          memoryGiB: 4,
          node: 'v24.0.0',
          platform: 'linux x64',
          loadAverageAtStart: [0.25],
        },
        cli: { medianWallMs: 300 },
      },
    };
    const both: FigureSources = { bench: [partial, bench] };
    const page =
      'CLI <!-- figure bench:cli.medianWallMs as ms -->?<!-- /figure -->, synth <!-- figure bench:synth.deepImports.wallMs as s -->?<!-- /figure -->\n' +
      '<!-- table bench:machine@cli -->\n<!-- /table -->\n';
    expect(renderFigures('p.md', page, both)).toBe(
      'CLI <!-- figure bench:cli.medianWallMs as ms -->300 ms<!-- /figure -->, synth <!-- figure bench:synth.deepImports.wallMs as s -->4.5 s<!-- /figure -->\n' +
        '<!-- table bench:machine@cli -->\n' +
        'Measured on 2030-02-01: 8 cores (X), 4 GiB, Node v24.0.0, linux x64, load average 0.3 at the start; figures from `bench/results/2030-02-01.json`.\n' +
        '<!-- /table -->\n',
    );
  });

  it('says what would measure a table no file holds yet, and fills it once one does', () => {
    const page =
      '<!-- table bench:services-cost -->\n<!-- /table -->\n<!-- table calibrate:peak -->\n<!-- /table -->\n';
    expect(renderFigures('p.md', page, sources)).toBe(
      '<!-- table bench:services-cost -->\nNot measured yet: `npm run bench -- --only services` measures it.\n<!-- /table -->\n' +
        '<!-- table calibrate:peak -->\nNot measured yet: `npm run bench -- --only services` runs `promptsales calibrate --write-results` against PromptAds.\n<!-- /table -->\n',
    );
    const pods = (value: number, working: string) => ({ value, unit: 'pods', formula: 'f', working });
    const calibrate = {
      file: 'bench/results/calibrate-2030-01-02.json',
      data: {
        date: '2030-01-02',
        machine: {
          cores: 2,
          cpuModel: 'X',
          memoryGiB: 4,
          node: 'v20',
          platform: 'linux x64',
          loadAverageAtStart: [1],
        },
        url: 'http://127.0.0.1:3002/api/promptads/v1/campaigns?limit=100',
        knee: { connections: 8, requestsPerSecond: 250, reason: 'throughput grew 2 %' },
        perProcessRps: 250,
        processesPerPod: 4,
        peakRpm: 1_000_000,
        measured: {
          perPodRps: 850,
          platformPods: pods(20, ''),
          deploymentPods: pods(23, '6 + 6 + 6 + 5 = 23'),
        },
        reference: { perPodRps: 587.91, platformPods: pods(29, ''), deploymentPods: pods(32, '') },
        podsRatio: 23 / 29,
      },
    };
    const rendered = renderFigures('p.md', page, { ...sources, calibrate: [calibrate] });
    expect(rendered).toContain(
      '| reference document | 588 req/s | 29 | 32 |\n| calibrated PromptAds | 850 req/s | 20 | 23 |',
    );
    expect(rendered).toContain(
      "Traffic mix, calibrated: 6 + 6 + 6 + 5 = 23; 0.8 × the reference document's 29 pods.",
    );
    expect(rendered).toContain('8 connections, 250 req/s (throughput grew 2 %); × 4 processes per pod.');
  });

  it('leaves markers inside a code block alone: they are examples', () => {
    const page = '```markdown\n<!-- figure bench:cli.medianWallMs as s -->9 s<!-- /figure -->\n```\n';
    expect(renderFigures('p.md', page, sources)).toBe(page);
  });

  it('adds up the fault checks for the reliability totals', () => {
    const reliability = {
      file: 'bench/results/reliability-2030-01-02.json',
      data: {
        totals: {
          loadHeld: '1/1',
          faultsSurvived: '2/2',
          rollingRestartsClean: '0/0',
          badInputsTried: 1200,
          writesLost: 0,
        },
        records: [
          { check: 'fault', figures: { attempted: 10, 'stored unacknowledged': 1 } },
          { check: 'fault', figures: { attempted: 2000, 'stored unacknowledged': 3 } },
          { check: 'load', figures: { 'measured req/s': 99 } },
        ],
      },
    };
    const rendered = renderFigures('p.md', '<!-- table reliability:totals -->\n<!-- /table -->', {
      reliability: [reliability],
    });
    // 1 + 3 = 4 stored unacknowledged of 10 + 2,000 = 2,010 attempted writes
    expect(rendered).toContain('bad inputs tried 1,200 · writes lost 0.');
    expect(rendered).toContain(': 4 of 2,010 in the fault checks.');
  });

  it('refuses a marker it cannot fill, naming the page and the line', () => {
    const at = (text: string) => () => renderFigures('docs/x.md', text, sources);
    expect(at('a\n<!-- figure bench:synth.nothing as s -->1 s<!-- /figure -->')).toThrow(
      new FigureError(
        'docs/x.md:2: no bench file holds synth.nothing (newest: bench/results/2030-01-02.json)',
      ),
    );
    expect(at('<!-- figure bench:cli.medianWallMs as hours -->1<!-- /figure -->')).toThrow(
      /docs\/x.md:1: no format "hours"/,
    );
    expect(at('<!-- figure reliability:totals as count -->1<!-- /figure -->')).toThrow(
      /no source "reliability"/,
    );
    expect(at('<!-- table bench:nothing -->\n<!-- /table -->')).toThrow(/no generated table "bench:nothing"/);
    expect(at('<!-- figure bench:cli.medianWallMs as s -->1 s')).toThrow(
      /1 figure marker\(s\) not of the form/,
    );
    expect(at('<!-- figure bench:date as s --><!-- /figure -->')).toThrow(
      /expected a number, got "2030-01-02"/,
    );
  });
});

describe('ruleCatalogue', () => {
  it('counts the rules of each pack and writes their parameters as the SARIF shows them', () => {
    const base = {
      severity: 'high' as const,
      resourceTypes: ['aws_s3_bucket'],
      help: 'h',
      check: () => pass(),
    };
    const rules: Rule[] = [
      { ...base, id: 'a', title: 'A', anchors: ['CKV_AWS_21'], parameters: { minimumDays: 30 } },
      {
        ...base,
        id: 'b',
        title: 'B',
        anchors: [],
        requirement: { section: 'Security', text: 't' },
        parameters: {},
      },
      {
        ...base,
        id: 'c',
        title: 'C',
        resourceTypes: ['mongodbatlas_advanced_cluster'],
        anchors: ['Prowler:x'],
        parameters: { accepted: ['TLS1_2'], version: '1.31' },
      },
    ];
    const { data } = ruleCatalogue(rules) as {
      data: { count: number; packs: Record<string, number>; rules: CatalogueRule[] };
    };
    // a: aws anchor; b: a requirement (nfr); c: an anchor no IaC scanner has (all only);
    // a and b read a bucket (storage), c an Atlas cluster (no type pack)
    expect(data.count).toBe(3);
    expect(data.packs).toMatchObject({ all: 3, nfr: 1, aws: 1, storage: 2 });
    expect(data.rules.map((rule) => [rule.id, rule.packs, rule.parameters, rule.section])).toEqual([
      ['a', ['all', 'aws', 'storage'], 'minimumDays=30', null],
      ['b', ['all', 'nfr', 'storage'], null, 'Security'],
      ['c', ['all'], 'accepted=["TLS1_2"], version="1.31"', null],
    ]);
  });
});

describe('looseFigures', () => {
  it('finds a measured figure written by hand, not one between markers or in a code block', () => {
    const page = [
      'The CLI starts in 1.1 s.',
      'It starts in <!-- figure bench:cli.medianWallMs as s -->1.1 s<!-- /figure -->.',
      '```',
      'wall 1.1 s',
      '```',
      'A list takes 119 ms at p99; health takes 6 ms; the reference latency is 75 ms; 11.1 s is not 1.1 s.',
    ].join('\n');
    expect(looseFigures(page, [bench]).map(({ line, text, file }) => ({ line, text, file }))).toEqual([
      { line: 1, text: '1.1 s', file: bench.file },
      { line: 6, text: '119 ms', file: bench.file },
      { line: 6, text: '1.1 s', file: bench.file },
    ]);
  });
});

describe('the docs', () => {
  const sourcesNow = { ...resultsByKind(root), rules: [ruleCatalogue()] };
  const pages = docPages(root);

  it('quote the newest results: npm run docs:figures changes nothing', () => {
    const stale = pages.filter((page) => {
      const text = readFileSync(`${root}/${page}`, 'utf8');
      return renderFigures(page, text, sourcesNow) !== text;
    });
    expect(stale, 'stale pages: run npm run docs:figures').toEqual([]);
    const text = pages.map((page) => readFileSync(`${root}/${page}`, 'utf8')).join('\n');
    expect(text).toContain('<!-- table bench:services -->');
    expect(text).toContain('<!-- table reliability:records -->');
  });

  it('quote no measured figure outside a marker', () => {
    const results = everyResult(root);
    const loose = pages.flatMap((page) =>
      looseFigures(readFileSync(`${root}/${page}`, 'utf8'), results).map(
        (figure) => `${page}:${figure.line}: ${figure.text} (${figure.file})`,
      ),
    );
    expect(loose).toEqual([]);
  });
});
