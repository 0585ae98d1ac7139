import { describe, expect, it } from 'vitest';
import { downtimeBudget, journey, serial } from './availability.js';

const published = { alb: 99.99, eks: 99.95, ec2: 99.99, aurora: 99.99, atlas: 99.995, elasticache: 99.99 };

describe('serial composition', () => {
  it('multiplies the six published SLAs to the reference document’s 99.905 %', () => {
    expect(serial(Object.values(published)).toFixed(3)).toBe('99.905');
  });

  it('is the product of availabilities: two 99 % components in series give 98.01 %', () => {
    expect(serial([99, 99])).toBeCloseTo(98.01, 10);
  });
});

describe('downtimeBudget', () => {
  const budget = downtimeBudget(99.9);

  it('allows 43.8 min in a 730-hour month and 525.6 min a year at 99.9 %', () => {
    expect(budget.perMonth.value.toFixed(1)).toBe('43.8');
    expect(budget.perYear.value.toFixed(1)).toBe('525.6');
  });

  it('allows 43.2 min in a 30-day month', () => {
    expect(budget.perMonth30Day.value.toFixed(1)).toBe('43.2');
  });
});

describe('journey', () => {
  const alb = { name: 'ALB', slaPercent: published.alb };
  const eks = { name: 'EKS', slaPercent: published.eks };
  const ec2 = { name: 'EC2', slaPercent: published.ec2 };
  const redis = { name: 'ElastiCache', slaPercent: published.elasticache };
  const okta = { name: 'Okta', slaPercent: 99.99 };
  const aurora = { name: 'Aurora', slaPercent: published.aurora };
  const atlas = { name: 'Atlas', slaPercent: published.atlas };

  it('composes a SQL service’s path to 99.90004 %: it meets 99.9 % by 0.02 min a month', () => {
    const ads = journey('promptads', [alb, eks, ec2, aurora, redis, okta], 99.9);
    expect(ads.availability.value).toBeCloseTo(99.900035, 5);
    expect(ads.meetsTarget).toBe(true);
    expect(ads.budgetLeftMinutesPerMonth).toBeCloseTo(0.0153, 3);
  });

  it('fails the same path against a 99.95 % target', () => {
    expect(journey('promptads', [alb, eks, ec2, aurora, redis, okta], 99.95).meetsTarget).toBe(false);
  });

  it('names EKS as the dominant component: 0.05 of the 0.10 points of unavailability', () => {
    const ads = journey('promptads', [alb, eks, ec2, aurora, redis, okta], 99.9);
    expect(ads.dominant.name).toBe('EKS');
    expect(ads.dominant.shareOfDowntime).toBeCloseTo(0.5, 10);
  });

  it('gives PromptContent, on Atlas (99.995 %), a larger margin than the Aurora services', () => {
    const content = journey('promptcontent', [alb, eks, ec2, atlas, redis, okta], 99.9);
    expect(content.availability.value.toFixed(3)).toBe('99.905');
    expect(content.dominant.shareOfDowntime).toBeCloseTo(0.05 / 0.095, 10);
  });
});
