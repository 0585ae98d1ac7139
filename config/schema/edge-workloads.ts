import { z } from 'zod';
import { logRetentionDays } from './fields.js';

/**
 * Settings of the edge (ALB, WAF, API gateway, Cognito) and workloads (pods, add-on charts) stacks.
 * Sizing figures are not here: replicas, HPA targets and resources come from the capacity plan.
 */

const positiveInt = z.number().int().positive();

const hostname = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a lower-case DNS name');

const urlPath = z.string().regex(/^\/[A-Za-z0-9._~/-]*$/, 'an absolute URL path such as /readyz');

/**
 * ALB predefined policies that allow TLS 1.2 and 1.3 only (the allow-list of the FSBP
 * elb-predefined-security-policy-ssl-check and Checkov CKV_AWS_103).
 */
export const ALB_TLS_POLICIES = [
  'ELBSecurityPolicy-TLS13-1-2-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-3-2021-06',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04',
] as const;

export const AlbSchema = z
  .object({
    // The ALB is always internal: the HTTP API reaches it through a VPC link, so nothing on the
    // internet can skip the JWT authorizer by calling the ALB directly.
    // Set to false only to tear the environment down (the controller cannot delete a protected ALB).
    deletionProtection: z.boolean().default(true),
    sslPolicy: z.enum(ALB_TLS_POLICIES).default('ELBSecurityPolicy-TLS13-1-2-2021-06'),
    // Reference document, Availability: "Health checks: interval: 10s, unhealthyThreshold: 3, timeout: 5s".
    healthCheck: z
      .object({
        path: urlPath.default('/readyz'),
        intervalSeconds: z.number().int().min(5).max(300).default(10),
        timeoutSeconds: z.number().int().min(2).max(120).default(5),
        unhealthyThreshold: z.number().int().min(2).max(10).default(3),
        // Not in the document; two passing checks put a new pod in service after 20 s.
        healthyThreshold: z.number().int().min(2).max(10).default(2),
        successCodes: z
          .string()
          .regex(/^\d{3}(-\d{3})?(,\d{3}(-\d{3})?)*$/, 'HTTP codes such as 200 or 200-299')
          .default('200'),
      })
      .strict()
      .prefault({})
      .refine((check) => check.timeoutSeconds < check.intervalSeconds, {
        message: 'the timeout must be shorter than the interval',
        path: ['timeoutSeconds'],
      }),
    idleTimeoutSeconds: z.number().int().min(1).max(4000).default(60),
    // Seconds a draining pod keeps its in-flight requests before the ALB drops it.
    deregistrationDelaySeconds: z.number().int().min(0).max(3600).default(30),
    accessLogs: z
      .object({
        prefix: z
          .string()
          .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens')
          .default('alb'),
        expirationDays: positiveInt.default(400),
        noncurrentVersionExpirationDays: positiveInt.default(30),
      })
      .strict()
      .prefault({}),
    waf: z
      .object({
        // Requests one client IP may send in the evaluation window before WAF blocks it; the client
        // IP is the one the API gateway writes in x-client-ip (stacks/constructs/edge/client-ip.ts).
        rateLimitPerIp: z.number().int().min(10).max(2_000_000_000).default(2000),
        rateEvaluationWindowSeconds: z
          .union([z.literal(60), z.literal(120), z.literal(300), z.literal(600)])
          .default(300),
        // Groups that inspect the request itself. IP-list groups (AmazonIpReputationList,
        // AnonymousIpList) would only ever see the API gateway's VPC link addresses here.
        managedRuleGroups: z
          .array(z.string().regex(/^AWSManagedRules[A-Za-z0-9]+$/, 'an AWS managed rule group name'))
          .min(1)
          .default([
            'AWSManagedRulesCommonRuleSet',
            'AWSManagedRulesKnownBadInputsRuleSet',
            'AWSManagedRulesSQLiRuleSet',
          ])
          .refine((groups) => new Set(groups).size === groups.length, 'each rule group may appear only once'),
        logRetentionDays: logRetentionDays.default(365),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});
export type AlbSpec = z.infer<typeof AlbSchema>;

export const ApiGatewaySchema = z
  .object({
    // The public name of the API: the HTTP API's custom domain and the ALB certificate's name.
    domainName: hostname.default('api.promptsales.example'),
    // The Route 53 zone of domainName: the stack writes the certificate's validation records and the
    // API's alias record there. One of hostedZoneId and certificateArn is needed to deploy the edge.
    hostedZoneId: z
      .string()
      .regex(/^Z[A-Z0-9]{1,31}$/, 'a Route 53 hosted zone id')
      .optional(),
    // An issued ACM certificate for domainName in the environment's region, when the zone is not ours.
    certificateArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/, 'an ACM certificate ARN')
      .optional(),
    // Requests a route may take in one burst; the steady rate comes from the capacity plan.
    throttlingBurstLimit: positiveInt.default(5000),
    accessLogRetentionDays: logRetentionDays.default(365),
    corsAllowOrigins: z.array(z.url({ protocol: /^https$/ })).default([]),
    cognito: z
      .object({
        passwordMinimumLength: z.number().int().min(8).max(99).default(14),
        temporaryPasswordValidityDays: z.number().int().min(1).max(365).default(1),
        mfa: z.enum(['ON', 'OPTIONAL']).default('ON'),
        // Cognito's default units: hours for the access and ID tokens, days for the refresh token.
        accessTokenValidityHours: z.number().int().min(1).max(24).default(1),
        refreshTokenValidityDays: z.number().int().min(1).max(3650).default(30),
        // Previous passwords a user may not reuse (Cognito Essentials and Plus tiers).
        passwordHistorySize: z.number().int().min(0).max(24).default(24),
        // Prefix of the hosted sign-in and token endpoint (<prefix>.auth.<region>.amazoncognito.com),
        // unique per region across AWS; promptsales-<env>-api when left out.
        domainPrefix: z
          .string()
          .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and hyphens')
          .refine((prefix) => !/aws|amazon|cognito/.test(prefix), 'may not contain aws, amazon or cognito')
          .optional(),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});
export type ApiGatewaySpec = z.infer<typeof ApiGatewaySchema>;

const duration = z.string().regex(/^\d+[smh]$/, 'a duration such as 10m');

const semver = z.string().regex(/^\d+\.\d+\.\d+$/, 'an exact chart version such as 1.2.3');

function chart(defaults: { repository: string; chart: string; version: string; namespace: string }) {
  return z
    .object({
      repository: z.url({ protocol: /^https$/ }).default(defaults.repository),
      chart: z.string().min(1).default(defaults.chart),
      version: semver.default(defaults.version),
      namespace: z
        .string()
        .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label')
        .default(defaults.namespace),
    })
    .strict()
    .prefault({});
}

/** Helm charts of the cluster add-ons, each pinned to one version. */
export const AddonsSchema = z
  .object({
    metricsServer: chart({
      repository: 'https://kubernetes-sigs.github.io/metrics-server/',
      chart: 'metrics-server',
      version: '3.12.2',
      namespace: 'kube-system',
    }),
    kubePrometheusStack: chart({
      repository: 'https://prometheus-community.github.io/helm-charts',
      chart: 'kube-prometheus-stack',
      version: '67.8.0',
      namespace: 'monitoring',
    }),
    prometheusAdapter: chart({
      repository: 'https://prometheus-community.github.io/helm-charts',
      chart: 'prometheus-adapter',
      version: '4.11.0',
      namespace: 'monitoring',
    }),
    // The controller's IAM policy (stacks/constructs/workloads) follows this chart's app version.
    awsLoadBalancerController: chart({
      repository: 'https://aws.github.io/eks-charts',
      chart: 'aws-load-balancer-controller',
      version: '1.11.0',
      namespace: 'kube-system',
    }),
    // Syncs the services' credentials from Secrets Manager into Kubernetes Secrets (API external-secrets.io/v1).
    externalSecrets: chart({
      repository: 'https://charts.external-secrets.io',
      chart: 'external-secrets',
      version: '0.18.2',
      namespace: 'external-secrets',
    }),
    clusterAutoscaler: chart({
      repository: 'https://kubernetes.github.io/autoscaler',
      chart: 'cluster-autoscaler',
      version: '9.47.0',
      namespace: 'kube-system',
    }),
    // The Cluster Autoscaler supports only the Kubernetes minor version it is built for: its minor
    // must equal cluster.kubernetesVersion (checked at synth).
    clusterAutoscalerImageTag: z
      .string()
      .regex(/^v\d+\.\d+\.\d+$/, 'an image tag such as v1.36.1')
      .default('v1.36.1'),
    // How the Cluster Autoscaler gives nodes back (its flags of the same names).
    nodeScaleDown: z
      .object({
        // A node whose pods request less than this share of its CPU and memory is a candidate.
        utilizationThreshold: z.number().gt(0).lt(1).default(0.5),
        unneededTime: duration.default('10m'),
        delayAfterAdd: duration.default('10m'),
      })
      .strict()
      .prefault({}),
    prometheusRetention: z
      .string()
      .regex(/^\d+[dhw]$/, 'a Prometheus duration such as 15d')
      .default('15d'),
    // The EBS volume of each of the two Prometheus replicas.
    prometheusVolumeSize: z
      .string()
      .regex(/^\d+Gi$/, 'a size such as 50Gi')
      .default('50Gi'),
  })
  .strict()
  .prefault({});
export type AddonsSpec = z.infer<typeof AddonsSchema>;

const probe = (defaults: { path: string; periodSeconds: number; failureThreshold: number }) =>
  z
    .object({
      path: urlPath.default(defaults.path),
      periodSeconds: positiveInt.default(defaults.periodSeconds),
      timeoutSeconds: positiveInt.default(2),
      failureThreshold: positiveInt.default(defaults.failureThreshold),
    })
    .strict()
    .prefault({});

/** How every API pod runs: probes, security context, disruption budget, spreading. */
export const PodRuntimeSchema = z
  .object({
    // Service kit (design §6): /healthz is liveness, /readyz checks the dependencies, /metrics for Prometheus.
    liveness: probe({ path: '/healthz', periodSeconds: 10, failureThreshold: 3 }),
    readiness: probe({ path: '/readyz', periodSeconds: 5, failureThreshold: 3 }),
    // Up to periodSeconds × failureThreshold (2 min) to boot before liveness takes over.
    startup: probe({ path: '/healthz', periodSeconds: 5, failureThreshold: 24 }),
    metricsPath: urlPath.default('/metrics'),
    runAsUser: z.number().int().min(1).default(10001),
    terminationGracePeriodSeconds: z.number().int().min(0).default(30),
    // A drain or node upgrade takes at most this many pods of one deployment at a time.
    maxUnavailable: positiveInt.default(1),
    // ScheduleAnyway: prefer an even spread over the zones, yet keep scaling when one zone has no room.
    zoneSpread: z.enum(['ScheduleAnyway', 'DoNotSchedule']).default('ScheduleAnyway'),
    // Kubernetes autoscaling/v2 default scale-down policy; the stabilization window comes from the plan.
    scaleDownPolicy: z
      .object({
        percent: positiveInt.default(100),
        periodSeconds: z.number().int().min(1).max(1800).default(15),
      })
      .strict()
      .prefault({}),
    // Aurora's server certificates chain to the RDS CA, which Node does not trust by default: the
    // service images carry the RDS global bundle here (NODE_EXTRA_CA_CERTS), so TLS is verified.
    databaseCaBundlePath: z
      .string()
      .regex(/^\/[A-Za-z0-9._/-]+\.pem$/, 'an absolute path to a PEM file')
      .default('/etc/ssl/certs/rds-global-bundle.pem'),
    // The pre-deploy migration job of each deployment (`node dist/main.js migrate`): small and brief.
    migration: z
      .object({
        command: z.array(z.string().min(1)).min(1).default(['node', 'dist/main.js', 'migrate']),
        cpu: z
          .string()
          .regex(/^\d+m?$/, 'a CPU quantity such as 250m')
          .default('250m'),
        memory: z
          .string()
          .regex(/^\d+(Mi|Gi)$/, 'a memory quantity such as 256Mi')
          .default('256Mi'),
        // Attempts before the job, and the apply, fail.
        backoffLimit: z.number().int().min(0).max(10).default(3),
        timeout: z
          .string()
          .regex(/^\d+[sm]$/, 'a duration such as 10m')
          .default('10m'),
      })
      .strict()
      .prefault({}),
    // The root filesystem is read-only; /tmp is a scratch volume of at most this size.
    tmpSizeLimit: z
      .string()
      .regex(/^\d+(Ki|Mi|Gi)$/, 'a Kubernetes quantity such as 256Mi')
      .default('256Mi'),
  })
  .strict()
  .prefault({});
export type PodRuntimeSpec = z.infer<typeof PodRuntimeSchema>;
