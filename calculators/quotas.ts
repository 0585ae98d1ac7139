import { type Figure, figure, fmt } from './figure.js';

/** One AWS account quota the plan needs, with its Service Quotas code and whether to ask for more. */
export interface QuotaNeed {
  service: string;
  serviceCode: string;
  quotaCode: string;
  name: string;
  needed: Figure;
  /** The AWS default for a new account (Service Quotas' default value), in the unit of `needed`. */
  awsDefault: number;
  adjustable: boolean;
  requestNeeded: boolean;
}

export interface QuotaInputs {
  maxNodes: number;
  vcpuPerNode: number;
  instanceType: string;
  peakRps: number;
  natGateways: number;
  zones: number;
  nodeGroups: number;
}

function need(base: Omit<QuotaNeed, 'requestNeeded' | 'needed'>, needed: Figure): QuotaNeed {
  return { ...base, needed, requestNeeded: needed.value > base.awsDefault };
}

/**
 * The quotas a first deploy of the plan meets, against the defaults of a new account (the
 * account's applied values may be higher: `aws service-quotas get-service-quota` shows them).
 */
export function quotaNeeds(inputs: QuotaInputs): QuotaNeed[] {
  const vcpus = inputs.maxNodes * inputs.vcpuPerNode;
  const natPerZone = Math.ceil(inputs.natGateways / inputs.zones);
  return [
    need(
      {
        service: 'Amazon EC2',
        serviceCode: 'ec2',
        quotaCode: 'L-1216C47A',
        name: 'Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances (vCPUs)',
        awsDefault: 5,
        adjustable: true,
      },
      figure(
        vcpus,
        'vCPUs',
        'node group maximum × vCPUs per node',
        `${inputs.maxNodes} × ${inputs.vcpuPerNode} (${inputs.instanceType}) = ${fmt(vcpus)} vCPUs`,
      ),
    ),
    need(
      {
        service: 'Amazon API Gateway',
        serviceCode: 'apigateway',
        quotaCode: 'L-8A5B8E43',
        name: 'Throttle rate (account-level, per Region, across HTTP, REST and WebSocket APIs; req/s)',
        awsDefault: 10_000,
        adjustable: true,
      },
      figure(
        Math.ceil(inputs.peakRps),
        'req/s',
        'peak req/s, rounded up',
        `ceil(${fmt(inputs.peakRps)}) = ${fmt(Math.ceil(inputs.peakRps))} req/s`,
      ),
    ),
    need(
      {
        service: 'Amazon EKS',
        serviceCode: 'eks',
        quotaCode: 'L-BD136A63',
        name: 'Nodes per managed node group',
        awsDefault: 450,
        adjustable: true,
      },
      figure(inputs.maxNodes, 'nodes', 'node group maximum', `${inputs.maxNodes} nodes`),
    ),
    need(
      {
        service: 'Amazon EKS',
        serviceCode: 'eks',
        quotaCode: 'L-6D54EA21',
        name: 'Managed node groups per cluster',
        awsDefault: 30,
        adjustable: true,
      },
      figure(inputs.nodeGroups, 'node groups', 'node groups of the cluster stack', `${inputs.nodeGroups}`),
    ),
    need(
      {
        service: 'Amazon VPC',
        serviceCode: 'vpc',
        quotaCode: 'L-FE5A380F',
        name: 'NAT gateways per Availability Zone',
        awsDefault: 5,
        adjustable: true,
      },
      figure(
        natPerZone,
        'NAT gateways',
        'ceil(NAT gateways ÷ zones)',
        `ceil(${inputs.natGateways} ÷ ${inputs.zones}) = ${natPerZone}`,
      ),
    ),
    need(
      {
        service: 'Amazon EC2',
        serviceCode: 'ec2',
        quotaCode: 'L-0263D0A3',
        name: 'EC2-VPC Elastic IPs',
        awsDefault: 5,
        adjustable: true,
      },
      figure(inputs.natGateways, 'addresses', 'one per NAT gateway', `${inputs.natGateways} NAT gateways`),
    ),
  ];
}

/** `aws service-quotas request-service-quota-increase …` for a quota that needs it. */
export function increaseCommand(quota: QuotaNeed, region: string): string {
  return (
    `aws service-quotas request-service-quota-increase --region ${region} --service-code ${quota.serviceCode} ` +
    `--quota-code ${quota.quotaCode} --desired-value ${quota.needed.value}`
  );
}
