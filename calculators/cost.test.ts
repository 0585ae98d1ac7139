import { describe, expect, it } from 'vitest';
import { parseSpec } from '../config/spec.js';
import { estimateBill, priceOf } from './cost.js';

const spec = parseSpec({});
// The reference plan: node group 8..36, normal 1,666.67 req/s, peak 16,666.67 req/s.
const bill = estimateBill(spec, {
  minNodes: 8,
  maxNodes: 36,
  normalRps: 100_000 / 60,
  peakRps: 1_000_000 / 60,
});
const line = (key: string) => bill.lines.find((l) => l.key === key)!;

describe('estimateBill', () => {
  it('prices 8 and 36 r7i.2xlarge nodes × 730 h × $0.5292', () => {
    expect(line('nodes').atMin.value).toBeCloseTo(3_090.528, 6);
    expect(line('nodes').atMax.value).toBeCloseTo(13_907.376, 6);
  });

  it('prices the EKS control plane at 730 × $0.10 = $73', () => {
    expect(line('eksControlPlane').atMin.value).toBeCloseTo(73, 9);
  });

  it('prices three NAT gateways and 10 GiB per node through them', () => {
    // 3 × 730 × 0.045 = 98.55; 8 × 10 GiB = 85.899 GB × 0.045 = 3.8655 → 102.4155.
    expect(line('natGateways').atMin.value).toBeCloseTo(102.4155, 3);
  });

  it('estimates the ALB’s LCUs from the bytes the peak pushes through it', () => {
    // 16,666.67 × 4,096 B × 3,600 = 245.76 GB/h = 245.76 LCU; 730 × (0.0225 + 1.96608) = 730 × 1.98858 = 1,451.66.
    expect(line('alb').atMax.value).toBeCloseTo(1_451.6634, 3);
  });

  it('prices both Aurora clusters (writer + reader), the cache nodes and the Atlas tier', () => {
    // 2 × 730 × 0.276 = 402.96; 2 × 730 × 0.219 = 319.74; 730 × 0.54 = 394.20.
    expect(line('auroraPostgres').atMin.value).toBeCloseTo(402.96, 6);
    expect(line('auroraMysql').atMax.value).toBeCloseTo(402.96, 6);
    expect(line('elasticache').atMin.value).toBeCloseTo(319.74, 6);
    expect(line('atlas').atMin.value).toBeCloseTo(394.2, 6);
  });

  it('prices API Gateway requests in their tiers: 4,380 M normal requests cost $3,634', () => {
    // 1,666.67 × 2,628,000 s = 4,380 M: 300 × 1 + 700 × 0.9 + 3,380 × 0.8 = 300 + 630 + 2,704 = 3,634.
    expect(line('apiGateway').atMin.value).toBeCloseTo(3_634, 6);
    // 43,800 M: 300 + 630 + 42,800 × 0.8 = 35,170.
    expect(line('apiGateway').atMax.value).toBeCloseTo(35_170, 6);
  });

  it('prices CloudWatch Logs at 300 B per request: 1,314 GB × $0.50 = $657 at normal load', () => {
    expect(line('cloudwatchLogs').atMin.value).toBeCloseTo(657, 6);
  });

  it('adds the lines up, and names each price’s source and the date it was read', () => {
    const sum = bill.lines.reduce((total, l) => total + l.atMax.value, 0);
    expect(bill.totalAtMax.value).toBeCloseTo(sum, 9);
    for (const l of bill.lines) {
      for (const price of l.prices) {
        expect(price.source).toMatch(/^https:\/\//);
        // A day, or a month where only the month of the reading is known (the node price: 2026-01).
        expect(price.read).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      }
    }
  });

  it('takes an instance price from the spec when given, and says so', () => {
    const own = estimateBill(parseSpec({ instance: { pricePerHourUsd: 1 } }), {
      minNodes: 2,
      maxNodes: 2,
      normalRps: 1,
      peakRps: 1,
    });
    expect(own.lines[0]?.atMin.value).toBeCloseTo(1_460, 9);
    expect(own.lines[0]?.prices[0]?.source).toBe('spec: instance.pricePerHourUsd');
  });

  it('refuses an instance type the price list does not know, naming the field', () => {
    expect(priceOf('ec2:x9.huge')).toBeUndefined();
    expect(() =>
      estimateBill(parseSpec({ instance: { type: 'x9.huge' } }), {
        minNodes: 1,
        maxNodes: 1,
        normalRps: 1,
        peakRps: 1,
      }),
    ).toThrowError(/^instance\.type: calculators\/prices\.json has no us-east-1 price for "ec2:x9\.huge"/);
  });
});
