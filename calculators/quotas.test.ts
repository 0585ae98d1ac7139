import { describe, expect, it } from 'vitest';
import { parseSpec } from '../config/spec.js';
import { planCapacity } from './plan.js';
import { increaseCommand } from './quotas.js';

const quotas = planCapacity(parseSpec({})).quotas;
const quota = (code: string) => quotas.find((q) => q.quotaCode === code)!;

describe('the quotas the reference plan needs', () => {
  it('asks for 36 nodes × 8 vCPU = 288 On-Demand Standard vCPUs, above the default of 5', () => {
    expect(quota('L-1216C47A').needed.value).toBe(288);
    expect(quota('L-1216C47A').requestNeeded).toBe(true);
    expect(increaseCommand(quota('L-1216C47A'), 'us-east-1')).toBe(
      'aws service-quotas request-service-quota-increase --region us-east-1 --service-code ec2 --quota-code L-1216C47A --desired-value 288',
    );
  });

  it('asks for 16,667 req/s of API Gateway throttle, above the 10,000 default', () => {
    expect(quota('L-8A5B8E43').needed.value).toBe(16_667);
    expect(quota('L-8A5B8E43').requestNeeded).toBe(true);
  });

  it('fits the EKS node-group and NAT quotas without a request', () => {
    expect(quota('L-BD136A63').needed.value).toBe(36);
    expect(quota('L-BD136A63').requestNeeded).toBe(false);
    expect(quota('L-6D54EA21').requestNeeded).toBe(false);
    expect(quota('L-FE5A380F').needed.value).toBe(1);
    expect(quota('L-0263D0A3').needed.value).toBe(3);
  });
});
