import type { Operation } from './openapi.js';
import type { CheckFamily, CheckRecord } from './record.js';
import { TENANTLESS_OPERATIONS } from './scenario.js';
import { isOwaspTop10_2021 } from './severity.js';

/** The reference document's rule (Compliance): at most two critical findings, none in the OWASP Top 10 2021. */
export const MAX_CRITICAL = 2;

export interface Verdict {
  passed: boolean;
  criticals: number;
  criticalsInTop10: number;
  /** Operations of the documents that the suite did not attack with every check family they need. */
  unattacked: string[];
  reasons: string[];
}

/** The check families every documented operation must be attacked with (at least one check each actually made). */
export function requiredFamilies(op: Operation, exempt: boolean): CheckFamily[] {
  if (exempt) return [];
  return TENANTLESS_OPERATIONS.has(op.operationId) ? ['auth'] : ['auth', 'tenancy'];
}

export function judge(records: CheckRecord[], operations: { op: Operation; exempt: boolean }[]): Verdict {
  const failed = records.filter((record) => record.outcome === 'fail');
  const criticals = failed.filter((record) => record.severity === 'critical');
  const criticalsInTop10 = criticals.filter((record) => isOwaspTop10_2021(record.owasp)).length;
  const made = new Set(
    records
      .filter((record) => record.outcome !== 'not-run')
      .map((record) => `${record.service} ${record.operationId} ${record.family}`),
  );
  const unattacked = operations.flatMap(({ op, exempt }) => {
    const missing = requiredFamilies(op, exempt).filter(
      (family) => !made.has(`${op.service} ${op.operationId} ${family}`),
    );
    return missing.length > 0
      ? [`${op.service} ${op.operationId} (${op.method} ${op.path}): no ${missing.join(', ')} check`]
      : [];
  });
  const reasons = [
    ...(criticals.length > MAX_CRITICAL
      ? [`${criticals.length} critical findings (at most ${MAX_CRITICAL})`]
      : []),
    ...(criticalsInTop10 > 0
      ? [`${criticalsInTop10} critical findings in the OWASP Top 10 2021 (none allowed)`]
      : []),
    ...(unattacked.length > 0 ? [`${unattacked.length} documented operations not attacked`] : []),
  ];
  return { passed: reasons.length === 0, criticals: criticals.length, criticalsInTop10, unattacked, reasons };
}
