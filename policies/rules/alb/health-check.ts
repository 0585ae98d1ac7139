import { readNumber, unresolvedMessage } from '../../engine/checks.js';
import { combine, fail, pass, unknown, type Verdict } from '../../engine/model.js';
import { defineRule, type RuleContext } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';
import { albIngress, annotation, INGRESS_TYPES } from './ingress-annotations.js';

interface Setting {
  label: string;
  value: unknown;
  fallback: number;
  wanted: number;
}

export const albHealthCheck = defineRule({
  id: 'alb-health-check',
  title: 'ALB health checks run every 10 s, time out at 5 s and fail after 3 misses',
  severity: 'high',
  resourceTypes: [...INGRESS_TYPES, 'aws_lb_target_group'],
  requirement: REQUIREMENTS.albHealthCheck,
  anchors: ['CKV_AWS_261'],
  parameters: { intervalSeconds: 10, timeoutSeconds: 5, unhealthyThreshold: 3 },
  help: 'The availability budget assumes a failed pod leaves the target group within 30 s (3 × 10 s). Set alb.ingress.kubernetes.io/healthcheck-interval-seconds "10", healthcheck-timeout-seconds "5" and unhealthy-threshold-count "3" (or the health_check block of an aws_lb_target_group); the controller defaults are 15 s, 5 s and 2.',
  check(resource, context, { intervalSeconds, timeoutSeconds, unhealthyThreshold }) {
    if (resource.type === 'aws_lb_target_group') {
      const health = blocks(resource.values.health_check)[0] ?? {};
      return compare(context, [
        { label: 'health_check.interval', value: health.interval, fallback: 30, wanted: intervalSeconds },
        { label: 'health_check.timeout', value: health.timeout, fallback: 5, wanted: timeoutSeconds },
        {
          label: 'health_check.unhealthy_threshold',
          value: health.unhealthy_threshold,
          fallback: 3,
          wanted: unhealthyThreshold,
        },
      ]);
    }
    const ingress = albIngress(resource);
    if (!ingress) return pass();
    return compare(context, [
      {
        label: 'healthcheck-interval-seconds',
        value: annotation(ingress, 'healthcheck-interval-seconds'),
        fallback: 15,
        wanted: intervalSeconds,
      },
      {
        label: 'healthcheck-timeout-seconds',
        value: annotation(ingress, 'healthcheck-timeout-seconds'),
        fallback: 5,
        wanted: timeoutSeconds,
      },
      {
        label: 'unhealthy-threshold-count',
        value: annotation(ingress, 'unhealthy-threshold-count'),
        fallback: 2,
        wanted: unhealthyThreshold,
      },
    ]);
  },
});

function compare(context: RuleContext, settings: Setting[]): Verdict {
  return combine(
    settings.map(({ label, value, fallback, wanted }) => {
      const read = readNumber(context, value);
      if (read.kind === 'unknown') return unknown(unresolvedMessage(label, read.expression));
      const actual = read.kind === 'number' ? read.value : read.kind === 'absent' ? fallback : Number.NaN;
      if (actual === wanted) return pass();
      const shown = read.kind === 'absent' ? `not set (defaults to ${fallback})` : `${String(value)}`;
      return fail(`${label} is ${shown}; the reference requires ${wanted}`);
    }),
  );
}
