import { combine, fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { valueAt } from '../../engine/values.js';

export const ecrRepositoryHardened = defineRule({
  id: 'ecr-repository-hardened',
  title: 'ECR repositories keep tags immutable, scan on push and encrypt with KMS',
  severity: 'high',
  resourceTypes: ['aws_ecr_repository'],
  anchors: [
    'CKV_AWS_51',
    'CKV_AWS_163',
    'CKV_AWS_136',
    'AVD-AWS-0030',
    'AVD-AWS-0031',
    'AVD-AWS-0033',
    'FSBP:ecr-private-tag-immutability-configured',
  ],
  help: 'Set image_tag_mutability = "IMMUTABLE" (a pushed tag never moves), image_scanning_configuration.scan_on_push = true and encryption_configuration.encryption_type = "KMS" with a customer-managed kms_key.',
  check(repository) {
    const values = repository.values;
    const mutability = values.image_tag_mutability ?? 'MUTABLE';
    return combine([
      mutability === 'IMMUTABLE' ? pass() : fail(`image_tag_mutability is ${String(mutability)}`),
      valueAt(values, 'image_scanning_configuration.scan_on_push') === true
        ? pass()
        : fail('image_scanning_configuration.scan_on_push is not true'),
      valueAt(values, 'encryption_configuration.encryption_type') === 'KMS' &&
      valueAt(values, 'encryption_configuration.kms_key') !== undefined
        ? pass()
        : fail('encryption_configuration is not KMS with a customer-managed key'),
    ]);
  },
});
