/** Every character but line breaks replaced by a space: offsets and line numbers stay where they were. */
export const blank = (part: string) => part.replace(/[^\n]/g, ' ');

/** Fenced code blocks (``` or ~~~) blanked out: what is left is what a reader sees as text. */
export const withoutCodeBlocks = (markdown: string) => markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, blank);
