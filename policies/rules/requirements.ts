import type { Requirement } from '../engine/rule.js';

/** The reference document's requirements (docs: promptsales-architecture.md), by the section that states them. */
export const REQUIREMENTS = {
  encryptionAtRest: {
    section: 'Security',
    text: 'Data at rest (Mongo, Postgres, MySQL and what carries their data) is encrypted with AES-256 keys held in KMS',
  },
  tlsInTransit: {
    section: 'Security',
    text: 'REST communication is encrypted with TLS; certificates come from ACM',
  },
  oidc: {
    section: 'Security',
    text: 'Authentication is OpenID Connect from Okta; Cognito validates the tokens at the API Gateway',
  },
  auroraMultiAz: {
    section: 'Availability › Bases de datos',
    text: 'Aurora Multi-AZ (writer + reader), automatic failover within 60 s',
  },
  atlasReplicaSet: {
    section: 'Availability › Bases de datos',
    text: 'MongoDB Atlas replica set of 3 nodes across 2+ AZs',
  },
  backups: {
    section: 'Availability › Backups',
    text: 'Daily automatic backups of Aurora and MongoDB Atlas, retained at least 30 days',
  },
  cache: {
    section: 'Availability › Cache',
    text: 'ElastiCache for Redis in Multi-AZ with automatic failover',
  },
  albHealthCheck: {
    section: 'Availability › Balanceador de Carga',
    text: 'ALB health checks: interval 10 s, timeout 5 s, unhealthy threshold 3',
  },
  availability: {
    section: 'Availability',
    text: '99.9 % availability: at most 43.8 minutes of downtime a month',
  },
  compute: {
    section: 'Availability › Kubernetes/EC2',
    text: 'Pods run on EKS over EC2 nodes spread across availability zones',
  },
  alarms: {
    section: 'Reliability',
    text: 'CloudWatch alarms send critical alerts through Amazon SNS to the support group',
  },
  scalability: {
    section: 'Scalability',
    text: 'The HPA grows the pods (4 vCPU / 8 GiB each) to meet the peak of 16,667 req/s at ~588 req/s effective per pod',
  },
} as const satisfies Record<string, Requirement>;
