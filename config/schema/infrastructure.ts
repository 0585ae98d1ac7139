import { z } from 'zod';
import { logRetentionDays } from './fields.js';

/** What the stacks provision beyond the capacity figures: environment, services and their versions. */

export const ServiceNameSchema = z.enum(['promptcontent', 'promptads', 'promptcrm', 'business']);
export type ServiceName = z.infer<typeof ServiceNameSchema>;

/** The database each service's critical path runs through (reference document, "Tecnologías"). */
export const SERVICE_DATABASES = {
  promptcontent: 'atlas',
  promptads: 'aurora',
  promptcrm: 'aurora',
  business: 'aurora',
} as const satisfies Record<ServiceName, 'atlas' | 'aurora'>;

export const ServiceVersionSchema = z
  .object({
    version: z.number().int().positive().describe('API version, routed at /api/<service>/v<N>'),
    // Left out: the service's ECR repository of this environment at tag v<N> (dev), or at the digest
    // given at deploy time in the Terraform variable image_digest_<service>_api_v<N> (prod).
    // `sha256:<digest>` or a tag: that image of the ECR repository; with a `/`, a whole reference.
    image: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._/:@-]*$/, 'a tag, sha256:<digest> or an image reference')
      .optional()
      .describe('Container image of this version'),
    // A canary's share comes out of its service's: the versions of one service split its traffic.
    trafficShare: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .describe("Share of its service's requests this version takes (unset: an equal part of the rest)"),
  })
  .strict();

export const ServiceSchema = z
  .object({
    name: ServiceNameSchema,
    port: z.number().int().min(1).max(65_535),
    // The reference document gives the platform's requests, not their split over the services.
    trafficShare: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .describe("Share of the platform's requests this service takes (unset: an equal split)"),
    versions: z.array(ServiceVersionSchema).min(1),
  })
  .strict()
  .refine((service) => new Set(service.versions.map((v) => v.version)).size === service.versions.length, {
    message: 'each version number may appear only once',
    path: ['versions'],
  })
  .superRefine((service, context) => {
    const problem = sharesProblem(service.versions.map((v) => v.trafficShare));
    if (problem)
      context.addIssue({ code: 'custom', path: ['versions'], message: `trafficShare: ${problem}` });
  });

const SHARE_TOLERANCE = 1e-6;

/**
 * Shares of one whole: those given sum to at most 1, the rest split what is left equally, and all of
 * them together make 1. `undefined` when they do.
 */
export function sharesProblem(shares: (number | undefined)[]): string | undefined {
  const given = shares.filter((share): share is number => share !== undefined);
  const sum = given.reduce((total, share) => total + share, 0);
  const unset = shares.length - given.length;
  if (unset === 0 && Math.abs(sum - 1) > SHARE_TOLERANCE)
    return `the shares must add up to 1 (they add up to ${sum})`;
  if (unset > 0 && sum >= 1 - SHARE_TOLERANCE) {
    return `the shares given add up to ${sum}, leaving nothing for the ${unset} without one`;
  }
  return undefined;
}

/** Each share resolved: the given ones as they are, the unset ones an equal part of the rest. */
export function resolveShares(shares: (number | undefined)[]): number[] {
  const given = shares.reduce<number>((total, share) => total + (share ?? 0), 0);
  const unset = shares.filter((share) => share === undefined).length;
  return shares.map((share) => share ?? (1 - given) / unset);
}
export type Service = z.infer<typeof ServiceSchema>;

const defaultServices: z.input<typeof ServiceSchema>[] = [
  { name: 'promptcontent', port: 3001, versions: [{ version: 1 }] },
  { name: 'promptads', port: 3002, versions: [{ version: 1 }] },
  { name: 'promptcrm', port: 3003, versions: [{ version: 1 }] },
  { name: 'business', port: 3004, versions: [{ version: 1 }] },
];

/** Environment variables of one service's containers that the spec, not another stack, decides. */
const settingsVariables = z.record(
  z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as PAYMENT_GATEWAY'),
  z.string(),
);

/**
 * How Business takes payments: `paypal` (the identity stack keeps the REST app's credentials in
 * Secrets Manager, the workloads stack hands them to Business alone) against PayPal's `sandbox` or
 * `live` host, or `disabled` (payment routes answer 503).
 */
export const PaymentsSchema = z
  .discriminatedUnion('gateway', [
    z.object({ gateway: z.literal('disabled') }).strict(),
    z
      .object({
        gateway: z.literal('paypal'),
        paypalEnvironment: z.enum(['sandbox', 'live'], { error: 'must be "sandbox" or "live"' }),
        // How often the CronJob settles orders whose outcome is unknown (docs/payments.md, "Reconciliation").
        reconcileSchedule: z
          .string()
          .regex(/^(\S+\s+){4}\S+$/, 'a five-field cron schedule such as */10 * * * *')
          .default('*/10 * * * *'),
      })
      .strict(),
  ])
  .prefault({ gateway: 'disabled' });
export type PaymentsSpec = z.infer<typeof PaymentsSchema>;

export const WorkloadsSchema = z
  .object({
    namespace: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label')
      .default('promptsales'),
    services: z
      .array(ServiceSchema)
      .min(1)
      .prefault(defaultServices)
      .refine((services) => new Set(services.map((s) => s.name)).size === services.length, {
        message: 'each service may appear only once',
      })
      .superRefine((services, context) => {
        const problem = sharesProblem(services.map((s) => s.trafficShare));
        if (problem) context.addIssue({ code: 'custom', message: `trafficShare: ${problem}` });
      }),
    // Non-secret settings per service; the endpoints, issuer and credentials come from the other stacks.
    // Business' PAYMENT_GATEWAY comes from `payments`; its `recording` adapter is a test double.
    settings: z.partialRecord(ServiceNameSchema, settingsVariables).default({}),
    payments: PaymentsSchema,
  })
  .strict()
  .superRefine((workloads, context) => {
    const business = workloads.settings.business ?? {};
    for (const variable of Object.keys(business).filter((name) => /^(PAYMENT_GATEWAY|PAYPAL_)/.test(name))) {
      context.addIssue({
        code: 'custom',
        path: ['settings', 'business', variable],
        message: 'is set from workloads.payments (and the PayPal secret), not in settings',
      });
    }
  })
  .prefault({});

export const EnvironmentSchema = z
  .object({
    name: z.enum(['dev', 'prod']).default('dev'),
    // Reference document: AWS, pricing from us-east-1.
    region: z.string().min(1).default('us-east-1'),
  })
  .strict()
  .prefault({});

// ---------------------------------------------------------------------------------------------
// Platform stacks: state, network, cluster, data, identity, observability, edge naming.
// ---------------------------------------------------------------------------------------------

const ipv4Cidr = z
  .string()
  .regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/, 'must be an IPv4 CIDR block (a.b.c.d/n)')
  .refine((cidr) => {
    const [address, bits] = cidr.split('/') as [string, string];
    return address.split('.').every((octet) => Number(octet) <= 255) && Number(bits) <= 32;
  }, 'octets must be 0-255 and the prefix 0-32');

const LocalStateSchema = z
  .object({
    backend: z.literal('local'),
    // Relative to cdktf.out/stacks/<stack>: the project root, where .gitignore keeps state out of git.
    directory: z.string().min(1).default('../../..').describe('Folder for terraform.<env>-<stack>.tfstate'),
  })
  .strict();

const S3StateSchema = z
  .object({
    backend: z.literal('s3'),
    bucket: z.string().min(3).describe('S3 bucket holding the state; key is <env>/<stack>.tfstate'),
    region: z.string().min(1).describe('Region of the state bucket'),
    dynamodbTable: z
      .string()
      .min(3)
      .optional()
      .describe('DynamoDB table for state locking (partition key LockID)'),
    // Terraform 1.10+ can lock with a lock file beside the state instead (S3 conditional writes);
    // Terraform 1.11 deprecates the DynamoDB table in its favour.
    useLockfile: z.boolean().default(false).describe('Lock with an S3 lock file (Terraform 1.10+)'),
    encrypt: z.boolean().default(true),
    kmsKeyId: z.string().min(1).optional().describe('KMS key for server-side encryption of the state'),
  })
  .strict()
  .refine((state) => state.dynamodbTable !== undefined || state.useLockfile, {
    message: 'S3 state needs a lock: a dynamodbTable, useLockfile: true, or both',
    path: ['dynamodbTable'],
  });

/** Where Terraform keeps each stack's state: local files for dev, S3 + DynamoDB locking elsewhere. */
export const StateSchema = z
  .discriminatedUnion('backend', [LocalStateSchema, S3StateSchema])
  .prefault({ backend: 'local' });
export type StateSpec = z.infer<typeof StateSchema>;

export const NetworkSchema = z
  .object({
    cidr: ipv4Cidr.default('10.0.0.0/16').describe('VPC CIDR block, /16 to /20'),
    // Letters appended to the region: us-east-1 + a → us-east-1a. Three zones by default (design §4).
    availabilityZones: z
      .array(z.string().regex(/^[a-z]$/, 'a single zone letter, e.g. "a"'))
      .min(2)
      .max(6)
      .default(['a', 'b', 'c'])
      .refine((zones) => new Set(zones).size === zones.length, 'each zone may appear only once'),
    // One NAT gateway per zone keeps egress alive when a zone fails; a single one is cheaper.
    natGateways: z.enum(['one-per-az', 'single']).default('one-per-az'),
    flowLogRetentionDays: logRetentionDays.default(365),
  })
  .strict()
  .prefault({})
  .refine(
    (network) => {
      const bits = Number(network.cidr.split('/')[1]);
      return bits >= 16 && bits <= 20;
    },
    { message: 'the VPC CIDR prefix must be between /16 and /20', path: ['cidr'] },
  );
export type NetworkSpec = z.infer<typeof NetworkSchema>;

const iamPrincipalArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/.+$/, 'an IAM role or user ARN');

/** The EKS add-ons the cluster stack installs, in the order it installs them. */
export const EKS_ADDONS = [
  'vpc-cni',
  'kube-proxy',
  'eks-pod-identity-agent',
  'coredns',
  'aws-ebs-csi-driver',
] as const;

export const ClusterSchema = z
  .object({
    // The newest version in EKS standard support (policies/rules/eks/release-calendar.ts).
    kubernetesVersion: z
      .string()
      .regex(/^1\.\d{2}$/, 'a Kubernetes minor version such as "1.36"')
      .default('1.36'),
    // What EKS does at the end of standard support: STANDARD upgrades the control plane to the next
    // version; EXTENDED keeps the version for 12 more months at six times the control-plane price.
    supportType: z.enum(['STANDARD', 'EXTENDED']).default('STANDARD'),
    endpointPublicAccess: z.boolean().default(false).describe('Expose the API server publicly'),
    publicAccessCidrs: z.array(ipv4Cidr).default([]).describe('Who may reach a public API endpoint'),
    // Who may open a connection to the private API endpoint (port 443 of the cluster security group).
    // The deploy runner must be one of them: the workloads and edge stacks talk to the API.
    apiAccess: z
      .object({
        fromVpc: z
          .boolean()
          .default(true)
          .describe('Admit 443 from the VPC CIDR (a runner in the private subnets)'),
        cidrs: z.array(ipv4Cidr).default([]).describe('Further networks, e.g. a VPN or a peered CI VPC'),
        securityGroupIds: z
          .array(z.string().regex(/^sg-[0-9a-f]{8,17}$/, 'a security group id such as sg-0123456789abcdef0'))
          .default([])
          .describe("The deploy runner's security groups"),
      })
      .strict()
      .prefault({}),
    // The role that runs `cdktf deploy`: cluster admin through an access entry. Left out, the identity
    // that creates the cluster is made admin instead (EKS bootstrap permissions).
    deployRoleArn: iamPrincipalArn.optional(),
    // IAM principals given cluster-admin through access entries (authentication mode API).
    adminPrincipalArns: z.array(iamPrincipalArn).default([]),
    logRetentionDays: logRetentionDays.default(365),
    nodeRootVolumeGiB: z.number().int().min(20).max(16_384).default(100),
    // Share of the node group a version or launch template update replaces at a time.
    nodeUpdateMaxUnavailablePercent: z.number().int().min(1).max(100).default(10),
    // Add-on versions (`aws eks describe-addon-versions --kubernetes-version <v> --addon-name <name>`);
    // an add-on left out gets the default version of the cluster's Kubernetes version at creation.
    addonVersions: z
      .partialRecord(
        z.enum(EKS_ADDONS),
        z.string().regex(/^v\d+\.\d+\.\d+-eksbuild\.\d+$/, 'an add-on version such as v1.19.2-eksbuild.1'),
      )
      .default({}),
    // Amazon EKS deletion protection; turn off before `cdktf destroy`.
    deletionProtection: z.boolean().default(true),
  })
  .strict()
  .prefault({})
  .refine((cluster) => !cluster.endpointPublicAccess || cluster.publicAccessCidrs.length > 0, {
    message: 'a public endpoint needs publicAccessCidrs',
    path: ['publicAccessCidrs'],
  })
  .refine((cluster) => !cluster.publicAccessCidrs.includes('0.0.0.0/0'), {
    message: '0.0.0.0/0 may not reach the API server',
    path: ['publicAccessCidrs'],
  })
  .refine(
    ({ endpointPublicAccess, apiAccess }) =>
      endpointPublicAccess ||
      apiAccess.fromVpc ||
      apiAccess.cidrs.length > 0 ||
      apiAccess.securityGroupIds.length > 0,
    {
      message: 'a private-only endpoint needs a way in: fromVpc, cidrs or securityGroupIds',
      path: ['apiAccess'],
    },
  );
export type ClusterSpec = z.infer<typeof ClusterSchema>;

const AuroraEngineSchema = z
  .object({
    engineVersion: z.string().min(1),
    instanceClass: z
      .string()
      .regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, 'an RDS instance class such as db.r7g.large'),
    // Writer + readers; one reader by default (reference document: "Aurora Multi-AZ (writer + reader)").
    readers: z.number().int().min(1).max(15).default(1),
    databaseName: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'letters, digits and underscores'),
  })
  .strict();

export const DataSchema = z
  .object({
    // Reference document, Backups: "retención mínima de 30 días" for Aurora and Atlas.
    backupRetentionDays: z.number().int().min(30).max(35).default(30),
    // Performance Insights keeps 7 days free, or whole months of 31 days up to 731 days.
    performanceInsightsRetentionDays: z
      .number()
      .int()
      .refine((days) => days === 7 || days === 731 || (days % 31 === 0 && days <= 713), {
        message: 'must be 7, a multiple of 31 up to 713, or 731',
      })
      .default(7),
    // Aurora deletion protection; turn off before `cdktf destroy`.
    deletionProtection: z.boolean().default(true),
    logRetentionDays: logRetentionDays.default(365),
    postgres: AuroraEngineSchema.prefault({
      engineVersion: '16.6',
      instanceClass: 'db.r7g.large',
      databaseName: 'promptsales',
    }),
    mysql: AuroraEngineSchema.prefault({
      engineVersion: '8.0.mysql_aurora.3.08.0',
      instanceClass: 'db.r7g.large',
      databaseName: 'business',
    }),
    redis: z
      .object({
        engineVersion: z.string().min(1).default('7.1'),
        nodeType: z
          .string()
          .regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, 'a cache node type such as cache.r7g.large')
          .default('cache.r7g.large'),
        // Primary + replicas, spread over the zones; two or more for Multi-AZ failover.
        nodes: z.number().int().min(2).max(6).default(2),
        // The platform's backup policy (reference document, Backups: 30 days) applies to the cache too.
        snapshotRetentionDays: z.number().int().min(1).max(35).default(30),
      })
      .strict()
      .prefault({}),
    atlas: z
      .object({
        // Falls back to MONGODB_ATLAS_ORG_ID at synth time; never a credential.
        orgId: z
          .string()
          .regex(/^[0-9a-f]{24}$/, 'a 24-character Atlas organization id')
          .optional(),
        instanceSize: z
          .string()
          .regex(/^M\d+$/, 'an Atlas tier such as M30')
          .default('M30'),
        mongoVersion: z
          .string()
          .regex(/^\d+\.\d+$/)
          .default('8.0'),
        // PromptContent's database; its pods' IAM role may read and write it and nothing else.
        databaseName: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,63}$/, 'a MongoDB database name')
          .default('promptcontent'),
        // Reference document: "Atlas Replica Set (3 nodos, 2+ AZ)".
        electableNodes: z
          .number()
          .int()
          .refine((n) => [3, 5, 7].includes(n), 'must be 3, 5 or 7')
          .default(3),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});
export type DataSpec = z.infer<typeof DataSchema>;

export const IdentitySchema = z
  .object({
    portal: z
      .object({
        redirectUris: z
          .array(z.url({ protocol: /^https$/ }))
          .min(1)
          .default(['https://portal.promptsales.example/callback']),
        postLogoutRedirectUris: z
          .array(z.url({ protocol: /^https$/ }))
          .default(['https://portal.promptsales.example/']),
      })
      .strict()
      .prefault({}),
    audience: z.string().min(1).default('api://promptsales').describe('Audience of the access tokens'),
    groups: z
      .array(z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'))
      .min(1)
      .default(['promptsales-admins', 'promptsales-marketing', 'promptsales-sales']),
    // The `groups` claim carries the user's groups whose names start with this prefix.
    groupsClaimPrefix: z.string().min(1).default('promptsales-'),
    accessTokenLifetimeMinutes: z.number().int().min(5).max(1440).default(60),
  })
  .strict()
  .prefault({})
  .refine((identity) => identity.groups.every((group) => group.startsWith(identity.groupsClaimPrefix)), {
    message: 'every group must start with groupsClaimPrefix, or the groups claim leaves it out',
    path: ['groups'],
  });
export type IdentitySpec = z.infer<typeof IdentitySchema>;

export const ObservabilitySchema = z
  .object({
    // Reference document, Reliability: SMS, e-mail and a WhatsApp webhook for the support group.
    notifications: z
      .object({
        emails: z.array(z.email()).default(['oncall@promptsales.example']),
        smsNumbers: z
          .array(z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 phone number'))
          .default(['+15555550100']),
        webhookUrls: z
          .array(z.url({ protocol: /^https$/ }))
          .default(['https://hooks.promptsales.example/support']),
      })
      .strict()
      .prefault({}),
    periodSeconds: z
      .number()
      .int()
      .refine((s) => s % 60 === 0, 'a multiple of 60')
      .default(60),
    evaluationPeriods: z.number().int().min(1).default(5),
    thresholds: z
      .object({
        nodeCpuPercent: z.number().gt(0).max(100).default(80),
        databaseCpuPercent: z.number().gt(0).max(100).default(80),
        databaseConnections: z.number().int().positive().default(1000),
        replicaLagMilliseconds: z.number().positive().default(1000),
        redisMemoryPercent: z.number().gt(0).max(100).default(80),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});
export type ObservabilitySpec = z.infer<typeof ObservabilitySchema>;

/** Names the edge and observability stacks must agree on. */
export const EdgeSchema = z
  .object({
    // The AWS Load Balancer Controller creates the ALB under this name (Ingress group annotation
    // alb.ingress.kubernetes.io/load-balancer-name); the alarms look its metrics up by it.
    loadBalancerName: z
      .string()
      .regex(/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/, 'up to 32 letters, digits and hyphens')
      .default('promptsales'),
  })
  .strict()
  .prefault({});
export type EdgeSpec = z.infer<typeof EdgeSchema>;

/**
 * Rules that hold for production only, checked with the rest of the spec before any synth: one line
 * per problem, in the same `path: rule` form as the schema's.
 */
export function productionProblems(spec: {
  environment: { name: string };
  cluster: {
    endpointPublicAccess: boolean;
    deletionProtection: boolean;
    deployRoleArn?: string | undefined;
    adminPrincipalArns: string[];
  };
  network: { natGateways: string };
  data: { deletionProtection: boolean };
}): string[] {
  if (spec.environment.name !== 'prod') return [];
  const problems: string[] = [];
  if (spec.cluster.endpointPublicAccess) problems.push('cluster.endpointPublicAccess: must be false in prod');
  if (spec.network.natGateways !== 'one-per-az') {
    problems.push('network.natGateways: must be one-per-az in prod (a zone outage must not cut egress)');
  }
  if (!spec.cluster.deletionProtection) problems.push('cluster.deletionProtection: must be true in prod');
  if (!spec.cluster.deployRoleArn) {
    problems.push(
      'cluster.deployRoleArn: must name the role that deploys prod (it gets an explicit access entry)',
    );
  }
  if (spec.cluster.adminPrincipalArns.length === 0) {
    problems.push(
      'cluster.adminPrincipalArns: prod needs at least one administrator besides the deploy role',
    );
  }
  if (!spec.data.deletionProtection) problems.push('data.deletionProtection: must be true in prod');
  return problems;
}
