/** A small, strict XML reader for the JUnit reports the reporter writes: elements, attributes, text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const TOKEN =
  /<\?xml[^?]*\?>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*"[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g;

export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const open: XmlElement[] = [root];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(source); match; match = TOKEN.exec(source)) {
    const [whole, closing, name, rawAttributes, selfClosing, text, stray] = match;
    const parent = open.at(-1)!;
    if (stray) throw new Error(`malformed markup at offset ${match.index}`);
    if (text !== undefined) {
      if (parent === root && text.trim() !== '') throw new Error('text outside the root element');
      parent.text += decode(text);
      continue;
    }
    if (!name) continue; // the XML declaration
    if (closing) {
      if (parent.name !== name) throw new Error(`</${name}> closes <${parent.name}>`);
      open.pop();
      continue;
    }
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (const [, key, value] of (rawAttributes ?? '').matchAll(ATTRIBUTE)) {
      if (key! in element.attributes) throw new Error(`duplicate attribute ${key} on <${name}>`);
      element.attributes[key!] = decode(value!);
    }
    parent.children.push(element);
    if (!selfClosing) open.push(element);
    if (whole.length === 0) break;
  }
  if (open.length !== 1) throw new Error(`<${open.at(-1)!.name}> is never closed`);
  if (root.children.length !== 1) throw new Error('a document has exactly one root element');
  return root.children[0]!;
}

function decode(text: string): string {
  if (/&(?!(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`unescaped & in ${text}`);
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity]!;
  });
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}
