import type { Resource, Stack, Status, Workspace } from './model.js';
import { ReferenceResolver } from './references.js';
import { EVERY_BLOCK, type Rule, type RuleContext } from './rule.js';

/** The result of one rule on one resource. */
export interface Outcome {
  rule: Rule;
  stack: Stack;
  resource: Resource;
  status: Status;
  messages: string[];
}

export interface EvaluateOptions {
  /** The day date-bound rules judge against, YYYY-MM-DD; today (UTC) when omitted. */
  asOf?: string;
}

/** Runs every rule on every resource of the types it reads, stack by stack. */
export function evaluate(
  workspace: Workspace,
  rules: readonly Rule[],
  options: EvaluateOptions = {},
): Outcome[] {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const outcomes: Outcome[] = [];
  // The rules of each block type, in catalogue order: resources by `<type>`, data sources by `data.<type>`.
  const rulesOf = new Map<string, Rule[]>();
  const rulesFor = (key: string): Rule[] => {
    let found = rulesOf.get(key);
    if (!found) {
      found = rules.filter(
        (rule) => rule.resourceTypes.includes(key) || rule.resourceTypes.includes(EVERY_BLOCK),
      );
      rulesOf.set(key, found);
    }
    return found;
  };
  const everyBlock = rules.filter((rule) => rule.resourceTypes.includes(EVERY_BLOCK));
  for (const stack of workspace.stacks) {
    const context = contextFor(workspace, stack, asOf);
    for (const resource of stack.resources) {
      for (const rule of rulesFor(resource.type)) outcomes.push(evaluateOne(rule, resource, stack, context));
    }
    for (const block of stack.dataSources) {
      for (const rule of rulesFor(`data.${block.type}`))
        outcomes.push(evaluateOne(rule, block, stack, context));
    }
    for (const block of outputBlocks(stack)) {
      for (const rule of everyBlock) outcomes.push(evaluateOne(rule, block, stack, context));
    }
  }
  return outcomes;
}

/** A stack's outputs as blocks of type `output`, so that a rule may read them like resources. */
function outputBlocks(stack: Stack): Resource[] {
  return Object.entries(stack.outputs).map(([name, values]) => ({
    type: 'output',
    name,
    address: `output.${name}`,
    values: typeof values === 'object' && values !== null ? (values as Record<string, unknown>) : {},
  }));
}

function evaluateOne(rule: Rule, resource: Resource, stack: Stack, context: RuleContext): Outcome {
  try {
    const verdict = rule.check(resource, context);
    const messages = verdict.status === 'pass' ? [] : verdict.messages;
    return { rule, stack, resource, status: verdict.status, messages };
  } catch (error) {
    // A value shaped in a way the rule does not expect is not proof of compliance.
    const reason = error instanceof Error ? error.message : String(error);
    return { rule, stack, resource, status: 'unknown', messages: [`could not be evaluated: ${reason}`] };
  }
}

function contextFor(workspace: Workspace, stack: Stack, asOf: string): RuleContext {
  const resolver = new ReferenceResolver(workspace, stack);
  const byType = new Map<string, Resource[]>();
  for (const resource of stack.resources) {
    const group = byType.get(resource.type);
    if (group) group.push(resource);
    else byType.set(resource.type, [resource]);
  }
  return {
    stack,
    workspace,
    resolve: (value) => resolver.resolve(value),
    ofType: (type) => byType.get(type) ?? [],
    asOf,
  };
}
