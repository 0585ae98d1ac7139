import { expectPresent } from '../../engine/checks.js';
import { defineRule } from '../../engine/rule.js';

export const apiStageAccessLogging = defineRule({
  id: 'api-stage-access-logging',
  title: 'API Gateway stages write access logs',
  severity: 'medium',
  resourceTypes: ['aws_apigatewayv2_stage'],
  anchors: ['AwsSolutions-APIG1', 'cdk-nag:APIGWAccessLogging', 'CKV_AWS_76', 'AVD-AWS-0001'],
  help: 'Set access_log_settings { destination_arn = <log group ARN>, format = <JSON with $context.requestId, sourceIp, status …> } on the stage: the gateway answers 401 and 429 itself, and those requests reach no service log.',
  check: (stage, context) =>
    expectPresent(context, stage.values, 'access_log_settings.destination_arn', 'no access log destination'),
});
