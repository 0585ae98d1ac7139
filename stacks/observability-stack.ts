import { DataAwsLb } from '@cdktf/provider-aws/lib/data-aws-lb/index.js';
import type { Construct } from 'constructs';
import { ManagedKey, serviceUseStatement } from './constructs/kms-key.js';
import { notifyingAlarm } from './constructs/observability/alarm.js';
import { AlertTopic } from './constructs/observability/alert-topic.js';
import type { DataMonitoringTargets } from './data-stack.js';
import { PlatformStack, type PlatformStackProps } from './platform-stack.js';

export interface ObservabilityStackProps extends PlatformStackProps {
  cluster: { nodeAutoscalingGroupName: string };
  data: DataMonitoringTargets;
  /** The edge stack's HTTP API (its `$default` stage carries the metrics). */
  edge: { httpApiId: string };
}

/**
 * CloudWatch alarms → KMS-encrypted SNS topics → e-mail, SMS and an HTTPS webhook (reference
 * document, Reliability). Critical: the 5xx rate over the daily error allowance, latency over the
 * objective, Aurora replica lag. Warning: node, database and cache saturation.
 *
 * The ALB is created by the AWS Load Balancer Controller under `edge.loadBalancerName`; this stack
 * looks it up by that name, so it deploys after the workloads stack.
 */
export class ObservabilityStack extends PlatformStack {
  readonly criticalTopicArn: string;
  readonly warningTopicArn: string;

  constructor(scope: Construct, props: ObservabilityStackProps) {
    super(scope, 'observability', props);
    this.useAwsProvider();
    const { observability, requirements, edge } = this.spec;
    const { thresholds, periodSeconds, evaluationPeriods } = observability;

    const key = new ManagedKey(this, 'alerts-key', {
      name: this.resourceName('alerts'),
      description: 'SNS alert topics',
      serviceStatements: [serviceUseStatement('CloudWatchAlarmsPublish', 'cloudwatch.amazonaws.com')],
    });
    const topic = (severity: 'critical' | 'warning') =>
      new AlertTopic(this, `${severity}-topic`, {
        name: this.resourceName(`alerts-${severity}`),
        kmsKeyArn: key.arn,
        accountId: key.accountId,
        targets: observability.notifications,
      });
    const critical = topic('critical');
    const warning = topic('warning');
    this.criticalTopicArn = critical.arn;
    this.warningTopicArn = warning.arn;

    const common = { period: periodSeconds, evaluationPeriods, datapointsToAlarm: evaluationPeriods };
    const name = (suffix: string) => this.resourceName(suffix);

    const alb = new DataAwsLb(this, 'alb', { name: edge.loadBalancerName });
    const albDimensions = { LoadBalancer: alb.arnSuffix };
    /** A metric-math input: the per-period sum of one metric. */
    const sumOf =
      (namespace: string, dimensions: Record<string, string>) => (id: string, metricName: string) => ({
        id,
        metric: { namespace, metricName, dimensions, period: periodSeconds, stat: 'Sum' },
      });
    /** The share of requests answered 5xx, in percent, against the daily error allowance. */
    const errorRateAlarm = (
      id: string,
      description: string,
      inputs: ReturnType<ReturnType<typeof sumOf>>[],
      expression: string,
    ) =>
      notifyingAlarm(this, id, {
        alarmName: name(id),
        alarmDescription: `${description} above the ${requirements.errorBudgetPercent} % daily error allowance (reference document, Reliability)`,
        comparisonOperator: 'GreaterThanThreshold',
        threshold: requirements.errorBudgetPercent,
        evaluationPeriods,
        datapointsToAlarm: evaluationPeriods,
        metricQuery: [...inputs, { id: 'error_rate', expression, label: '5xx rate (%)', returnData: true }],
        topicArn: critical.arn,
      });
    const { percentile, milliseconds } = requirements.latencyObjective;
    /** The latency objective's percentile of one metric; `threshold` in the metric's own unit. */
    const latencyAlarm = (
      id: string,
      what: string,
      metric: { namespace: string; metricName: string; dimensions: Record<string, string> },
      threshold: number,
    ) =>
      notifyingAlarm(this, id, {
        alarmName: name(id),
        alarmDescription: `p${percentile} ${what} above the ${milliseconds} ms objective`,
        ...metric,
        extendedStatistic: `p${percentile}`,
        comparisonOperator: 'GreaterThanThreshold',
        threshold,
        ...common,
        topicArn: critical.arn,
      });

    const albMetric = sumOf('AWS/ApplicationELB', albDimensions);
    errorRateAlarm(
      'alb-5xx-rate',
      'Share of requests answered 5xx by the targets or by the load balancer itself',
      [
        albMetric('errors', 'HTTPCode_Target_5XX_Count'),
        // No target answered: 502/503/504 from the load balancer, which the targets' count never sees.
        albMetric('elb_errors', 'HTTPCode_ELB_5XX_Count'),
        albMetric('requests', 'RequestCount'),
      ],
      'IF(requests > 0, 100 * (FILL(errors, 0) + FILL(elb_errors, 0)) / requests, 0)',
    );
    // TargetResponseTime is in seconds.
    latencyAlarm(
      'alb-latency',
      'target response time',
      { namespace: 'AWS/ApplicationELB', metricName: 'TargetResponseTime', dimensions: albDimensions },
      milliseconds / 1000,
    );

    // The HTTP API in front: what clients see, including the authorizer and the VPC link.
    const apiDimensions = { ApiId: props.edge.httpApiId, Stage: '$default' };
    const apiMetric = sumOf('AWS/ApiGateway', apiDimensions);
    errorRateAlarm(
      'api-5xx-rate',
      'Share of HTTP API requests answered 5xx',
      [apiMetric('errors', '5xx'), apiMetric('requests', 'Count')],
      'IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)',
    );
    // API Gateway reports Latency in milliseconds.
    latencyAlarm(
      'api-latency',
      'HTTP API latency',
      { namespace: 'AWS/ApiGateway', metricName: 'Latency', dimensions: apiDimensions },
      milliseconds,
    );

    notifyingAlarm(this, 'node-cpu', {
      alarmName: name('node-cpu'),
      alarmDescription: `Average CPU of the EKS nodes above ${thresholds.nodeCpuPercent} %`,
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: { AutoScalingGroupName: props.cluster.nodeAutoscalingGroupName },
      statistic: 'Average',
      comparisonOperator: 'GreaterThanThreshold',
      threshold: thresholds.nodeCpuPercent,
      ...common,
      topicArn: warning.arn,
    });

    for (const { engine, clusterId } of props.data.auroraClusters) {
      const dimensions = { DBClusterIdentifier: clusterId };
      notifyingAlarm(this, `${engine}-cpu`, {
        alarmName: name(`${engine}-cpu`),
        alarmDescription: `Aurora ${engine} CPU above ${thresholds.databaseCpuPercent} %`,
        namespace: 'AWS/RDS',
        metricName: 'CPUUtilization',
        dimensions,
        statistic: 'Average',
        comparisonOperator: 'GreaterThanThreshold',
        threshold: thresholds.databaseCpuPercent,
        ...common,
        topicArn: warning.arn,
      });
      notifyingAlarm(this, `${engine}-connections`, {
        alarmName: name(`${engine}-connections`),
        alarmDescription: `Aurora ${engine} connections above ${thresholds.databaseConnections}`,
        namespace: 'AWS/RDS',
        metricName: 'DatabaseConnections',
        dimensions,
        statistic: 'Maximum',
        comparisonOperator: 'GreaterThanThreshold',
        threshold: thresholds.databaseConnections,
        ...common,
        topicArn: warning.arn,
      });
      notifyingAlarm(this, `${engine}-replica-lag`, {
        alarmName: name(`${engine}-replica-lag`),
        alarmDescription: `Aurora ${engine} replica lag above ${thresholds.replicaLagMilliseconds} ms (RPO ≈ 0 s)`,
        namespace: 'AWS/RDS',
        metricName: 'AuroraReplicaLagMaximum',
        dimensions,
        statistic: 'Maximum',
        comparisonOperator: 'GreaterThanThreshold',
        threshold: thresholds.replicaLagMilliseconds,
        ...common,
        topicArn: critical.arn,
      });
    }

    props.data.redisMemberClusterIds.forEach((cacheClusterId, index) => {
      notifyingAlarm(this, `redis-memory-${index + 1}`, {
        alarmName: name(`redis-memory-${index + 1}`),
        alarmDescription: `Redis node ${index + 1} memory above ${thresholds.redisMemoryPercent} %`,
        namespace: 'AWS/ElastiCache',
        metricName: 'DatabaseMemoryUsagePercentage',
        dimensions: { CacheClusterId: cacheClusterId },
        statistic: 'Maximum',
        comparisonOperator: 'GreaterThanThreshold',
        threshold: thresholds.redisMemoryPercent,
        ...common,
        topicArn: warning.arn,
      });
    });
  }
}
