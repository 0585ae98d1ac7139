import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { list } from '../../engine/values.js';

export const acmNoWildcard = defineRule({
  id: 'acm-no-wildcard',
  title: 'Certificates name their hosts instead of a wildcard',
  severity: 'low',
  resourceTypes: ['aws_acm_certificate'],
  anchors: ['CKV2_AWS_71'],
  help: 'A wildcard certificate is valid for every subdomain, including ones that should never serve traffic. List the API hosts in domain_name and subject_alternative_names.',
  check(certificate) {
    const names = [certificate.values.domain_name, ...list(certificate.values.subject_alternative_names)].map(
      String,
    );
    const wildcards = names.filter((name) => name.startsWith('*.'));
    return wildcards.length === 0 ? pass() : fail(`wildcard name(s) ${wildcards.join(', ')}`);
  },
});
