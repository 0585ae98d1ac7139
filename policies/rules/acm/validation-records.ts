import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { list } from '../../engine/values.js';

export const acmValidationRecords = defineRule({
  id: 'acm-validation-records',
  title: 'ACM certificate validation waits on DNS records the stack writes',
  severity: 'high',
  resourceTypes: ['aws_acm_certificate_validation'],
  anchors: [],
  deployReadiness: true,
  help: 'Without validation_record_fqdns, aws_acm_certificate_validation waits for records nobody writes and fails after 75 minutes. Name a Route 53 hosted zone (apiGateway.hostedZoneId) so the stack writes the validation records and passes their fqdns, or bring an issued certificate (apiGateway.certificateArn).',
  check(validation) {
    return list(validation.values.validation_record_fqdns).length > 0
      ? pass()
      : fail('validation_record_fqdns is not set: nothing writes the DNS records ACM waits for');
  },
});
