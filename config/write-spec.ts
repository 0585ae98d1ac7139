import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { parseSpec, SpecError } from './spec.js';

/**
 * Sets one figure in a spec file, keeping its other settings and comments, with a comment that says
 * where the new value came from. The result is validated before anything is written.
 */
export function writeSpecFigure(file: string, path: string[], value: number, provenance: string): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SpecError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  const document = parseDocument(text);
  if (document.errors.length > 0)
    throw new SpecError(file, [`is not valid YAML: ${document.errors[0]?.message}`]);
  document.setIn(path, document.createNode(value));
  const node = document.getIn(path, true) as { comment?: string } | undefined;
  if (node) node.comment = ` ${provenance}`;
  parseSpec(document.toJS(), file);
  writeFileSync(file, document.toString());
}
