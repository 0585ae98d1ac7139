import { attachedTo, readNumber } from '../../engine/checks.js';
import type { Resource } from '../../engine/model.js';
import type { RuleContext } from '../../engine/rule.js';

export type EngineFamily = 'postgresql' | 'mysql' | 'unknown';

export function engineFamily(cluster: Resource): EngineFamily {
  const engine = String(cluster.values.engine ?? 'aurora');
  if (engine.includes('postgres')) return 'postgresql';
  if (engine.includes('mysql') || engine === 'aurora') return 'mysql';
  return 'unknown';
}

/** The aws_rds_cluster_instance resources of the same stack that join `cluster`. */
export function instancesOf(
  context: RuleContext,
  cluster: Resource,
): { instances: Resource[]; unresolved: string[] } {
  const { attached, unresolved } = attachedTo(
    context,
    'aws_rds_cluster_instance',
    'cluster_identifier',
    cluster,
    ['cluster_identifier'],
  );
  return { instances: attached, unresolved };
}

/** How many instances a resource stands for (its `count` meta-argument, 1 without one). */
export function instanceCount(context: RuleContext, instance: Resource): number | undefined {
  if (instance.values.count === undefined) return 1;
  const count = readNumber(context, instance.values.count);
  return count.kind === 'number' ? count.value : undefined;
}
