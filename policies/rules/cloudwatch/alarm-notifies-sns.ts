import { readFlag, unresolvedMessage } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { list } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';

export const alarmNotifiesSns = defineRule({
  id: 'alarm-notifies-sns',
  title: 'Every CloudWatch alarm notifies an SNS topic',
  severity: 'high',
  resourceTypes: ['aws_cloudwatch_metric_alarm', 'aws_cloudwatch_composite_alarm'],
  requirement: REQUIREMENTS.alarms,
  anchors: ['cdk-nag:CloudWatchAlarmAction', 'CKV_AWS_319'],
  help: "An alarm nobody hears does not shorten an outage. Put an aws_sns_topic (the support group's topic) in alarm_actions and leave actions_enabled on.",
  check(alarm, context) {
    if (readFlag(context, alarm.values.actions_enabled).kind === 'false')
      return fail('actions_enabled is false');
    const actions = list(alarm.values.alarm_actions);
    if (actions.length === 0) return fail('alarm_actions is empty');
    const unresolved: string[] = [];
    for (const action of actions) {
      const resolved = context.resolve(action);
      if (resolved.kind === 'reference' && resolved.target.type === 'aws_sns_topic') return pass();
      const text =
        resolved.kind === 'literal'
          ? String(resolved.value)
          : resolved.kind === 'template'
            ? resolved.expression
            : '';
      if (text.startsWith('arn:aws:sns:')) return pass();
      if (resolved.kind === 'unresolved')
        unresolved.push(unresolvedMessage('alarm_actions', resolved.expression));
    }
    return unresolved.length > 0 ? unknown(...unresolved) : fail('no alarm action is an SNS topic');
  },
});
