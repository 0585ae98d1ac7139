import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the docs' figures come from: one results file (or the live rule catalogue), named in the docs. */
export interface FigureSource {
  /** Repository-relative path of what the figures were read from. */
  file: string;
  data: unknown;
}

/** Each kind's sources, newest first: a figure comes from the newest file that holds it. */
export type FigureSources = Record<string, FigureSource[]>;

export const RESULTS_DIR = 'bench/results';

/**
 * Each kind of results file and its name: `npm run bench` (the day's file and, through `promptsales
 * calibrate --write-results`, calibrate-<date>.json) and `npm run test:reliability` write them.
 */
const RESULT_KINDS: Record<string, RegExp> = {
  bench: /^(\d{4}-\d{2}-\d{2})\.json$/,
  reliability: /^reliability-(\d{4}-\d{2}-\d{2})\.json$/,
  calibrate: /^calibrate-(\d{4}-\d{2}-\d{2})\.json$/,
};

interface ResultsFile {
  kind: string;
  date: string;
  file: string;
}

function resultsFiles(root: string): ResultsFile[] {
  return readdirSync(join(root, RESULTS_DIR)).flatMap((name) =>
    Object.entries(RESULT_KINDS).flatMap(([kind, pattern]) => {
      const date = pattern.exec(name)?.[1];
      return date ? [{ kind, date, file: `${RESULTS_DIR}/${name}` }] : [];
    }),
  );
}

const read = (root: string, file: string): FigureSource => ({
  file,
  data: JSON.parse(readFileSync(join(root, file), 'utf8')),
});

/**
 * The results files of each kind, newest first. A run may measure some parts only (`npm run bench --
 * cli`), so each figure is read from the newest file that holds it.
 */
export function resultsByKind(root: string): FigureSources {
  const byKind: FigureSources = {};
  const files = resultsFiles(root).sort((a, b) => b.date.localeCompare(a.date));
  for (const entry of files) byKind[entry.kind] = [...(byKind[entry.kind] ?? []), read(root, entry.file)];
  return byKind;
}

/** Every results file, old ones included: a figure of any of them must not be quoted by hand. */
export function everyResult(root: string): FigureSource[] {
  return resultsFiles(root).map((entry) => read(root, entry.file));
}
