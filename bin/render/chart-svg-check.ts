/** What a minimal XML reading of an SVG document finds: enough to prove a chart is well formed. */
export interface SvgOutline {
  root: string | undefined;
  /** Every start tag had its end tag, in order, and nothing followed the root. */
  balanced: boolean;
  /** Text with a bare `<` or an `&` that starts no entity. */
  badText: boolean;
  /** Element names in document order. */
  elements: string[];
}

const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g;
const BARE_AMPERSAND = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

export function outlineSvg(svg: string): SvgOutline {
  const stack: string[] = [];
  const elements: string[] = [];
  let balanced = true;
  let badText = false;
  let closedRoot = false;
  let last = 0;
  for (const match of svg.matchAll(TAG)) {
    const text = svg.slice(last, match.index);
    if (text.includes('<') || text.includes('>') || BARE_AMPERSAND.test(text)) badText = true;
    if (BARE_AMPERSAND.test(match[3] ?? '')) badText = true;
    last = match.index + match[0].length;
    const [, closing, name, , selfClosing] = match;
    if (closedRoot) balanced = false;
    if (closing) {
      if (stack.pop() !== name) balanced = false;
      if (stack.length === 0) closedRoot = true;
      continue;
    }
    elements.push(name!);
    if (!selfClosing) stack.push(name!);
    else if (stack.length === 0) closedRoot = true;
  }
  const rest = svg.slice(last);
  if (rest.trim() !== '' || stack.length > 0) balanced = false;
  return { root: elements[0], balanced, badText, elements };
}
