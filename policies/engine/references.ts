import type { Resource, Stack, Workspace } from './model.js';

/** What a synthesized value amounts to once `${…}` references into the scanned output are followed. */
export type Resolved =
  | { kind: 'absent' }
  | { kind: 'literal'; value: unknown }
  | { kind: 'reference'; target: Resource; stack: Stack; attribute: string; expression: string }
  /** A string with `${…}` pieces that all resolve, e.g. an issuer URL ending in a user pool id. */
  | { kind: 'template'; targets: Resource[]; expression: string }
  | { kind: 'unresolved'; expression: string };

const WHOLE_EXPRESSION = /^\$\{([^{}]+)\}$/;
const TRAVERSAL = /^(data\.)?([A-Za-z][\w-]*)\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?(?:\.(.+))?$/;
const CROSS_STACK_INPUT = 'cross-stack-reference-input-';
const MAX_HOPS = 8;

/** True when a string carries a Terraform expression that is only known at plan or apply time. */
export function isExpression(value: unknown): value is string {
  return typeof value === 'string' && value.includes('${');
}

export class ReferenceResolver {
  constructor(
    private readonly workspace: Workspace,
    private readonly stack: Stack,
  ) {}

  resolve(value: unknown): Resolved {
    return resolveIn(this.workspace, this.stack, value, 0);
  }
}

function resolveIn(workspace: Workspace, stack: Stack, value: unknown, hops: number): Resolved {
  if (value === undefined || value === null) return { kind: 'absent' };
  if (!isExpression(value)) return { kind: 'literal', value };
  const expression = WHOLE_EXPRESSION.exec(value.trim())?.[1]?.trim();
  if (expression === undefined) return resolveTemplate(workspace, stack, value, hops);
  const traversal = TRAVERSAL.exec(expression);
  if (!traversal || hops > MAX_HOPS) return { kind: 'unresolved', expression: value };
  const [, dataPrefix, type, name, attribute = ''] = traversal;
  const address = `${dataPrefix ?? ''}${type}.${name}`;
  const pool = dataPrefix ? stack.dataSources : stack.resources;
  const target = pool.find((resource) => resource.address === address);
  if (!target) return { kind: 'unresolved', expression: value };
  if (dataPrefix && type === 'terraform_remote_state') {
    // Another state's outputs are outside this output unless they are a cdktf stack of the scan.
    return name?.startsWith(CROSS_STACK_INPUT)
      ? resolveCrossStack(workspace, name.slice(CROSS_STACK_INPUT.length), attribute, value, hops)
      : { kind: 'unresolved', expression: value };
  }
  // An argument written in the configuration (e.g. a bucket's `bucket` name) is followed to its value;
  // computed attributes such as `id` and `arn` stay a reference to the resource.
  const argument = /^[\w-]+$/.test(attribute) ? target.values[attribute] : undefined;
  if (argument !== undefined && argument !== null && typeof argument !== 'object') {
    return resolveIn(workspace, stack, argument, hops + 1);
  }
  return { kind: 'reference', target, stack, attribute, expression: value };
}

/**
 * cdktf turns a reference into another stack into a remote-state data source and an output of the
 * origin stack; when the origin stack is part of the scanned output the reference is followed there.
 */
function resolveCrossStack(
  workspace: Workspace,
  originName: string,
  attribute: string,
  expression: string,
  hops: number,
): Resolved {
  const origin = workspace.stacks.find((candidate) => candidate.name === originName);
  const outputName = /^outputs\.([\w-]+)$/.exec(attribute)?.[1];
  const output = outputName === undefined ? undefined : origin?.outputs[outputName];
  if (!origin || typeof output !== 'object' || output === null || !('value' in output)) {
    return { kind: 'unresolved', expression };
  }
  return resolveIn(workspace, origin, (output as { value: unknown }).value, hops + 1);
}

const EMBEDDED_EXPRESSION = /\$\{([^{}]+)\}/g;

function resolveTemplate(workspace: Workspace, stack: Stack, value: string, hops: number): Resolved {
  const pieces = [...value.matchAll(EMBEDDED_EXPRESSION)];
  const openings = value.split('${').length - 1;
  if (pieces.length === 0 || pieces.length !== openings) return { kind: 'unresolved', expression: value };
  const targets: Resource[] = [];
  for (const piece of pieces) {
    const resolved = resolveIn(workspace, stack, piece[0], hops);
    if (resolved.kind !== 'reference') return { kind: 'unresolved', expression: value };
    targets.push(resolved.target);
  }
  return { kind: 'template', targets, expression: value };
}
