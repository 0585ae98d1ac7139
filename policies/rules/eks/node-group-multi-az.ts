import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';
import { zonesOfSubnets } from '../shared/zones.js';

export const eksNodeGroupMultiAz = defineRule({
  id: 'eks-node-group-multi-az',
  title: 'Node groups span at least two availability zones',
  severity: 'high',
  resourceTypes: ['aws_eks_node_group'],
  requirement: REQUIREMENTS.compute,
  anchors: [],
  parameters: { minimumZones: 2 },
  help: "A node group in one zone loses every pod with that zone. Give subnet_ids subnets in at least two zones (the subnets' availability_zone must be readable from the synthesized output).",
  check(nodeGroup, context, { minimumZones }) {
    const { zones, unresolved } = zonesOfSubnets(context, nodeGroup.values.subnet_ids);
    if (zones.size >= minimumZones) return pass();
    if (unresolved.length > 0) return unknown(...unresolved);
    return fail(`subnet_ids cover ${zones.size} zone(s); needs at least ${minimumZones}`);
  },
});
