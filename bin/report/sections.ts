import type { Figure } from '../../calculators/figure.js';

/** One named figure of a report: `key` is its plain name in JSON output. */
export interface ReportRow {
  key: string;
  label: string;
  figure: Figure;
}

export interface ReportSection {
  title: string;
  rows: ReportRow[];
  /** Lines printed under the rows: sources, caveats. */
  notes?: string[];
}

export const row = (key: string, label: string, figure: Figure): ReportRow => ({ key, label, figure });

/** `{ workers: { value, unit, formula, working }, … }` for machine-readable output. */
export function figuresByKey(sections: ReportSection[]): Record<string, Figure> {
  return Object.fromEntries(sections.flatMap((section) => section.rows.map((r) => [r.key, r.figure])));
}
