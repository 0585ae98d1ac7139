import { describe, expect, it } from 'vitest';
import { estimateCost } from './cost.js';

describe('estimateCost', () => {
  const cost = estimateCost(4, 30, 0.5292);

  it('prices 4 nodes × 730 h × $0.5292 = $1,545.26 a month', () => {
    expect(cost.monthlyAtMin.value).toBeCloseTo(1545.264, 6);
    expect(cost.monthlyAtMin.working).toContain('2,920 instance-hours');
  });

  it('prices 30 nodes × 730 h × $0.5292 = $11,589.48 a month', () => {
    expect(cost.monthlyAtMax.value).toBeCloseTo(11_589.48, 6);
  });
});
