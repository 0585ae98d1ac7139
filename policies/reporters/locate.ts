import type { Stack } from '../engine/model.js';

/**
 * The 1-based line where a resource's block opens in its stack file: the first `"<name>":` key after
 * the `"<type>":` key of the `resource` section (of `data` for a data source, whose address starts
 * with `data.`). Falls back to line 1 when the text is laid out otherwise.
 */
export function resourceLine(stack: Stack, type: string, name: string, address = ''): number {
  const text = stack.text;
  const section = address.startsWith('data.') ? dataSection(text) : text.indexOf('"resource"');
  const typeKey = section < 0 ? -1 : text.indexOf(`"${type}":`, section);
  const nameKey = typeKey < 0 ? -1 : text.indexOf(`"${name}":`, typeKey);
  if (nameKey < 0) return 1;
  let line = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < nameKey; index = text.indexOf('\n', index + 1))
    line += 1;
  return line;
}

/** Where the top-level `data` section opens (a resource may be named `data` too). */
function dataSection(text: string): number {
  const topLevel = /^ {2}"data": \{/m.exec(text);
  return topLevel ? topLevel.index : text.indexOf('"data"');
}
