import { BLOCKS } from './blocks.js';
import { FORMATS, writtenForms } from './formats.js';
import { blank, outsideCodeBlocks, withoutCodeBlocks } from './markdown.js';
import { resolvePath } from './paths.js';
import type { FigureSource, FigureSources } from './sources.js';

/**
 * Figures in the docs live between markers and are written by `npm run docs:figures`:
 *
 *   <!-- figure bench:synth.deepImports.wallMs as s -->4.5 s<!-- /figure -->
 *   <!-- table bench:services -->
 *   | generated table |
 *   <!-- /table -->
 *
 * `bench` is `bench/results/<date>.json`, `reliability` `bench/results/reliability-<date>.json`,
 * `rules` the policy rule catalogue; each figure and table comes from the newest file that holds it.
 * A figure's path is an address inside the file (see paths.ts), or `@file` for the newest file's name.
 * `<!-- table bench:machine@cli -->` describes the machine of the newest file holding `cli`.
 */
const INLINE = /<!-- figure (\w+):(.+?) as (\S+) -->(.*?)<!-- \/figure -->/g;
const BLOCK = /<!-- table (\w+):([\w@-]+) -->\n([\s\S]*?)<!-- \/table -->/g;
const OPENINGS = /<!-- (figure|table) /g;
const MARKER = new RegExp(`${BLOCK.source}|${INLINE.source}`, 'g');

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

export class FigureError extends Error {}

/** The newest source of a kind that holds what is asked for. */
function newestHolding(
  sources: FigureSources,
  kind: string,
  what: string,
  holds: (data: unknown) => boolean,
  where: string,
): FigureSource {
  const list = sources[kind];
  if (!list || list.length === 0) {
    throw new FigureError(`${where}: no source "${kind}" (one of ${Object.keys(sources).join(', ')})`);
  }
  const source = list.find((candidate) => holds(candidate.data));
  if (!source) throw new FigureError(`${where}: no ${kind} file holds ${what} (newest: ${list[0]!.file})`);
  return source;
}

/** Like newestHolding, but none is an answer: for a table that says what would measure it. */
function newestHoldingIfAny(
  sources: FigureSources,
  kind: string,
  holds: (data: unknown) => boolean,
): FigureSource | undefined {
  return sources[kind]?.find((candidate) => holds(candidate.data));
}

/** The page with every marker filled from the sources; throws naming page and line on a bad marker. */
export function renderFigures(page: string, text: string, sources: FigureSources): string {
  return outsideCodeBlocks(text, (part, offset) => {
    const opened = [...part.matchAll(OPENINGS)].length;
    const closed = [...part.matchAll(MARKER)].length;
    if (opened !== closed) {
      throw new FigureError(
        `${page}: ${opened - closed} figure marker(s) not of the form ` +
          '"<!-- figure kind:path as format -->…<!-- /figure -->" or "<!-- table kind:name -->\\n…<!-- /table -->"',
      );
    }
    return part.replace(MARKER, (whole, ...groups) => {
      const where = `${page}:${lineOf(text, offset + (groups.at(-2) as number))}`;
      const [blockKind, blockName, , kind, path, format] = groups as (string | undefined)[];
      if (blockKind !== undefined && blockName !== undefined) {
        const [name, section] = blockName.split('@', 2) as [string, string | undefined];
        const block = BLOCKS[`${blockKind}:${name}`];
        if (!block) {
          throw new FigureError(
            `${where}: no generated table "${blockKind}:${name}" (${Object.keys(BLOCKS).join(', ')})`,
          );
        }
        const needs = section ?? block.needs;
        const holds = (data: unknown) => resolvePath(data, needs) !== undefined;
        const opening = whole.slice(0, whole.indexOf('\n') + 1);
        if (block.untilMeasured !== undefined) {
          const source = newestHoldingIfAny(sources, blockKind, holds);
          return `${opening}${source ? block.render(source) : block.untilMeasured}\n<!-- /table -->`;
        }
        const source = newestHolding(sources, blockKind, needs, holds, where);
        return `${opening}${block.render(source)}\n<!-- /table -->`;
      }
      const source =
        path === '@file'
          ? newestHolding(sources, kind!, 'a file', () => true, where)
          : newestHolding(sources, kind!, path!, (data) => resolvePath(data, path!) !== undefined, where);
      return `<!-- figure ${kind}:${path} as ${format} -->${figure(source, path!, format!, where)}<!-- /figure -->`;
    });
  });
}

function figure(source: FigureSource, path: string, format: string, where: string): string {
  const write = FORMATS[format];
  if (!write) throw new FigureError(`${where}: no format "${format}" (${Object.keys(FORMATS).join(', ')})`);
  const value = path === '@file' ? source.file : resolvePath(source.data, path);
  if (value === undefined) throw new FigureError(`${where}: ${source.file} has no figure ${path}`);
  try {
    return write(value);
  } catch (error) {
    throw new FigureError(`${where}: ${path}: ${(error as Error).message}`);
  }
}

export interface LooseFigure {
  line: number;
  /** Offset in the page, to keep findings in reading order. */
  index: number;
  text: string;
  file: string;
}

/** Code blocks, markers and comments blanked out, line breaks kept: the prose a reader sees. */
function prose(text: string): string {
  return withoutCodeBlocks(
    text
      .replace(BLOCK, blank)
      .replace(INLINE, blank)
      .replace(/<!--[\s\S]*?-->/g, blank),
  );
}

function measuredForms(source: FigureSource): string[] {
  const forms: string[] = [];
  const walk = (value: unknown, key: string, parentKey: string) => {
    if (typeof value === 'number') forms.push(...writtenForms(key, parentKey, value));
    else if (Array.isArray(value)) for (const item of value) walk(item, key, parentKey);
    else if (typeof value === 'object' && value !== null)
      for (const [child, item] of Object.entries(value)) walk(item, child, key);
  };
  walk(source.data, '', '');
  // A figure of one or two characters ("5 ms") says too little to be told from any other number.
  return forms
    .flatMap((form) => [form, form.replaceAll(',', '')])
    .filter((form) => form.replace(/\D/g, '').length >= 2);
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Measured figures written by hand, outside a marker: they go stale when the benchmarks run again. */
export function looseFigures(text: string, results: FigureSource[]): LooseFigure[] {
  const seen = prose(text);
  const found = new Map<string, LooseFigure>();
  for (const source of results) {
    for (const form of new Set(measuredForms(source))) {
      for (const match of seen.matchAll(new RegExp(`(?<![\\d.,])${literal(form)}(?![\\d])`, 'g'))) {
        const line = lineOf(seen, match.index);
        found.set(`${match.index}:${form}`, { line, index: match.index, text: form, file: source.file });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}
