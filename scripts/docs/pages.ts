import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The user documentation: the README and every page under docs/, repository-relative. */
export function docPages(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}
