import { expectCustomerManagedKey } from '../../engine/checks.js';
import { fail } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks, list } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';

export const eksSecretsEncryption = defineRule({
  id: 'eks-secrets-encryption',
  title: 'Kubernetes secrets are envelope-encrypted with a KMS key',
  severity: 'high',
  resourceTypes: ['aws_eks_cluster'],
  requirement: REQUIREMENTS.encryptionAtRest,
  anchors: ['CKV_AWS_58', 'AVD-AWS-0039', 'FSBP:eks-cluster-encrypted-kubernetes-secrets'],
  help: 'Database credentials reach the pods as Kubernetes secrets. Add an encryption_config block with resources ["secrets"] and provider.key_arn set to a KMS key.',
  check(cluster, context) {
    const config = blocks(cluster.values.encryption_config).find((block) =>
      list(block.resources).includes('secrets'),
    );
    if (!config) return fail('no encryption_config covers "secrets"');
    return expectCustomerManagedKey(context, config, 'provider.key_arn');
  },
});
