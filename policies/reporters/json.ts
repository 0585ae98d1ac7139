import type { Finding, PolicyReport } from '../run.js';
import type { Suppression } from '../suppressions.js';

export interface JsonFinding {
  rule: string;
  severity: string;
  status: Finding['status'];
  stack: string;
  address: string;
  message: string;
  anchors: string[];
  suppression?: { reason: string; expires?: string };
}

function suppressionView(suppression: Suppression) {
  return {
    rule: suppression.rule,
    address: suppression.address,
    stack: suppression.stack,
    reason: suppression.reason,
    ...(suppression.expires ? { expires: suppression.expires } : {}),
  };
}

export function toJsonFinding(finding: Finding): JsonFinding {
  return {
    rule: finding.rule.id,
    severity: finding.rule.severity,
    status: finding.status,
    stack: finding.outcome.stack.name,
    address: finding.outcome.resource.address,
    message: finding.message,
    anchors: [...finding.rule.anchors],
    ...(finding.suppression
      ? {
          suppression: {
            reason: finding.suppression.reason,
            ...(finding.suppression.expires ? { expires: finding.suppression.expires } : {}),
          },
        }
      : {}),
  };
}

/** `{ summary, findings }`: passes are counted in the summary, every other outcome is a finding. */
export function renderJson(report: PolicyReport): string {
  const document = {
    summary: {
      ...report.summary,
      suppressions: {
        expired: report.expiredSuppressions.map(suppressionView),
        unused: report.unusedSuppressions.map(suppressionView),
      },
    },
    findings: report.findings.map(toJsonFinding),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
