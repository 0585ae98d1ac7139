import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { PolicyInputError } from '../engine/input-error.js';
import type { NotApplicable } from './not-applicable/declaration.js';

/** A declaration and the file that makes it. */
export interface Declared extends NotApplicable {
  file: string;
}

const TYPE = z
  .string()
  .regex(/^(data\.)?[a-z][a-z0-9_]*$/, 'must be a Terraform type such as aws_cloudtrail');
const PATH = z
  .string()
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'must be a dot-separated attribute path');

const Condition = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('type-absent'), type: TYPE }),
  z.strictObject({ kind: z.literal('attribute-absent'), type: TYPE, path: PATH }),
  z.strictObject({ kind: z.literal('attribute-equals'), type: TYPE, path: PATH, value: z.unknown() }),
  z.strictObject({ kind: z.literal('not-run-by-default') }),
]);

const Declaration = z.strictObject({
  check: z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be a check id such as CKV_AWS_88'),
  reason: z.string().trim().min(20, 'must explain why in at least 20 characters'),
  confirmedBy: Condition,
});

const DECLARATION_FILE = /^(?!declaration\.ts$)(?!.*\.test\.ts$).+\.ts$/;

/** Imports every `*.ts` of the folder but `declaration.ts`; each exports arrays of declarations. */
export async function loadDeclarations(dir: string): Promise<Declared[]> {
  const files = readdirSync(dir)
    .filter((file) => DECLARATION_FILE.test(file))
    .sort();
  const declared: Declared[] = [];
  for (const file of files) {
    const path = join(dir, file).split('\\').join('/');
    const exports = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
    declared.push(...declarationsOf(path, exports));
  }
  return declared;
}

/** Validates a module's exports: every export is an array of `NotApplicable`. */
export function declarationsOf(file: string, exports: Record<string, unknown>): Declared[] {
  const arrays = Object.entries(exports);
  if (arrays.length === 0) throw new PolicyInputError(`${file}: exports no declarations`);
  return arrays.flatMap(([name, value]) => {
    const parsed = z.array(Declaration).safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new PolicyInputError(`${file}: ${[name, ...issue.path].join('.')}: ${issue.message}`);
    }
    return parsed.data.map((declaration) => ({ ...(declaration as NotApplicable), file }));
  });
}
