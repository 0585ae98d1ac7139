import { SEVERITIES, type Severity } from '../engine/model.js';
import type { Finding, PolicyReport } from '../run.js';
import { describeSuppression } from '../suppressions.js';

const STATUS_LABEL: Record<Finding['status'], string> = {
  fail: 'FAIL',
  unknown: 'UNKNOWN',
  suppressed: 'SUPPRESSED',
};

/** Findings grouped by stack, then by severity from critical down, then a one-line verdict. */
export function renderTable(report: PolicyReport): string {
  const { summary } = report;
  const lines = [
    `PromptSales policy: pack ${summary.pack}, ${summary.rules} rules, ${summary.stacks} stacks, ${summary.resources} resources (fail on ${summary.failOn})`,
    '',
  ];
  for (const stack of report.workspace.stacks) {
    const findings = report.findings.filter((finding) => finding.outcome.stack === stack);
    if (findings.length === 0) {
      lines.push(`${stack.name}: no findings`, '');
      continue;
    }
    lines.push(`${stack.name} (${stack.file})`);
    for (const severity of [...SEVERITIES].reverse() as Severity[]) {
      const group = findings.filter((finding) => finding.rule.severity === severity);
      if (group.length === 0) continue;
      lines.push(`  ${severity.toUpperCase()}`);
      const ruleWidth = Math.max(...group.map((finding) => finding.rule.id.length));
      const addressWidth = Math.max(...group.map((finding) => finding.outcome.resource.address.length));
      for (const finding of group) {
        const detail = finding.suppression ? `suppressed: ${finding.suppression.reason}` : finding.message;
        lines.push(
          `    ${STATUS_LABEL[finding.status].padEnd(10)} ${finding.rule.id.padEnd(ruleWidth)}  ${finding.outcome.resource.address.padEnd(addressWidth)}  ${detail}`,
        );
      }
    }
    lines.push('');
  }
  for (const suppression of report.unusedSuppressions) {
    lines.push(`warning: unused suppression ${describeSuppression(suppression)}`);
  }
  for (const suppression of report.expiredSuppressions) {
    lines.push(
      `error: expired suppression ${describeSuppression(suppression)}: renew it with a reason or fix the finding`,
    );
  }
  if (report.unusedSuppressions.length + report.expiredSuppressions.length > 0) lines.push('');
  lines.push(
    `${summary.checks} checks: ${summary.passed} passed, ${summary.failed} failed, ${summary.unknown} unknown, ${summary.suppressed} suppressed`,
  );
  const counts = [...SEVERITIES]
    .reverse()
    .map((severity) => `${summary.bySeverity[severity]} ${severity}`)
    .join(', ');
  lines.push(`Unsuppressed findings: ${counts}`);
  lines.push(
    summary.result === 'pass'
      ? `PASS: nothing at or above ${summary.failOn}`
      : `FAIL: ${summary.blocking} finding(s) at or above ${summary.failOn}${summary.expiredSuppressions > 0 ? `, ${summary.expiredSuppressions} expired suppression(s)` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
