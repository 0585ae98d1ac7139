/** A time-series chart, independent of how it is drawn: panels stacked over one time axis. */
export interface ChartSeries {
  label: string;
  values: number[];
  /** ASCII: the character that draws the series. */
  marker: string;
  /** ASCII: fill below the line with this character (an area); SVG: a shaded area. */
  fill?: string;
  /** SVG stroke colour. */
  color: string;
  /** Hold each value until the next sample (a count that changes in steps) rather than a straight line. */
  step?: boolean;
}

export interface ChartPanel {
  title: string;
  unit: string;
  series: ChartSeries[];
}

export interface Chart {
  title: string;
  /** A second line under the title: what the chart shows, in words. */
  subtitle?: string;
  /** Seconds from the start, one per sample, ascending. */
  times: number[];
  panels: ChartPanel[];
}

const NICE_STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ) at or above `x`: an axis top. */
export function niceCeiling(x: number): number {
  if (!(x > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(x));
  const step = NICE_STEPS.find((s) => s * magnitude >= x * (1 - 1e-12))!;
  return step * magnitude;
}

export interface ColumnRange {
  min: number;
  max: number;
}

/**
 * The lowest and highest value of a series in each of `columns` equal slices of time, so neither a
 * spike nor a dip between two columns is lost and samples sit at their own time. A step series
 * holds its last value through a slice with no sample of its own; a line series is interpolated
 * at the slice's middle there.
 */
export function columnRanges(
  times: number[],
  values: number[],
  columns: number,
  step: boolean,
): ColumnRange[] {
  const tMin = times[0] ?? 0;
  const span = (times.at(-1) ?? 0) - tMin;
  const width = span > 0 ? span / columns : 1;
  const ranges: ColumnRange[] = [];
  let i = 0;
  for (let column = 0; column < columns; column++) {
    const end = column === columns - 1 ? Number.POSITIVE_INFINITY : tMin + (column + 1) * width;
    const inside: number[] = [];
    // The value in force as the slice opens: the last sample before it (a step holds it).
    if (step && i > 0 && times[i]! > tMin + column * width) inside.push(values[i - 1]!);
    while (i < times.length && times[i]! < end) inside.push(values[i++]!);
    if (inside.length === 0)
      inside.push(step ? values[Math.max(0, i - 1)]! : valueAt(times, values, tMin + (column + 0.5) * width));
    ranges.push({ min: Math.min(...inside), max: Math.max(...inside) });
  }
  return ranges;
}

function valueAt(times: number[], values: number[], t: number): number {
  const after = times.findIndex((time) => time >= t);
  if (after <= 0) return values[after === 0 ? 0 : values.length - 1]!;
  const [t0, t1, v0, v1] = [times[after - 1]!, times[after]!, values[after - 1]!, values[after]!];
  return v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "450 s" under an hour, "2.5 h" from an hour on. */
export function formatSeconds(seconds: number): string {
  if (seconds >= 3_600) return `${numberFormat.format(Number((seconds / 3_600).toFixed(2)))} h`;
  return `${numberFormat.format(seconds)} s`;
}

export function formatAxisValue(value: number): string {
  return numberFormat.format(value);
}
