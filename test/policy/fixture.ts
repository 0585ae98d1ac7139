import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStack } from '../../policies/engine/load.js';
import type { Workspace } from '../../policies/engine/model.js';

export const COMPLIANT_DIR = 'policies/fixtures/compliant';

export type Document = Record<string, unknown> & {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
};
export type Documents = Record<string, Document>;

/** The hand-made compliant fixture's stack documents, by stack name (fresh copies on every call). */
export function compliantDocuments(dir = COMPLIANT_DIR): Documents {
  const stacksDir = join(dir, 'stacks');
  return Object.fromEntries(
    readdirSync(stacksDir).map((name) => [
      name,
      JSON.parse(readFileSync(join(stacksDir, name, 'cdk.tf.json'), 'utf8')) as Document,
    ]),
  );
}

export function workspaceOf(documents: Documents, dir = 'memory'): Workspace {
  return {
    dir,
    stacks: Object.entries(documents)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, document]) => {
        const text = JSON.stringify(document, null, 2);
        return parseStack(name, `${dir}/stacks/${name}/cdk.tf.json`, text, document);
      }),
  };
}

export type Path = string | (string | number)[];

/** One change to a stack document, written against resource addresses. */
export interface Mutation {
  stack?: string;
  /** `<type>.<name>` of the resource to change. */
  address?: string;
  set?: [Path, unknown][];
  unset?: Path[];
  remove?: string[];
  add?: { type: string; name: string; values: Record<string, unknown> }[];
}

const segments = (path: Path) =>
  (typeof path === 'string' ? path.split('.') : path).map((part) =>
    typeof part === 'string' && /^\d+$/.test(part) ? Number(part) : part,
  );

export function setPath(target: Record<string, unknown>, path: Path, value: unknown): void {
  const keys = segments(path);
  let current: Record<string | number, unknown> = target;
  for (const [index, key] of keys.entries()) {
    if (index === keys.length - 1) {
      current[key] = value;
      return;
    }
    if (typeof current[key] !== 'object' || current[key] === null) current[key] = {};
    current = current[key] as Record<string | number, unknown>;
  }
}

export function unsetPath(target: Record<string, unknown>, path: Path): void {
  const keys = segments(path);
  let current: Record<string | number, unknown> | undefined = target;
  for (const key of keys.slice(0, -1))
    current = current?.[key] as Record<string | number, unknown> | undefined;
  if (current) delete current[keys.at(-1)!];
}

export function applyMutation(documents: Documents, mutation: Mutation): Documents {
  const stack = mutation.stack ?? 'prod-platform';
  const document = documents[stack];
  if (!document) throw new Error(`no stack ${stack} in the fixture`);
  if (mutation.address) {
    const [blocks, type, name] = locate(document, mutation.address);
    const values = blocks[type]?.[name];
    if (!values) throw new Error(`no ${mutation.address} in ${stack}`);
    for (const [path, value] of mutation.set ?? []) setPath(values, path, value);
    for (const path of mutation.unset ?? []) unsetPath(values, path);
  }
  for (const address of mutation.remove ?? []) {
    const [blocks, type, name] = locate(document, address);
    if (!blocks[type]?.[name]) throw new Error(`no ${address} in ${stack}`);
    delete blocks[type][name];
  }
  for (const { type, name, values } of mutation.add ?? []) {
    const [blocks, blockType] = locate(document, `${type}.${name}`);
    blocks[blockType] ??= {};
    blocks[blockType][name] = values;
  }
  return documents;
}

type Blocks = Record<string, Record<string, Record<string, unknown>>>;

/** The section (`resource`, or `data` for a `data.<type>.<name>` address), type and name of a block. */
function locate(document: Document, address: string): [Blocks, string, string] {
  const isData = address.startsWith('data.');
  const rest = isData ? address.slice('data.'.length) : address;
  const dot = rest.indexOf('.');
  if (isData) document.data ??= {};
  else document.resource ??= {};
  const section = (isData ? document.data : document.resource) as Blocks;
  return [section, rest.slice(0, dot), rest.slice(dot + 1)];
}

const temporaryDirs: string[] = [];

/** A fresh folder under the system's temporary directory, removed by `removeTemporaryDirs`. */
export function temporaryDir(prefix = 'promptsales-policy-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaryDirs.push(dir);
  return dir;
}

export function removeTemporaryDirs(): void {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A copy of a cdktf output directory in a temporary folder, with `documents` written over its stacks. */
export function writeOutput(documents: Documents, base?: string): string {
  const dir = temporaryDir();
  if (base) cpSync(base, dir, { recursive: true });
  for (const [name, document] of Object.entries(documents)) {
    const stackDir = join(dir, 'stacks', name);
    mkdirSync(stackDir, { recursive: true });
    writeFileSync(join(stackDir, 'cdk.tf.json'), JSON.stringify(document, null, 2));
  }
  return dir;
}
