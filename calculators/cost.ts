import { type Figure, figure, fmt } from './figure.js';

/** AWS bills instance-hours; its price pages use 730-hour months (8,760 h ÷ 12). */
export const HOURS_PER_MONTH = 730;

export interface CostEstimate {
  pricePerHourUsd: number;
  hoursPerMonth: number;
  monthlyAtMin: Figure;
  monthlyAtMax: Figure;
}

function monthly(nodes: number, pricePerHourUsd: number, label: string): Figure {
  const instanceHours = nodes * HOURS_PER_MONTH;
  const dollars = instanceHours * pricePerHourUsd;
  return figure(
    dollars,
    'USD/month',
    `${label} nodes × ${HOURS_PER_MONTH} h × price per hour`,
    `${nodes} × ${HOURS_PER_MONTH} × $${pricePerHourUsd} = ${fmt(instanceHours)} instance-hours = $${fmt(dollars)}`,
  );
}

export function estimateCost(minNodes: number, maxNodes: number, pricePerHourUsd: number): CostEstimate {
  return {
    pricePerHourUsd,
    hoursPerMonth: HOURS_PER_MONTH,
    monthlyAtMin: monthly(minNodes, pricePerHourUsd, 'minimum'),
    monthlyAtMax: monthly(maxNodes, pricePerHourUsd, 'maximum'),
  };
}
