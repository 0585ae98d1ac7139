import { isDeepStrictEqual } from 'node:util';
import type { Resource, Workspace } from '../engine/model.js';
import { isRecord } from '../engine/values.js';
import type { CatalogueCheck } from './catalogue.js';
import { DATA_PREFIX, type NotApplicableCondition } from './not-applicable/declaration.js';
import { realizedTypes } from './realized.js';

/** Whether a declaration's condition holds, and what shows it (written into the matrix). */
export interface Confirmation {
  holds: boolean;
  evidence: string;
}

const NOT_RUN_BY_DEFAULT = /\((deprecated|framework-only):/;

/** Evaluates a condition against every stack of the synthesized output (and the check's catalogue row). */
export function confirm(
  condition: NotApplicableCondition,
  workspace: Workspace,
  check: CatalogueCheck,
): Confirmation {
  switch (condition.kind) {
    case 'type-absent': {
      const found = blocksOfType(workspace, condition.type);
      if (found.length > 0)
        return { holds: false, evidence: `${condition.type} is synthesized: ${where(found[0]!)}` };
      const realized = realizedTypes(workspace).get(condition.type);
      return realized
        ? { holds: false, evidence: `${condition.type} is created by ${realized.by}: ${realized.example}` }
        : { holds: true, evidence: `no ${condition.type} is synthesized` };
    }
    case 'attribute-absent': {
      const found = blocksOfType(workspace, condition.type);
      if (found.length === 0) return nothingToConfirm(condition.type);
      const setting = found.find(({ block }) => valuesAt(block.values, condition.path).length > 0);
      return setting
        ? { holds: false, evidence: `${where(setting)} sets ${condition.path}` }
        : { holds: true, evidence: `no ${condition.type} sets ${condition.path} (${count(found)})` };
    }
    case 'attribute-equals': {
      const found = blocksOfType(workspace, condition.type);
      if (found.length === 0) return nothingToConfirm(condition.type);
      const wanted = JSON.stringify(condition.value);
      for (const located of found) {
        const values = valuesAt(located.block.values, condition.path);
        if (values.length === 0)
          return { holds: false, evidence: `${where(located)} does not set ${condition.path}` };
        const other = values.find((value) => !isDeepStrictEqual(value, condition.value));
        if (other !== undefined)
          return {
            holds: false,
            evidence: `${where(located)} sets ${condition.path} to ${JSON.stringify(other)}, not ${wanted}`,
          };
      }
      return {
        holds: true,
        evidence: `every ${condition.type} sets ${condition.path} to ${wanted} (${count(found)})`,
      };
    }
    case 'not-run-by-default': {
      const marked = NOT_RUN_BY_DEFAULT.exec(check.title);
      return marked
        ? { holds: true, evidence: `${check.scanner} runs it only on request (${marked[1]})` }
        : { holds: false, evidence: `the catalogue does not mark ${check.id} deprecated or framework-only` };
    }
  }
}

interface Located {
  stack: string;
  block: Resource;
}

/** Resources of `type`, or data sources when the type is written `data.<type>`, across every stack. */
export function blocksOfType(workspace: Workspace, type: string): Located[] {
  const dataType = type.startsWith(DATA_PREFIX) ? type.slice(DATA_PREFIX.length) : undefined;
  return workspace.stacks.flatMap((stack) =>
    (dataType === undefined ? stack.resources : stack.dataSources)
      .filter((block) => block.type === (dataType ?? type))
      .map((block) => ({ stack: stack.name, block })),
  );
}

/** Every value at a dot-separated path; a list met on the way is searched item by item. */
export function valuesAt(values: unknown, path: string): unknown[] {
  let current: unknown[] = [values];
  for (const key of path.split('.')) {
    current = current
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .filter(isRecord)
      .map((record) => record[key])
      .filter((value) => value !== undefined && value !== null);
  }
  return current;
}

/** An attribute condition on a type no block has would hold of nothing: it confirms nothing either. */
const nothingToConfirm = (type: string): Confirmation => ({
  holds: false,
  evidence: `no ${type} block is synthesized to read the attribute from`,
});

const where = ({ stack, block }: Located) => `${stack}/${block.address}`;
const count = (found: Located[]) => `${found.length} synthesized`;
