/** Rows of cells as left-aligned columns two spaces apart, each line after `indent`. */
export function alignColumns(rows: string[][], indent = ''): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) => `${indent}${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd())
    .join('\n');
}
