import { readNumber, unresolvedMessage } from '../../engine/checks.js';
import { combine, fail, pass, unknown, type Verdict } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks, valueAt } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';

export const atlasElectableNodes = defineRule({
  id: 'atlas-electable-nodes',
  title: 'Every Atlas replica set has at least three electable nodes',
  severity: 'high',
  resourceTypes: ['mongodbatlas_advanced_cluster'],
  requirement: REQUIREMENTS.atlasReplicaSet,
  anchors: [],
  parameters: { minimumElectableNodes: 3 },
  help: "An election needs a majority: with three electable nodes the replica set survives the loss of one. Sum electable_specs.node_count over each replication_specs block's region_configs to at least 3.",
  check(cluster, context, { minimumElectableNodes }) {
    const specs = blocks(cluster.values.replication_specs);
    if (specs.length === 0) return fail('no replication_specs');
    return combine(
      specs.map((spec, index): Verdict => {
        let total = 0;
        for (const region of blocks(spec.region_configs)) {
          const count = readNumber(context, valueAt(region, 'electable_specs.node_count'));
          if (count.kind === 'unknown')
            return unknown(unresolvedMessage('electable_specs.node_count', count.expression));
          if (count.kind === 'number') total += count.value;
        }
        return total >= minimumElectableNodes
          ? pass()
          : fail(
              `replication_specs[${index}] has ${total} electable node(s); needs at least ${minimumElectableNodes}`,
            );
      }),
    );
  },
});
