/** Every character but line breaks replaced by a space: offsets and line numbers stay where they were. */
export const blank = (part: string) => part.replace(/[^\n]/g, ' ');

const FENCED = /^(```|~~~)[\s\S]*?^\1/gm;

/** Fenced code blocks (``` or ~~~) blanked out: what is left is what a reader sees as text. */
export const withoutCodeBlocks = (markdown: string) => markdown.replace(FENCED, blank);

/** The text with `change` applied to each stretch outside fenced code blocks, given its offset. */
export function outsideCodeBlocks(
  markdown: string,
  change: (part: string, offset: number) => string,
): string {
  let changed = '';
  let from = 0;
  for (const block of markdown.matchAll(FENCED)) {
    changed += change(markdown.slice(from, block.index), from) + block[0];
    from = block.index + block[0].length;
  }
  return changed + change(markdown.slice(from), from);
}
