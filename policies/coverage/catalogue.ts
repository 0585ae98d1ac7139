import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PolicyInputError } from '../engine/input-error.js';

/** One scanner check: what it is called, which of our types it reads, and its title. */
export interface CatalogueCheck {
  scanner: string;
  id: string;
  /** The types the check reads; the type it reports on comes first. Data sources as `data.<type>`. */
  resourceTypes: string[];
  title: string;
  /** The scanner's severity where it publishes one (Trivy), else empty. */
  severity: string;
  /** The catalogue file(s) the row comes from, repository-relative. */
  files: string[];
}

const HEADER = ['scanner', 'id', 'resource_types', 'title', 'severity'];

/**
 * Reads every `*.tsv` of the catalogue folder: line 1 a `#` comment naming the source, line 2 the
 * header, then one check per line. A check listed in two files is one check over the union of types.
 */
export function readCatalogue(dir: string): CatalogueCheck[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.tsv'))
    .sort();
  if (files.length === 0) throw new PolicyInputError(`${dir}: no *.tsv catalogue file`);
  const byId = new Map<string, CatalogueCheck>();
  for (const file of files) {
    const path = join(dir, file).split('\\').join('/');
    for (const row of parseCatalogueFile(path, readFileSync(path, 'utf8'))) {
      const known = byId.get(row.id);
      if (!known) byId.set(row.id, row);
      else {
        if (known.scanner !== row.scanner)
          throw new PolicyInputError(`${path}: ${row.id} is a ${known.scanner} check in ${known.files[0]}`);
        for (const type of row.resourceTypes)
          if (!known.resourceTypes.includes(type)) known.resourceTypes.push(type);
        known.files.push(path);
      }
    }
  }
  return [...byId.values()].sort(byCheck);
}

export function parseCatalogueFile(path: string, text: string): CatalogueCheck[] {
  const lines = text.split(/\r?\n/);
  if (!lines[0]?.startsWith('#'))
    throw new PolicyInputError(`${path}:1: must be a # comment naming the source of the rows`);
  const header = lines[1]?.split('\t');
  if (header?.join('\t') !== HEADER.join('\t'))
    throw new PolicyInputError(`${path}:2: header must be ${HEADER.join(' TAB ')}`);
  const rows: CatalogueCheck[] = [];
  const seen = new Set<string>();
  for (const [index, line] of lines.entries()) {
    if (index < 2 || line.trim() === '') continue;
    const where = `${path}:${index + 1}`;
    const cells = line.split('\t');
    if (cells.length !== HEADER.length)
      throw new PolicyInputError(`${where}: ${cells.length} columns; needs ${HEADER.length}`);
    const [scanner, id, types, title, severity] = cells as [string, string, string, string, string];
    if (!/^[a-z][a-z0-9-]*$/.test(scanner))
      throw new PolicyInputError(`${where}: scanner must be a lower-case name`);
    if (!/^[A-Za-z0-9_-]+$/.test(id))
      throw new PolicyInputError(`${where}: id must be a check id such as CKV_AWS_7`);
    if (seen.has(id)) throw new PolicyInputError(`${where}: ${id} is listed twice`);
    seen.add(id);
    const resourceTypes = types.split(',').map((type) => type.trim());
    if (resourceTypes.some((type) => !/^(data\.)?[a-z][a-z0-9_]*$/.test(type)))
      throw new PolicyInputError(`${where}: resource_types must be comma-separated Terraform types`);
    if (title.trim() === '') throw new PolicyInputError(`${where}: title is empty`);
    rows.push({ scanner, id, resourceTypes, title: title.trim(), severity: severity.trim(), files: [path] });
  }
  return rows;
}

/** Scanner, then check id in natural order (CKV_AWS_7 before CKV_AWS_17). */
export function byCheck(a: { scanner: string; id: string }, b: { scanner: string; id: string }): number {
  return codePointCompare(a.scanner, b.scanner) || naturalCompare(a.id, b.id);
}

/** Runs of digits compare as numbers, the rest by code point: the same order on every machine. */
export function naturalCompare(a: string, b: string): number {
  const left = a.match(/\d+|\D+/g) ?? [];
  const right = b.match(/\d+|\D+/g) ?? [];
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const [x, y] = [left[index]!, right[index]!];
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    const order = numeric ? Number(x) - Number(y) : codePointCompare(x, y);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

export function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
