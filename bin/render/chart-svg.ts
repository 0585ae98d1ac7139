import {
  type Chart,
  type ChartPanel,
  columnRanges,
  formatAxisValue,
  formatSeconds,
  niceCeiling,
} from './chart-model.js';

const WIDTH = 900;
const PANEL_HEIGHT = 240;
/** Room above the first panel for the chart title; each panel keeps its own title, legend and labels. */
const MARGIN = { left: 72, right: 24, top: 88 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = PANEL_HEIGHT - 56;
/** More points than pixels add bytes, not detail. */
const MAX_POINTS = PLOT_WIDTH;
const X_TICKS = 6;

/** Grid lines that land on round values: 20,000 in 4 steps of 5,000; 30 in 6 steps of 5. */
export function yTickCount(top: number): number {
  const round = (step: number) => {
    const scaled = step / 10 ** Math.floor(Math.log10(step));
    return [1, 2, 2.5, 5].some((nice) => Math.abs(scaled - nice) < 1e-9);
  };
  return [4, 5, 6, 3].find((count) => round(top / count)) ?? 4;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const coordinate = (x: number) => Number(x.toFixed(1));

interface Frame {
  top: number;
  yMax: number;
  tMin: number;
  tMax: number;
}

function xOf(t: number, frame: Frame): number {
  const span = frame.tMax - frame.tMin || 1;
  return coordinate(MARGIN.left + ((t - frame.tMin) / span) * PLOT_WIDTH);
}

function yOf(value: number, frame: Frame): number {
  return coordinate(frame.top + PLOT_HEIGHT - (Math.max(0, value) / frame.yMax) * PLOT_HEIGHT);
}

function pointsOf(times: number[], values: number[], step: boolean, frame: Frame): string {
  const points: string[] = [];
  values.forEach((value, i) => {
    const x = xOf(times[i]!, frame);
    if (step && i > 0) points.push(`${x},${yOf(values[i - 1]!, frame)}`);
    points.push(`${x},${yOf(value, frame)}`);
  });
  return points.join(' ');
}

function axes(panel: ChartPanel, frame: Frame): string[] {
  const bottom = frame.top + PLOT_HEIGHT;
  const parts = [
    `<text x="${MARGIN.left}" y="${frame.top - 12}" class="panel">${escapeXml(`${panel.title} (${panel.unit})`)}</text>`,
    `<rect x="${MARGIN.left}" y="${frame.top}" width="${PLOT_WIDTH}" height="${PLOT_HEIGHT}" class="frame"/>`,
  ];
  const ticks = yTickCount(frame.yMax);
  for (let i = 0; i <= ticks; i++) {
    const value = (frame.yMax * i) / ticks;
    const y = yOf(value, frame);
    parts.push(
      `<line x1="${MARGIN.left}" y1="${y}" x2="${MARGIN.left + PLOT_WIDTH}" y2="${y}" class="grid"/>`,
    );
    parts.push(
      `<text x="${MARGIN.left - 8}" y="${coordinate(y + 4)}" class="ylabel">${escapeXml(formatAxisValue(value))}</text>`,
    );
  }
  for (let i = 0; i <= X_TICKS; i++) {
    const t = frame.tMin + ((frame.tMax - frame.tMin) * i) / X_TICKS;
    const x = xOf(t, frame);
    parts.push(`<line x1="${x}" y1="${bottom}" x2="${x}" y2="${bottom + 5}" class="axis"/>`);
    parts.push(`<text x="${x}" y="${bottom + 18}" class="xlabel">${escapeXml(formatSeconds(t))}</text>`);
  }
  return parts;
}

function legend(panel: ChartPanel, top: number): string[] {
  let x = MARGIN.left + PLOT_WIDTH;
  const parts: string[] = [];
  for (const series of [...panel.series].reverse()) {
    x -= 24 + series.label.length * 7 + 16;
    parts.push(
      `<line x1="${x}" y1="${top - 16}" x2="${x + 18}" y2="${top - 16}" stroke="${series.color}" stroke-width="3"/>`,
      `<text x="${x + 24}" y="${top - 12}" class="legend">${escapeXml(series.label)}</text>`,
    );
  }
  return parts;
}

function renderPanel(panel: ChartPanel, times: number[], top: number): string[] {
  // Up to MAX_POINTS samples are drawn at their own times; more are reduced to time columns, each
  // drawn as a vertical stroke from its lowest to its highest value (a dip is as visible as a peak).
  const reduced = times.length > MAX_POINTS;
  const tMin = times[0] ?? 0;
  const width = ((times.at(-1) ?? 0) - tMin) / MAX_POINTS;
  const columnTimes = Array.from({ length: MAX_POINTS }, (_, j) => [
    tMin + (j + 0.5) * width,
    tMin + (j + 0.5) * width,
  ]).flat();
  const series = panel.series.map((s) => {
    if (!reduced) return { ...s, sampledTimes: times, sampled: s.values, step: s.step ?? false };
    const ranges = columnRanges(times, s.values, MAX_POINTS, s.step ?? false);
    return { ...s, sampledTimes: columnTimes, sampled: ranges.flatMap((r) => [r.max, r.min]), step: false };
  });
  const frame: Frame = {
    top,
    yMax: niceCeiling(Math.max(0, ...series.flatMap((s) => s.sampled))),
    tMin,
    tMax: times.at(-1) ?? 0,
  };
  const parts = [...axes(panel, frame), ...legend(panel, top)];
  for (const s of series) {
    const points = pointsOf(s.sampledTimes, s.sampled, s.step, frame);
    if (s.fill) {
      const bottom = frame.top + PLOT_HEIGHT;
      const first = xOf(s.sampledTimes[0] ?? 0, frame);
      const last = xOf(s.sampledTimes.at(-1) ?? 0, frame);
      parts.push(
        `<polygon points="${first},${bottom} ${points} ${last},${bottom}" fill="${s.color}" fill-opacity="0.15"/>`,
      );
    }
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2"><title>${escapeXml(s.label)}</title></polyline>`,
    );
  }
  return parts;
}

/** A self-contained SVG document (no scripts, fonts or links) with one panel per chart panel. */
export function renderSvgChart(chart: Chart): string {
  const height = MARGIN.top + chart.panels.length * PANEL_HEIGHT;
  const subtitle = chart.subtitle
    ? [`<text x="${MARGIN.left}" y="46" class="subtitle">${escapeXml(chart.subtitle)}</text>`]
    : [];
  const panels = chart.panels.flatMap((panel, i) =>
    renderPanel(panel, chart.times, MARGIN.top + i * PANEL_HEIGHT),
  );
  const title = escapeXml(chart.title);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    '<style>',
    'text { font-family: system-ui, sans-serif; font-size: 12px; fill: #222; }',
    '.title { font-size: 16px; font-weight: 600; } .subtitle { fill: #555; } .panel { font-weight: 600; }',
    '.ylabel { text-anchor: end; } .xlabel { text-anchor: middle; }',
    '.frame { fill: none; stroke: #888; } .grid { stroke: #e4e4e4; } .axis { stroke: #888; }',
    '</style>',
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="26" class="title">${title}</text>`,
    ...subtitle,
    ...panels,
    '</svg>',
    '',
  ].join('\n');
}
