/** A check of the reliability suite as its summary shows it: what the suite prints and the docs quote. */
export interface CheckOutcome {
  check: string;
  subject: string;
  passed: boolean;
  figures: Record<string, number | string>;
}

export const RELIABILITY_COLUMNS = ['check', 'subject', 'result', 'figures'];

export function reliabilityRow(outcome: CheckOutcome): string[] {
  return [
    outcome.check,
    outcome.subject,
    outcome.passed ? 'held' : 'FAILED',
    Object.entries(outcome.figures)
      .map(([name, value]) => `${name} ${value}`)
      .join(', '),
  ];
}
