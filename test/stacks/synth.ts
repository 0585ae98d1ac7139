import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planCapacity } from '../../calculators/plan.js';
import type { CapacityPlan } from '../../calculators/plan-types.js';
import {
  type EnvironmentName,
  environmentSpecPath,
  type PlatformSpec,
  parseSpec,
  readSpecInput,
} from '../../config/spec.js';
import { synthesizeEnvironments } from '../../stacks/synthesize.js';

/** One resource's attributes; Kubernetes objects carry `metadata`. */
export type Resource = Record<string, unknown> & {
  metadata?: { name?: string; namespace?: string; annotations?: Record<string, string> };
};

/** One stack's cdk.tf.json, as Terraform reads it: `resource.<type>.<logical id>`, `data.<type>.<id>`. */
export interface SynthesizedStack {
  terraform: Record<string, unknown> & { backend?: Record<string, Record<string, unknown>> };
  provider?: Record<string, Resource[]>;
  resource?: Record<string, Record<string, Resource>>;
  data?: Record<string, Record<string, Resource>>;
  output?: Record<string, Resource & { value?: unknown }>;
  variable?: Record<string, Record<string, unknown>>;
}

export interface SynthesizedPlatform {
  spec: PlatformSpec;
  plan: CapacityPlan;
  /** By stack id: `prod-network`. */
  stacks: Record<string, SynthesizedStack>;
  /** The stacks each stack deploys after, from cdktf's manifest. */
  dependencies: Record<string, string[]>;
}

type Overrides = Record<string, unknown>;

function merge(base: Overrides, overrides: Overrides): Overrides {
  const result: Overrides = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = result[key];
    const bothObjects =
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      typeof current === 'object' &&
      current !== null;
    result[key] = bothObjects ? merge(current as Overrides, value as Overrides) : value;
  }
  return result;
}

/** The environment's checked-in spec with `overrides` merged over it. */
export function environmentSpec(environment: EnvironmentName, overrides: Overrides = {}): PlatformSpec {
  return parseSpec(merge(readSpecInput(environmentSpecPath(environment)), overrides), `${environment}.yaml`);
}

/** Synthesizes one environment's stacks into a temporary folder and reads them back. */
export function synthesize(spec: PlatformSpec): SynthesizedPlatform {
  const outdir = mkdtempSync(path.join(tmpdir(), 'promptsales-synth-'));
  try {
    const plan = planCapacity(spec);
    synthesizeEnvironments([{ spec, plan }], { outdir });
    const stacksDir = path.join(outdir, 'stacks');
    const stacks: Record<string, SynthesizedStack> = {};
    for (const name of readdirSync(stacksDir)) {
      stacks[name] = JSON.parse(readFileSync(path.join(stacksDir, name, 'cdk.tf.json'), 'utf8'));
    }
    const manifest = JSON.parse(readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as {
      stacks: Record<string, { dependencies: string[] }>;
    };
    const dependencies = Object.fromEntries(
      Object.entries(manifest.stacks).map(([name, stack]) => [name, stack.dependencies]),
    );
    return { spec, plan, stacks, dependencies };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The resources of one type in a stack, by their logical id; without cdktf's `//` metadata. */
export function resourcesOf(stack: SynthesizedStack | undefined, type: string): Record<string, Resource> {
  const found = stack?.resource?.[type] ?? {};
  return Object.fromEntries(
    Object.entries(found).map(([id, { '//': _metadata, ...values }]) => [id, values as Resource]),
  );
}

/** The resources of one type in a stack, in the order the stack declares them. */
export function resourceList(stack: SynthesizedStack | undefined, type: string): Resource[] {
  return Object.values(resourcesOf(stack, type));
}

/** The single resource of a type, failing when there is none or more than one. */
export function onlyResource(stack: SynthesizedStack | undefined, type: string): Record<string, unknown> {
  const all = Object.values(resourcesOf(stack, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0]!;
}

/** The logical id a `${aws_kms_key.<id>.arn}` style reference points at, if it is one. */
export function referenceTo(value: unknown, type: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  return new RegExp(`^\\$\\{${type}\\.([^.}]+)\\.`).exec(value)?.[1];
}
