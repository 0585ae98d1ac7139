import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { isPublic, readPolicy } from '../shared/policy-document.js';

export const snsTopicNotPublic = defineRule({
  id: 'sns-topic-not-public',
  title: 'SNS topic policies do not grant everyone',
  severity: 'high',
  resourceTypes: ['aws_sns_topic', 'aws_sns_topic_policy'],
  anchors: ['CKV_AWS_169', 'CKV_AWS_385', 'FSBP:sns-topic-access-policies-should-not-allow-public-access'],
  help: 'A statement that allows Principal "*" without a condition lets anyone publish fake alerts or subscribe to real ones. Name the publishing services (cloudwatch.amazonaws.com) or add an aws:SourceAccount condition.',
  check(resource, context) {
    const policy = readPolicy(context, resource.values.policy);
    if (policy.kind === 'absent') return pass();
    if (policy.kind === 'unknown') return unknown(policy.detail);
    return policy.statements.some(isPublic)
      ? fail('the topic policy allows Principal "*" without a condition')
      : pass();
  },
});
