import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { valueAt } from '../../engine/values.js';

export const acmTransparencyLogging = defineRule({
  id: 'acm-transparency-logging',
  title: 'Certificates are published to Certificate Transparency logs',
  severity: 'low',
  resourceTypes: ['aws_acm_certificate'],
  anchors: ['CKV_AWS_234'],
  help: 'Browsers distrust certificates missing from CT logs. Leave options.certificate_transparency_logging_preference unset or ENABLED.',
  check: (certificate) =>
    valueAt(certificate.values, 'options.certificate_transparency_logging_preference') === 'DISABLED'
      ? fail('certificate_transparency_logging_preference is DISABLED')
      : pass(),
});
