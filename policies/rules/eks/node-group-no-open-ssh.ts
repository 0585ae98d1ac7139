import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks, list } from '../../engine/values.js';

export const eksNodeGroupNoOpenSsh = defineRule({
  id: 'eks-node-group-no-open-ssh',
  title: 'Node groups do not open SSH to everyone',
  severity: 'high',
  resourceTypes: ['aws_eks_node_group'],
  anchors: ['CKV_AWS_100'],
  help: 'A remote_access block with an ec2_ssh_key and no source_security_group_ids opens port 22 on every node to 0.0.0.0/0. Remove remote_access (use SSM) or name the source security groups.',
  check(nodeGroup) {
    const access = blocks(nodeGroup.values.remote_access)[0];
    if (!access || access.ec2_ssh_key === undefined) return pass();
    return list(access.source_security_group_ids).length > 0
      ? pass()
      : fail('remote_access has an ec2_ssh_key and no source_security_group_ids: SSH is open to 0.0.0.0/0');
  },
});
