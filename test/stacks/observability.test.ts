import { beforeAll, describe, expect, it } from 'vitest';
import {
  environmentSpec,
  referenceTo,
  resourcesOf,
  type SynthesizedPlatform,
  type SynthesizedStack,
  synthesize,
} from './synth.js';

type Values = Record<string, unknown>;

describe('observability stack', () => {
  let prod: SynthesizedPlatform;
  let stack: SynthesizedStack;
  const alarms = () => resourcesOf(stack, 'aws_cloudwatch_metric_alarm');
  const alarm = (id: string) => alarms()[id]!;
  beforeAll(() => {
    prod = synthesize(environmentSpec('prod'));
    stack = prod.stacks['prod-observability']!;
  });

  it('encrypts both alert topics with a rotated customer-managed key', () => {
    const topics = Object.values(resourcesOf(stack, 'aws_sns_topic'));
    expect(topics.map((t) => t.name).sort()).toEqual([
      'promptsales-prod-alerts-critical',
      'promptsales-prod-alerts-warning',
    ]);
    for (const topic of topics) {
      const key = referenceTo(topic.kms_master_key_id, 'aws_kms_key');
      expect(resourcesOf(stack, 'aws_kms_key')[key!]?.enable_key_rotation).toBe(true);
    }
  });

  it('delivers critical alerts by e-mail, SMS and HTTPS webhook, from the spec', () => {
    const critical = Object.values(resourcesOf(stack, 'aws_sns_topic_subscription')).filter((s) =>
      String(s.topic_arn).includes('critical'),
    );
    const { emails, smsNumbers, webhookUrls } = prod.spec.observability.notifications;
    expect(critical.map((s) => [s.protocol, s.endpoint]).sort()).toEqual(
      [
        ...emails.map((e) => ['email', e]),
        ...smsNumbers.map((n) => ['sms', n]),
        ...webhookUrls.map((u) => ['https', u]),
      ].sort(),
    );
  });

  it('notifies an SNS topic on ALARM and on OK for every alarm', () => {
    const all = Object.values(alarms());
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const values of all) {
      expect(values.actions_enabled).toBe(true);
      for (const actions of [values.alarm_actions, values.ok_actions] as string[][]) {
        expect(actions).toHaveLength(1);
        expect(referenceTo(actions[0], 'aws_sns_topic')).toBeDefined();
      }
    }
  });

  it('alarms when the 5xx rate passes the daily error allowance (1 %)', () => {
    const rate = alarm('alb-5xx-rate');
    expect(rate.threshold).toBe(1);
    expect(rate.threshold).toBe(prod.spec.requirements.errorBudgetPercent);
    expect(rate.comparison_operator).toBe('GreaterThanThreshold');
    const queries = rate.metric_query as Values[];
    const metrics = queries.filter((q) => q.metric).map((q) => (q.metric as Values).metric_name);
    expect(metrics.sort()).toEqual(['HTTPCode_ELB_5XX_Count', 'HTTPCode_Target_5XX_Count', 'RequestCount']);
    const expression = queries.find((q) => q.return_data === true);
    expect(expression?.expression).toBe(
      'IF(requests > 0, 100 * (FILL(errors, 0) + FILL(elb_errors, 0)) / requests, 0)',
    );
    for (const query of queries.filter((q) => q.metric)) {
      expect((query.metric as { dimensions: Values }).dimensions.LoadBalancer).toBe(
        `\${data.aws_lb.alb.arn_suffix}`,
      );
    }
    expect(referenceTo((rate.alarm_actions as string[])[0], 'aws_sns_topic')).toMatch(/^critical-topic/);
  });

  it("alarms on the HTTP API's own 5xx rate and p99 latency, on its $default stage", () => {
    const rate = alarm('api-5xx-rate');
    const queries = rate.metric_query as Values[];
    const metrics = queries.filter((q) => q.metric).map((q) => q.metric as Values);
    expect(metrics.map((m) => [m.namespace, m.metric_name])).toEqual([
      ['AWS/ApiGateway', '5xx'],
      ['AWS/ApiGateway', 'Count'],
    ]);
    for (const metric of metrics) {
      expect(metric.dimensions).toEqual({
        ApiId: expect.stringMatching(/prod-edge.*apigatewayv2_api/),
        Stage: '$default',
      });
    }
    expect(rate.threshold).toBe(prod.spec.requirements.errorBudgetPercent);
    const latency = alarm('api-latency');
    expect(latency).toMatchObject({
      namespace: 'AWS/ApiGateway',
      metric_name: 'Latency',
      extended_statistic: 'p99',
    });
    // API Gateway's Latency is in milliseconds, the ALB's TargetResponseTime in seconds.
    expect(latency.threshold).toBe(200);
    expect(referenceTo((latency.alarm_actions as string[])[0], 'aws_sns_topic')).toMatch(/^critical-topic/);
  });

  it('finds the ALB by the name the edge stack gives the load balancer controller', () => {
    const lookups = Object.values(stack.data?.aws_lb ?? {});
    expect(lookups).toEqual([expect.objectContaining({ name: prod.spec.edge.loadBalancerName })]);
    expect(prod.spec.edge.loadBalancerName).toBe('promptsales-prod');
  });

  it('alarms on the latency objective at its percentile', () => {
    const latency = alarm('alb-latency');
    const { percentile, milliseconds } = prod.spec.requirements.latencyObjective;
    expect(latency.extended_statistic).toBe(`p${percentile}`);
    expect(latency.threshold).toBe(milliseconds / 1000);
    expect(latency.metric_name).toBe('TargetResponseTime');
  });

  it('watches node CPU on the node group autoscaling group', () => {
    const cpu = alarm('node-cpu');
    expect(cpu.threshold).toBe(prod.spec.observability.thresholds.nodeCpuPercent);
    expect((cpu.dimensions as Values).AutoScalingGroupName).toMatch(/prod-cluster/);
  });

  it('watches database CPU, connections and replica lag of both Aurora clusters', () => {
    const { thresholds } = prod.spec.observability;
    for (const engine of ['postgres', 'mysql']) {
      expect(alarm(`${engine}-cpu`)).toMatchObject({
        metric_name: 'CPUUtilization',
        threshold: thresholds.databaseCpuPercent,
      });
      expect(alarm(`${engine}-connections`)).toMatchObject({
        metric_name: 'DatabaseConnections',
        threshold: thresholds.databaseConnections,
      });
      expect(alarm(`${engine}-replica-lag`)).toMatchObject({
        metric_name: 'AuroraReplicaLagMaximum',
        threshold: thresholds.replicaLagMilliseconds,
      });
      expect((alarm(`${engine}-cpu`).dimensions as Values).DBClusterIdentifier).toMatch(/prod-data/);
    }
  });

  it('watches the memory of every Redis node', () => {
    const nodes = prod.spec.data.redis.nodes;
    const memory = Object.entries(alarms()).filter(([id]) => id.startsWith('redis-memory-'));
    expect(memory).toHaveLength(nodes);
    expect(memory.map(([, a]) => (a.dimensions as Values).CacheClusterId).sort()).toEqual(
      Array.from({ length: nodes }, (_, i) => `promptsales-prod-redis-00${i + 1}`),
    );
  });
});
