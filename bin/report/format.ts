import { fmt } from '../../calculators/figure.js';
import type { ReportSection } from './sections.js';

export const REPORT_FORMATS = ['table', 'json', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Availability figures differ in the third decimal: always show it (99.900 % vs 99.905 %). */
const percentFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 4 });

export function valueWithUnit(value: number, unit: string): string {
  if (unit === '%') return `${percentFormat.format(value)} %`;
  if (unit === 'USD/month') return `$${fmt(value, 2)}/month`;
  const singular = value === 1 ? singularOf(unit) : unit;
  return `${fmt(value)} ${singular}`;
}

/** "processes" → "process", "node groups" → "node group"; "req/s" and "%" stay. */
function singularOf(unit: string): string {
  if (/^[A-Za-z ]+(ss|x|ch)es$/.test(unit)) return unit.slice(0, -2);
  return /^[A-Za-z ]+s$/.test(unit) ? unit.slice(0, -1) : unit;
}

/** Terminal text: each figure on one line, its rule and working indented beneath it. */
export function sectionsAsText(sections: ReportSection[]): string {
  const labelWidth = Math.max(...sections.flatMap((s) => s.rows.map((r) => r.label.length)));
  return sections
    .map((section) => {
      const lines = section.rows.map(
        (r) =>
          `  ${r.label.padEnd(labelWidth)}  ${valueWithUnit(r.figure.value, r.figure.unit)}\n` +
          `  ${' '.repeat(labelWidth)}    ${r.figure.formula}: ${r.figure.working}`,
      );
      const notes = (section.notes ?? []).map((note) => `  · ${note}`);
      return `${section.title}\n${[...lines, ...notes].join('\n')}`;
    })
    .join('\n\n');
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|');

export function sectionsAsMarkdown(sections: ReportSection[]): string {
  return sections
    .map((section) => {
      const rows = section.rows.map(
        (r) =>
          `| ${escapeCell(r.label)} | ${escapeCell(valueWithUnit(r.figure.value, r.figure.unit))} | ` +
          `${escapeCell(r.figure.formula)} | ${escapeCell(r.figure.working)} |`,
      );
      const notes = (section.notes ?? []).map((note) => `- ${note}`).join('\n');
      const table = `### ${section.title}\n\n| Figure | Value | Formula | Working |\n|---|---|---|---|\n${rows.join('\n')}`;
      return notes ? `${table}\n\n${notes}` : table;
    })
    .join('\n\n');
}
