import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { blank, withoutCodeBlocks } from './markdown.js';

export interface BrokenLink {
  page: string;
  line: number;
  target: string;
  reason: string;
}

/** Text with fenced code blocks and inline code blanked out, line breaks kept. */
const outsideCode = (text: string) => withoutCodeBlocks(text).replace(/`[^`\n]*`/g, blank);

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replaceAll(' ', '-');
}

/** Every anchor a markdown page offers; repeated headings get -1, -2, … as on GitHub. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  const text = withoutCodeBlocks(markdown);
  for (const match of text.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const base = headingAnchor(match[1]!);
    const seen = counts.get(base) ?? 0;
    counts.set(base, seen + 1);
    anchors.add(seen === 0 ? base : `${base}-${seen}`);
  }
  return anchors;
}

const LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm;

/** Relative links of the pages (repository-relative) whose file or heading does not exist. */
export function brokenLinks(root: string, pages: string[]): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const anchorCache = new Map<string, Set<string>>();
  const anchorsIn = (file: string) => {
    let anchors = anchorCache.get(file);
    if (!anchors) {
      anchors = anchorsOf(readFileSync(join(root, file), 'utf8'));
      anchorCache.set(file, anchors);
    }
    return anchors;
  };
  for (const page of pages) {
    const text = outsideCode(readFileSync(join(root, page), 'utf8'));
    for (const match of text.matchAll(LINK)) {
      const target = (match[1] ?? match[2])!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const line = text.slice(0, match.index).split('\n').length;
      const [path, anchor] = target.split('#', 2) as [string, string | undefined];
      const file = path === '' ? page : normalize(join(dirname(page), decodeURIComponent(path)));
      if (file.startsWith('..') || !existsSync(join(root, file))) {
        broken.push({ page, line, target, reason: `${file} does not exist` });
      } else if (anchor !== undefined && anchor !== '') {
        if (!file.endsWith('.md')) continue;
        if (!anchorsIn(file).has(decodeURIComponent(anchor))) {
          broken.push({ page, line, target, reason: `${file} has no heading #${anchor}` });
        }
      }
    }
  }
  return broken;
}
