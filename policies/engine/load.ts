import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PolicyInputError } from './input-error.js';
import type { Resource, Stack, Workspace } from './model.js';

const STACK_FILE = 'cdk.tf.json';

const BlocksByName = z.record(z.string(), z.record(z.string(), z.unknown()));
const BlocksByType = z.record(z.string(), z.union([BlocksByName, z.unknown()]));

const StackDocument = z.looseObject({
  resource: BlocksByType.optional(),
  data: BlocksByType.optional(),
  output: z.record(z.string(), z.unknown()).optional(),
  variable: z.record(z.string(), z.unknown()).optional(),
});

/** Reads every `stacks/<name>/cdk.tf.json` under a cdktf output directory. */
export function loadWorkspace(dir: string): Workspace {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new PolicyInputError(`--dir: ${dir} is not a directory (run \`npm run synth\` first)`);
  }
  const stacksDir = join(dir, 'stacks');
  const names = existsSync(stacksDir)
    ? readdirSync(stacksDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(stacksDir, entry.name, STACK_FILE)))
        .map((entry) => entry.name)
        .sort()
    : [];
  if (names.length === 0) {
    const hclOnly =
      existsSync(stacksDir) &&
      readdirSync(stacksDir).some((name) => existsSync(join(stacksDir, name, 'cdk.tf')));
    throw new PolicyInputError(
      hclOnly
        ? `--dir: ${dir} holds an HCL synth (stacks/*/cdk.tf); synthesize JSON with \`npm run synth\``
        : `--dir: no stacks/*/${STACK_FILE} under ${dir}`,
    );
  }
  return { dir, stacks: names.map((name) => loadStack(name, toPosix(join(stacksDir, name, STACK_FILE)))) };
}

export function loadStack(name: string, file: string): Stack {
  let text: string;
  let document: unknown;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PolicyInputError(
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new PolicyInputError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseStack(name, file, text, document);
}

export function parseStack(name: string, file: string, text: string, document: unknown): Stack {
  const parsed = StackDocument.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PolicyInputError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return {
    name,
    file,
    text,
    resources: blocksOf(parsed.data.resource, '', file),
    dataSources: blocksOf(parsed.data.data, 'data.', file),
    outputs: parsed.data.output ?? {},
    variables: parsed.data.variable ?? {},
  };
}

function blocksOf(
  section: z.infer<typeof BlocksByType> | undefined,
  prefix: string,
  file: string,
): Resource[] {
  const resources: Resource[] = [];
  for (const [type, byName] of Object.entries(section ?? {})) {
    if (type.startsWith('//')) continue;
    const named = BlocksByName.safeParse(byName);
    if (!named.success) {
      throw new PolicyInputError(
        `${file}: ${prefix || 'resource.'}${type}: expected an object of named blocks`,
      );
    }
    for (const [name, raw] of Object.entries(named.data)) {
      const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith('//')));
      resources.push({ type, name, address: `${prefix}${type}.${name}`, values });
    }
  }
  return resources;
}

function toPosix(path: string): string {
  return path.split('\\').join('/');
}
