import { expectAtLeast } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const eksNodeGroupMinSize = defineRule({
  id: 'eks-node-group-min-size',
  title: 'Node groups never shrink below two nodes',
  severity: 'medium',
  resourceTypes: ['aws_eks_node_group'],
  requirement: REQUIREMENTS.availability,
  anchors: [],
  parameters: { minimumNodes: 2 },
  help: 'With a single node, a node replacement or a zone outage takes every pod down. Set scaling_config.min_size to at least 2.',
  check: (nodeGroup, context, { minimumNodes }) =>
    expectAtLeast(context, nodeGroup.values, 'scaling_config.min_size', minimumNodes, { unit: 'nodes' }),
});
