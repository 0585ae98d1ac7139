import { readNumber, unresolvedMessage } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

export const logGroupRetention = defineRule({
  id: 'log-group-retention',
  title: 'CloudWatch log groups keep logs for a year',
  severity: 'low',
  resourceTypes: ['aws_cloudwatch_log_group'],
  anchors: ['cdk-nag:CloudWatchLogGroupRetentionPeriod', 'CKV_AWS_66', 'CKV_AWS_338'],
  parameters: { minimumDays: 365 },
  help: 'Set retention_in_days to at least 365, so that a yearly availability review has its evidence; unset (0), logs are kept forever and paid for forever.',
  check(group, context, { minimumDays }) {
    const read = readNumber(context, group.values.retention_in_days);
    if (read.kind === 'unknown') return unknown(unresolvedMessage('retention_in_days', read.expression));
    if (read.kind !== 'number' || read.value === 0)
      return fail('retention_in_days is not set: logs never expire');
    return read.value >= minimumDays
      ? pass()
      : fail(`retention_in_days is ${read.value}; needs at least ${minimumDays}`);
  },
});
