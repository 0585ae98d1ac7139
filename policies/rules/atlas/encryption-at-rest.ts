import { unresolvedMessage } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { REQUIREMENTS } from '../requirements.js';

export const atlasEncryptionAtRest = defineRule({
  id: 'atlas-encryption-at-rest',
  title: "Atlas encrypts storage with the platform's KMS key",
  severity: 'high',
  resourceTypes: ['mongodbatlas_advanced_cluster'],
  requirement: REQUIREMENTS.encryptionAtRest,
  anchors: ['Prowler:clusters_encryption_at_rest_enabled'],
  help: 'Set encryption_at_rest_provider = "AWS" (with a mongodbatlas_encryption_at_rest holding the KMS key), so that the data is encrypted with a customer-managed AES-256 key.',
  check(cluster, context) {
    const resolved = context.resolve(cluster.values.encryption_at_rest_provider);
    if (resolved.kind !== 'literal' && resolved.kind !== 'absent')
      return unknown(unresolvedMessage('encryption_at_rest_provider', resolved.expression));
    if (resolved.kind === 'absent') return fail('encryption_at_rest_provider is not set (defaults to NONE)');
    const provider = String(resolved.kind === 'literal' ? resolved.value : '');
    return ['AWS', 'AZURE', 'GCP'].includes(provider)
      ? pass()
      : fail(`encryption_at_rest_provider is ${provider}; needs AWS`);
  },
});
