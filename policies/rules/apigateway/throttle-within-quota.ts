import { readNumber } from '../../engine/checks.js';
import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks, valueAt } from '../../engine/values.js';

export const apiThrottleWithinQuota = defineRule({
  id: 'apigateway-throttle-within-account-quota',
  title: "The HTTP API's throttles fit the account's default API Gateway quota",
  severity: 'low',
  resourceTypes: ['aws_apigatewayv2_stage'],
  anchors: [],
  deployReadiness: true,
  // API Gateway's default account-level throttle per Region (Service Quotas L-8A5B8E43): 10,000 req/s, burst 5,000.
  parameters: { accountRateLimit: 10_000, accountBurstLimit: 5_000 },
  help: 'API Gateway throttles every API of an account and Region together at 10,000 req/s with a burst of 5,000 unless a quota increase is granted. Route throttles above that never take effect: the account throttle answers 429 first. Request the increase before the first production traffic (docs/deploying.md, "Quota requests").',
  check(stage, context, { accountRateLimit, accountBurstLimit }) {
    const routes = blocks(stage.values.route_settings);
    const read = (value: unknown) => {
      const number = readNumber(context, value);
      return number.kind === 'number' ? number.value : 0;
    };
    const rates = routes.map((route) => read(route.throttling_rate_limit));
    const totalRate = rates.reduce((sum, rate) => sum + rate, 0);
    const defaultRate = read(valueAt(stage.values, 'default_route_settings.throttling_rate_limit'));
    const bursts = [
      ...routes.map((route) => read(route.throttling_burst_limit)),
      read(valueAt(stage.values, 'default_route_settings.throttling_burst_limit')),
    ];
    const problems: string[] = [];
    const rate = Math.max(totalRate, defaultRate);
    if (rate > accountRateLimit) {
      problems.push(
        `the routes may take ${rate} req/s together, above the account's default ${accountRateLimit} req/s (Service Quotas L-8A5B8E43)`,
      );
    }
    const burst = Math.max(...bursts);
    if (burst > accountBurstLimit) {
      problems.push(`a burst limit of ${burst} is above the account's default burst of ${accountBurstLimit}`);
    }
    return problems.length === 0 ? pass() : fail(...problems);
  },
});
