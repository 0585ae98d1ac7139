import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import {
  AutoscalingSchema,
  BenchmarksSchema,
  ComponentSlasSchema,
  CostModelSchema,
  InstanceSchema,
  KubeletReserveSchema,
  PodSchema,
  RequirementsSchema,
} from './schema/capacity.js';
import { AddonsSchema, AlbSchema, ApiGatewaySchema, PodRuntimeSchema } from './schema/edge-workloads.js';
import {
  ClusterSchema,
  DataSchema,
  EdgeSchema,
  EnvironmentSchema,
  IdentitySchema,
  NetworkSchema,
  ObservabilitySchema,
  StateSchema,
  WorkloadsSchema,
} from './schema/infrastructure.js';

export const PlatformSpecSchema = z
  .object({
    environment: EnvironmentSchema,
    benchmarks: BenchmarksSchema,
    requirements: RequirementsSchema,
    slas: ComponentSlasSchema,
    instance: InstanceSchema,
    kubeletReserve: KubeletReserveSchema,
    pod: PodSchema,
    autoscaling: AutoscalingSchema,
    costModel: CostModelSchema,
    workloads: WorkloadsSchema,
    state: StateSchema,
    network: NetworkSchema,
    cluster: ClusterSchema,
    data: DataSchema,
    identity: IdentitySchema,
    observability: ObservabilitySchema,
    edge: EdgeSchema,
    alb: AlbSchema,
    apiGateway: ApiGatewaySchema,
    addons: AddonsSchema,
    podRuntime: PodRuntimeSchema,
  })
  .strict();

export type PlatformSpec = z.infer<typeof PlatformSpecSchema>;
export type PlatformSpecInput = z.input<typeof PlatformSpecSchema>;

export const ENVIRONMENTS = ['dev', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

/** An input that does not satisfy the schema: one line per problem, each naming the field and the rule. */
export class SpecError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(problems.map((problem) => `${source}: ${problem}`).join('\n'));
    this.name = 'SpecError';
  }
}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${[...issue.path, key].join('.')}: not a field of this section`);
    }
    const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return [`${path}: ${issue.message}`];
  });
}

export function parseSpec(input: unknown, source = 'spec'): PlatformSpec {
  const result = PlatformSpecSchema.safeParse(input ?? {});
  if (!result.success) throw new SpecError(source, describeIssues(result.error));
  return result.data;
}

export function readSpecInput(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SpecError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    const message = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    throw new SpecError(file, [`is not valid YAML: ${message}`]);
  }
  if (document === null || document === undefined) return {};
  if (typeof document !== 'object' || Array.isArray(document)) {
    throw new SpecError(file, ['(root): expected a mapping of spec sections']);
  }
  return document as Record<string, unknown>;
}

export function loadSpecFile(file: string): PlatformSpec {
  return parseSpec(readSpecInput(file), file);
}

export function environmentSpecPath(environment: EnvironmentName): string {
  // `../config/` rather than `./`: the same from config/spec.ts and from the compiled CLI in dist/.
  return fileURLToPath(new URL(`../config/${environment}.yaml`, import.meta.url));
}

export function loadEnvironmentSpec(environment: EnvironmentName): PlatformSpec {
  return loadSpecFile(environmentSpecPath(environment));
}
