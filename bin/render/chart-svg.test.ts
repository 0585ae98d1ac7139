import { describe, expect, it } from 'vitest';
import type { Chart } from './chart-model.js';
import { escapeXml, renderSvgChart, yTickCount } from './chart-svg.js';
import { outlineSvg } from './chart-svg-check.js';

const chart: Chart = {
  title: 'Demand <peak> & capacity',
  subtitle: 'a "step" profile',
  times: [0, 15, 30, 45],
  panels: [
    {
      title: 'Demand vs capacity',
      unit: 'req/s',
      series: [
        {
          label: 'capacity',
          values: [100, 100, 300, 300],
          marker: '#',
          fill: ':',
          color: '#2b7bb9',
          step: true,
        },
        { label: 'demand', values: [100, 250, 250, 250], marker: '*', color: '#d1495b' },
      ],
    },
    {
      title: 'Replicas',
      unit: 'pods',
      series: [{ label: 'ready', values: [1, 1, 3, 3], marker: '#', color: '#2b7bb9', step: true }],
    },
  ],
};

describe('renderSvgChart', () => {
  const svg = renderSvgChart(chart);
  const outline = outlineSvg(svg);

  it('is one well-formed, self-contained svg element', () => {
    expect(outline.root).toBe('svg');
    expect(outline.balanced).toBe(true);
    expect(outline.badText).toBe(false);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).not.toMatch(/<script|href=|@import|url\(/);
  });

  it('draws one polyline per series and one shaded polygon per area', () => {
    expect(outline.elements.filter((e) => e === 'polyline')).toHaveLength(3);
    expect(outline.elements.filter((e) => e === 'polygon')).toHaveLength(1);
  });

  it('escapes the text it is given', () => {
    expect(svg).toContain('Demand &lt;peak&gt; &amp; capacity');
    expect(svg).toContain('a &quot;step&quot; profile');
  });

  it('maps values into the plot frame: 0 at the bottom edge, the axis top at the top edge', () => {
    // Panel 1: top = niceCeiling(300) = 300, frame y 88 … 272 (height 184), x 72 … 876 over t 0 … 45.
    // capacity as steps: 100 → 272 − 184 ÷ 3 = 210.7, 300 → 88; t = 15 → 72 + 804 ÷ 3 = 340.
    const capacity = svg.match(/<polyline points="([^"]+)"[^>]*stroke="#2b7bb9"/)?.[1];
    expect(capacity).toBe('72,210.7 340,210.7 340,210.7 608,210.7 608,88 876,88 876,88');
  });

  it('puts grid lines on round values', () => {
    // 20,000 ÷ 4 = 5,000; 30 ÷ 4 = 7.5 and 30 ÷ 5 = 6 are not round, 30 ÷ 6 = 5 is; 1.2 ÷ 4 = 0.3 … 1.2 ÷ 6 = 0.2.
    expect([yTickCount(20_000), yTickCount(30), yTickCount(1.2), yTickCount(40)]).toEqual([4, 6, 6, 4]);
  });

  it('escapeXml replaces the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('outlineSvg', () => {
  it('notices a missing end tag and a bare ampersand', () => {
    expect(outlineSvg('<svg><g></svg>').balanced).toBe(false);
    expect(outlineSvg('<svg><text>a & b</text></svg>').badText).toBe(true);
    expect(outlineSvg('<svg><text>a &amp; b</text></svg>')).toMatchObject({ balanced: true, badText: false });
  });
});
