import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CheckRecord } from './record.js';
import type { Severity } from './severity.js';
import type { Verdict } from './verdict.js';

export interface SecurityReport {
  date: string;
  rule: string;
  verdict: Verdict;
  setupProblems: string[];
  summary: {
    checks: number;
    passed: number;
    failed: number;
    notRun: number;
    bySeverity: Record<Severity, number>;
  };
  checks: CheckRecord[];
}

export function buildReport(
  records: CheckRecord[],
  verdict: Verdict,
  setupProblems: string[],
  now = new Date(),
): SecurityReport {
  const failed = records.filter((record) => record.outcome === 'fail');
  const count = (severity: Severity) => failed.filter((record) => record.severity === severity).length;
  return {
    date: now.toISOString(),
    rule: 'at most two critical findings, none of them in the OWASP Top 10 2021; every documented operation attacked',
    verdict,
    setupProblems,
    summary: {
      checks: records.length,
      passed: records.filter((record) => record.outcome === 'pass').length,
      failed: failed.length,
      notRun: records.filter((record) => record.outcome === 'not-run').length,
      bySeverity: {
        critical: count('critical'),
        high: count('high'),
        medium: count('medium'),
        low: count('low'),
      },
    },
    checks: records,
  };
}

/** `bench/results/security-<YYYY-MM-DD>.json` (under `directory`). */
export async function writeReport(report: SecurityReport, directory: string): Promise<string> {
  const file = `${directory}/security-${report.date.slice(0, 10)}.json`;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/** The summary table: one row per service and check family, then the failed checks and the verdict. */
export function summaryText(report: SecurityReport): string {
  const rows = new Map<string, { pass: number; fail: number; notRun: number }>();
  for (const record of report.checks) {
    const key = `${record.service.padEnd(14)} ${record.family.padEnd(22)}`;
    const row = rows.get(key) ?? { pass: 0, fail: 0, notRun: 0 };
    if (record.outcome === 'pass') row.pass++;
    else if (record.outcome === 'fail') row.fail++;
    else row.notRun++;
    rows.set(key, row);
  }
  const lines = [
    `${'service'.padEnd(14)} ${'family'.padEnd(22)} ${'pass'.padStart(5)} ${'fail'.padStart(5)} ${'not run'.padStart(8)}`,
  ];
  for (const [key, row] of [...rows].sort())
    lines.push(
      `${key} ${String(row.pass).padStart(5)} ${String(row.fail).padStart(5)} ${String(row.notRun).padStart(8)}`,
    );
  const failed = report.checks.filter((record) => record.outcome === 'fail');
  const order: Severity[] = ['critical', 'high', 'medium', 'low'];
  failed.sort((a, b) => order.indexOf(a.severity as Severity) - order.indexOf(b.severity as Severity));
  if (failed.length > 0) lines.push('', 'findings:');
  for (const record of failed.slice(0, 60))
    lines.push(
      `  ${record.severity.padEnd(8)} ${(record.owasp ?? '-').slice(0, 3)} ${record.service} ${record.operationId}: ${record.check}: ${record.detail}`,
    );
  if (failed.length > 60) lines.push(`  … and ${failed.length - 60} more in the report`);
  for (const problem of report.setupProblems) lines.push(`setup: ${problem}`);
  for (const missing of report.verdict.unattacked) lines.push(`not attacked: ${missing}`);
  const { critical, high, medium, low } = report.summary.bySeverity;
  lines.push(
    '',
    `${report.summary.checks} checks: ${report.summary.passed} passed, ${report.summary.failed} failed (${critical} critical, ${high} high, ${medium} medium, ${low} low), ${report.summary.notRun} not run`,
    report.verdict.passed
      ? 'security gate: PASS'
      : `security gate: FAIL: ${report.verdict.reasons.join('; ')}`,
  );
  return lines.join('\n');
}
