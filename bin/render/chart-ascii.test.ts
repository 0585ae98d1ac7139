import { describe, expect, it } from 'vitest';
import { renderAsciiChart } from './chart-ascii.js';
import type { Chart } from './chart-model.js';

describe('renderAsciiChart', () => {
  it('draws a line on a 0 … round-top axis, one row per step of top ÷ (height − 1)', () => {
    // Four samples make four columns, so the time axis has room for the first and last labels only.
    // top = 10; rows of a 3-row plot are levels round(v ÷ 10 × 2): 0 → bottom, 5 → middle, 10 → top.
    const chart: Chart = {
      title: 'T',
      times: [0, 10, 20, 30],
      panels: [
        {
          title: 'Load',
          unit: 'req/s',
          series: [{ label: 'demand', values: [0, 5, 10, 10], marker: '*', color: 'red' }],
        },
      ],
    };
    expect(renderAsciiChart(chart, { width: 40, height: 3 })).toBe(
      [
        'T',
        '',
        'Load (req/s)',
        '10 |  **',
        ' 5 | *',
        ' 0 |*',
        '   +----',
        '   0 s 30 s',
        '   * demand',
        '',
      ].join('\n'),
    );
  });

  it('fills below an area and keeps its marker where a line lands on it', () => {
    // capacity [10, 10, 5, 0] → rows 0, 0, 1, 2, filled below; demand [10, 0, 10, 10] → rows 0, 2, 0, 0.
    // Column 0: demand meets the capacity line → '#'. Column 1: demand 0 lands on the fill → '*'.
    const chart: Chart = {
      title: 'T',
      times: [0, 10, 20, 30],
      panels: [
        {
          title: 'Load',
          unit: 'req/s',
          series: [
            { label: 'capacity', values: [10, 10, 5, 0], marker: '#', fill: ':', color: 'blue' },
            { label: 'demand', values: [10, 0, 10, 10], marker: '*', color: 'red' },
          ],
        },
      ],
    };
    const plot = renderAsciiChart(chart, { width: 40, height: 3 }).split('\n').slice(3, 6);
    expect(plot).toEqual(['10 |##**', ' 5 |::#', ' 0 |:*:#']);
  });

  it('draws each column from its lowest to its highest value when there are more samples than columns', () => {
    // 8 samples into 4 slices of 1.75 s: (0, 10), (0, 0), (0, 0), (0, 0) → column 0 spans 0 to 10.
    const chart: Chart = {
      title: 'T',
      times: [0, 1, 2, 3, 4, 5, 6, 7],
      panels: [
        {
          title: 'P',
          unit: 'u',
          series: [{ label: 's', values: [0, 10, 0, 0, 0, 0, 0, 0], marker: '*', color: 'red' }],
        },
      ],
    };
    const plot = renderAsciiChart(chart, { width: 4, height: 2 }).split('\n').slice(3, 5);
    expect(plot).toEqual(['10 |*', ' 0 |****']);
  });
});
