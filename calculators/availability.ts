import type { ServiceName } from '../config/schema/infrastructure.js';
import { type Figure, figure, fmt } from './figure.js';

export const MINUTES_PER_YEAR = 525_600;
/** 8,760 h ÷ 12: the month the reference document's 43.8 min uses. */
export const MINUTES_PER_730H_MONTH = 730 * 60;
export const MINUTES_PER_30DAY_MONTH = 30 * 24 * 60;

export interface Component {
  name: string;
  /** Published availability, in percent. */
  slaPercent: number;
}

/** Components in series: every one must be up. */
export function serial(percents: number[]): number {
  return percents.reduce((product, p) => product * (p / 100), 1) * 100;
}

function product(components: Component[]): string {
  return components.map((c) => `${fmt(c.slaPercent, 3)} %`).join(' × ');
}

export function serialFigure(components: Component[], label: string): Figure {
  const value = serial(components.map((c) => c.slaPercent));
  return figure(
    value,
    '%',
    `${label}: product of ${components.map((c) => c.name).join(', ')}`,
    `${product(components)} = ${fmt(value, 4)} %`,
  );
}

export interface DowntimeBudget {
  perMonth: Figure;
  perMonth30Day: Figure;
  perYear: Figure;
}

export function downtimeBudget(availabilityPercent: number): DowntimeBudget {
  const unavailable = 1 - availabilityPercent / 100;
  const over = (minutes: number, period: string): Figure =>
    figure(
      unavailable * minutes,
      'min',
      `(1 − availability) × minutes per ${period}`,
      `(1 − ${fmt(availabilityPercent / 100, 6)}) × ${fmt(minutes)} = ${fmt(unavailable * minutes, 2)}`,
    );
  return {
    perMonth: over(MINUTES_PER_730H_MONTH, '730-hour month'),
    perMonth30Day: over(MINUTES_PER_30DAY_MONTH, '30-day month'),
    perYear: over(MINUTES_PER_YEAR, 'year'),
  };
}

export interface JourneyReport {
  service: ServiceName;
  components: Component[];
  availability: Figure;
  /** The component with the lowest availability, and its share of the journey's expected downtime. */
  dominant: Component & { shareOfDowntime: number };
  meetsTarget: boolean;
  expectedDowntime: DowntimeBudget;
  /** Target budget minus expected downtime, per 730-hour month; negative when the journey cannot meet it. */
  budgetLeftMinutesPerMonth: number;
}

export function journey(service: ServiceName, components: Component[], targetPercent: number): JourneyReport {
  const availability = serialFigure(components, `${service} critical path`);
  // The unavailabilities of near-1 components add up almost exactly, so each one's share is its own.
  const totalUnavailability = components.reduce((sum, c) => sum + (100 - c.slaPercent), 0);
  const weakest = components.reduce((low, c) => (c.slaPercent < low.slaPercent ? c : low));
  const expectedDowntime = downtimeBudget(availability.value);
  return {
    service,
    components,
    availability,
    dominant: { ...weakest, shareOfDowntime: (100 - weakest.slaPercent) / totalUnavailability },
    meetsTarget: availability.value >= targetPercent,
    expectedDowntime,
    budgetLeftMinutesPerMonth: downtimeBudget(targetPercent).perMonth.value - expectedDowntime.perMonth.value,
  };
}

export interface AvailabilityReport {
  targetPercent: number;
  /** The reference document's figure: the six published SLAs in series. */
  composite: Figure;
  meetsTarget: boolean;
  /** Every journey's availability reaches the target (the gate: a journey is what a user sees). */
  journeysMeetTarget: boolean;
  targetBudget: DowntimeBudget;
  compositeDowntime: DowntimeBudget;
  journeys: JourneyReport[];
}
