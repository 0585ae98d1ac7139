/**
 * `npm run docs:figures`: writes the measured figures and generated tables into README.md and docs/*.md
 * from the newest bench/results files and the policy rule catalogue (markers: scripts/docs/figures.ts).
 * `--check` changes nothing and exits 1 when a page is stale or quotes a measured figure by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FigureError, looseFigures, renderFigures } from './docs/figures.js';
import { docPages } from './docs/pages.js';
import { ruleCatalogue } from './docs/rule-catalogue.js';
import { everyResult, resultsByKind } from './docs/sources.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const unknown = process.argv.slice(2).filter((arg) => arg !== '--check');
if (unknown.length > 0) {
  process.stderr.write(`${unknown[0]}: not an option of docs:figures (only --check)\n`);
  process.exit(2);
}

const sources = { ...resultsByKind(root), rules: [ruleCatalogue()] };
const results = everyResult(root);
let problems = 0;
try {
  for (const page of docPages(root)) {
    const text = readFileSync(`${root}/${page}`, 'utf8');
    const rendered = renderFigures(page, text, sources);
    if (rendered !== text) {
      if (check) {
        problems++;
        console.log(
          `${page}: figures differ from bench/results and the rule catalogue (run npm run docs:figures)`,
        );
      } else {
        writeFileSync(`${root}/${page}`, rendered);
        console.log(`wrote ${page}`);
      }
    }
    for (const loose of looseFigures(rendered, results)) {
      problems++;
      console.log(
        `${page}:${loose.line}: "${loose.text}" is a figure of ${loose.file}: quote it through a marker`,
      );
    }
  }
} catch (error) {
  if (!(error instanceof FigureError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
if (problems === 0) console.log('docs figures are up to date');
process.exitCode = check && problems > 0 ? 1 : problems > 0 ? 1 : 0;
