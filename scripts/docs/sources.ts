import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the docs' figures come from: one results file (or the live rule catalogue), named in the docs. */
export interface FigureSource {
  /** Repository-relative path of what the figures were read from. */
  file: string;
  data: unknown;
}

export type FigureSources = Record<string, FigureSource>;

export const RESULTS_DIR = 'bench/results';

/** Each kind of results file and its name: `npm run bench` and `npm run test:reliability` write them. */
const RESULT_KINDS: Record<string, RegExp> = {
  bench: /^(\d{4}-\d{2}-\d{2})\.json$/,
  reliability: /^reliability-(\d{4}-\d{2}-\d{2})\.json$/,
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

/** The newest results file of each kind: the one the docs quote. */
export function newestResults(root: string): FigureSources {
  const newest = new Map<string, ResultsFile>();
  for (const entry of resultsFiles(root)) {
    const current = newest.get(entry.kind);
    if (!current || entry.date > current.date) newest.set(entry.kind, entry);
  }
  return Object.fromEntries([...newest].map(([kind, entry]) => [kind, read(root, entry.file)]));
}

/** Every results file, old ones included: a figure of any of them must not be quoted by hand. */
export function everyResult(root: string): FigureSource[] {
  return resultsFiles(root).map((entry) => read(root, entry.file));
}
