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

/** The highest value of each of `buckets` consecutive, nearly equal slices: no peak is lost. */
export function bucketMax(values: number[], buckets: number): number[] {
  if (values.length <= buckets) return [...values];
  return Array.from({ length: buckets }, (_, i) => {
    const from = Math.floor((i * values.length) / buckets);
    const to = Math.floor(((i + 1) * values.length) / buckets);
    return Math.max(...values.slice(from, Math.max(to, from + 1)));
  });
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
