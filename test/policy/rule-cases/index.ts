import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Mutation } from '../fixture.js';

/** A change to the compliant fixture that breaks one rule on one resource. */
export interface RuleCase {
  rule: string;
  /** What the case shows, when a rule has several. */
  title?: string;
  mutation: Mutation;
  /** The stack and address expected to fail (the mutated resource unless given). */
  stack?: string;
  address?: string;
  message?: RegExp;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const caseFiles = readdirSync(here).filter((file) => file.endsWith('.ts') && file !== 'index.ts');

/** Every failing case, from each family's file in this folder (each exports FAILING_CASES). */
export const FAILING_CASES: RuleCase[] = (
  await Promise.all(
    caseFiles.map(
      async (file) => ((await import(`./${file}`)) as { FAILING_CASES: RuleCase[] }).FAILING_CASES,
    ),
  )
).flat();
