import {
  type Chart,
  type ChartPanel,
  columnRanges,
  formatAxisValue,
  formatSeconds,
  niceCeiling,
} from './chart-model.js';

export interface AsciiChartSize {
  /** Plot columns, not counting the axis labels. */
  width: number;
  /** Plot rows per panel. */
  height: number;
}

const DEFAULT_SIZE: AsciiChartSize = { width: 64, height: 12 };

/** Row of `value` on a 0 … top axis drawn over `height` rows, 0 being the top row. */
function rowOf(value: number, top: number, height: number): number {
  const level = Math.round((Math.max(0, value) / top) * (height - 1));
  return height - 1 - Math.min(height - 1, level);
}

/** First, middle and last times under the plot (columns are equal slices of time); the middle one only where it fits. */
function timeAxis(times: number[], width: number, indent: string): string {
  const first = formatSeconds(times[0] ?? 0);
  const middle = formatSeconds(((times[0] ?? 0) + (times.at(-1) ?? 0)) / 2);
  const last = formatSeconds(times.at(-1) ?? 0);
  const lastAt = Math.max(first.length + 1, width + 1 - last.length);
  const middleAt = Math.floor(width / 2 - middle.length / 2);
  let line = first;
  if (middleAt > first.length && middleAt + middle.length < lastAt) line = line.padEnd(middleAt) + middle;
  if (times.length > 1) line = line.padEnd(lastAt) + last;
  return `${indent}${line}`;
}

function renderPanel(panel: ChartPanel, times: number[], size: AsciiChartSize): string[] {
  const columns = Math.max(1, Math.min(size.width, times.length));
  const series = panel.series.map((s) => ({
    ...s,
    columns: columnRanges(times, s.values, columns, s.step ?? false),
  }));
  const top = niceCeiling(Math.max(0, ...series.flatMap((s) => s.columns.map((c) => c.max))));
  const grid = Array.from({ length: size.height }, () => Array.from({ length: columns }, () => ' '));
  // Areas first, lines over their fill; a marker already drawn is kept, so demand that lands on the
  // capacity line reads as covered and only demand above the shaded area stands out.
  const markers = new Set(series.map((s) => s.marker));
  const ordered = [...series.filter((s) => s.fill), ...series.filter((s) => !s.fill)];
  for (const s of ordered) {
    s.columns.forEach(({ min, max }, column) => {
      // The marker spans the column's range, highest to lowest value; an area is filled below its lowest.
      const highRow = rowOf(max, top, size.height);
      const lowRow = rowOf(min, top, size.height);
      if (s.fill) for (let below = lowRow + 1; below < size.height; below++) grid[below]![column] = s.fill;
      for (let row = highRow; row <= lowRow; row++) {
        if (!markers.has(grid[row]![column]!)) grid[row]![column] = s.marker;
      }
    });
  }
  const labels = [formatAxisValue(top), formatAxisValue(top / 2), '0'];
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const middleRow = Math.round((size.height - 1) / 2);
  const lines = [`${panel.title} (${panel.unit})`];
  grid.forEach((cells, row) => {
    const label =
      row === 0 ? labels[0]! : row === size.height - 1 ? labels[2]! : row === middleRow ? labels[1]! : '';
    lines.push(`${label.padStart(labelWidth)} |${cells.join('')}`.trimEnd());
  });
  const indent = ' '.repeat(labelWidth + 1);
  lines.push(`${indent}+${'-'.repeat(columns)}`);
  lines.push(timeAxis(times, columns, indent));
  lines.push(`${indent}${series.map((s) => `${s.marker} ${s.label}`).join('   ')}`);
  return lines;
}

/** The chart as plain text for a terminal: one block per panel, each column from its lowest to its highest value. */
export function renderAsciiChart(chart: Chart, size: AsciiChartSize = DEFAULT_SIZE): string {
  const blocks = chart.panels.map((panel) => renderPanel(panel, chart.times, size).join('\n'));
  const heading = chart.subtitle ? `${chart.title}\n${chart.subtitle}` : chart.title;
  return `${heading}\n\n${blocks.join('\n\n')}\n`;
}
