import { relative } from 'node:path';
import type { Argv } from 'yargs';
import { z } from 'zod';
import { ENVIRONMENTS, type EnvironmentName, environmentSpecPath, readSpecInput } from '../../config/spec.js';
import { UsageError } from '../usage-error.js';

export interface SpecArgs {
  env?: string;
  spec?: string;
}

/** `--env dev|prod` or `--spec FILE`: which platform spec a command reads. */
export function withSpecOptions<T>(yargs: Argv<T>): Argv<T & SpecArgs> {
  return yargs
    .option('env', {
      type: 'string',
      describe: `environment spec config/<env>.yaml (${ENVIRONMENTS.join(', ')})`,
      conflicts: 'spec',
    })
    .option('spec', { type: 'string', describe: 'path to a platform spec YAML file', conflicts: 'env' });
}

/** A numeric flag; yargs turns text into NaN, which gets this message rather than zod's. */
export const numberFlag = z.number({ error: 'must be a number' });

const EnvSchema = z.enum(ENVIRONMENTS);

/** The raw spec document the flags point at; overrides are applied before it is validated. */
export function specInputFromArgs(args: SpecArgs): { input: Record<string, unknown>; source: string } {
  if (args.spec !== undefined) return { input: readSpecInput(args.spec), source: args.spec };
  const env = EnvSchema.safeParse(args.env ?? 'prod');
  if (!env.success)
    throw new UsageError([`--env: must be one of ${ENVIRONMENTS.join(', ')} (got "${args.env}")`]);
  const path = environmentSpecPath(env.data as EnvironmentName);
  return { input: readSpecInput(path), source: relative(process.cwd(), path) || path };
}

/** Validates flag values with their rules; each problem names the flag. */
export function parseFlags<S extends z.ZodType>(schema: S, values: Record<string, unknown>): z.output<S> {
  const repeated = Object.entries(values).filter(([, value]) => Array.isArray(value));
  if (repeated.length > 0) {
    throw new UsageError(
      repeated.map(
        ([flag, value]) =>
          `${flagName(flag)}: given ${(value as unknown[]).length} times (${(value as unknown[]).join(', ')}); give it once`,
      ),
    );
  }
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  throw new UsageError(
    result.error.issues.map((issue) => {
      return `${flagName(String(issue.path[0] ?? ''))}: ${issue.message}`;
    }),
  );
}

const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Sets a value at a dotted path in a plain spec document, creating the sections on the way. */
export function setIn(document: Record<string, unknown>, path: string[], value: unknown): void {
  let section = document;
  for (const key of path.slice(0, -1)) {
    const next = section[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) section[key] = {};
    section = section[key] as Record<string, unknown>;
  }
  section[path.at(-1)!] = value;
}
