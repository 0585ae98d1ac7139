import type { Resource, Stack, Status, Workspace } from './model.js';
import { ReferenceResolver } from './references.js';
import type { Rule, RuleContext } from './rule.js';

/** The result of one rule on one resource. */
export interface Outcome {
  rule: Rule;
  stack: Stack;
  resource: Resource;
  status: Status;
  messages: string[];
}

/** Runs every rule on every resource of the types it reads, stack by stack. */
export function evaluate(workspace: Workspace, rules: readonly Rule[]): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const stack of workspace.stacks) {
    const context = contextFor(workspace, stack);
    for (const resource of stack.resources) {
      for (const rule of rules) {
        if (!rule.resourceTypes.includes(resource.type)) continue;
        outcomes.push(evaluateOne(rule, resource, stack, context));
      }
    }
  }
  return outcomes;
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

function contextFor(workspace: Workspace, stack: Stack): RuleContext {
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
  };
}
