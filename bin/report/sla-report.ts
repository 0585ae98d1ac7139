import type { AvailabilityReport } from '../../calculators/availability.js';
import { fmt } from '../../calculators/figure.js';
import { type ReportSection, row } from './sections.js';

export function slaSections(report: AvailabilityReport): ReportSection[] {
  const budget = report.targetBudget;
  const expected = report.compositeDowntime;
  return [
    {
      title: `Composite availability (reference document, Availability section; target ${report.targetPercent} %)`,
      rows: [
        row('compositeAvailability', 'Composite availability', report.composite),
        row('budgetPerMonth', 'Budget per 730-hour month', budget.perMonth),
        row('budgetPer30DayMonth', 'Budget per 30-day month', budget.perMonth30Day),
        row('budgetPerYear', 'Budget per year', budget.perYear),
        row('expectedDowntimePerMonth', 'Expected downtime per 730-hour month', expected.perMonth),
        row('expectedDowntimePerYear', 'Expected downtime per year', expected.perYear),
      ],
    },
    ...report.journeys.map((journey) => ({
      title:
        `Journey ${journey.service}: ${journey.components.map((c) => c.name).join(' → ')} — ` +
        `${journey.meetsTarget ? 'meets' : 'misses'} ${report.targetPercent} %; ` +
        `${journey.dominant.name} dominates (${fmt(journey.dominant.shareOfDowntime * 100, 1)} % of downtime); ` +
        `${fmt(journey.budgetLeftMinutesPerMonth)} min/month of budget left`,
      rows: [
        row(`${journey.service}.availability`, 'Availability', journey.availability),
        row(
          `${journey.service}.expectedDowntimePerMonth`,
          'Expected downtime per month',
          journey.expectedDowntime.perMonth,
        ),
      ],
    })),
  ];
}
