import type { Outcome } from './engine/evaluate.js';
import { evaluate } from './engine/evaluate.js';
import { loadWorkspace } from './engine/load.js';
import { SEVERITIES, type Severity, severityRank, type Workspace } from './engine/model.js';
import type { Rule } from './engine/rule.js';
import { type PackName, rulesInPack } from './packs.js';
import { applySuppressions, NO_SUPPRESSIONS, type Suppression, type SuppressionSet } from './suppressions.js';

export type FindingStatus = 'fail' | 'unknown' | 'suppressed';

/** An outcome that did not pass. */
export interface Finding {
  rule: Rule;
  status: FindingStatus;
  outcome: Outcome;
  message: string;
  suppression?: Suppression;
}

export interface Summary {
  pack: PackName;
  failOn: Severity;
  stacks: number;
  resources: number;
  rules: number;
  checks: number;
  passed: number;
  failed: number;
  unknown: number;
  suppressed: number;
  /** Unsuppressed fail and unknown findings by severity. */
  bySeverity: Record<Severity, number>;
  /** Unsuppressed findings at or above `failOn`: any of these fails the run. */
  blocking: number;
  expiredSuppressions: number;
  unusedSuppressions: number;
  result: 'pass' | 'fail';
}

export interface PolicyReport {
  workspace: Workspace;
  rules: Rule[];
  outcomes: Outcome[];
  findings: Finding[];
  expiredSuppressions: Suppression[];
  unusedSuppressions: Suppression[];
  summary: Summary;
}

export interface PolicyOptions {
  dir: string;
  pack: PackName;
  failOn: Severity;
  suppressions?: SuppressionSet;
  /** The day suppressions are checked against, YYYY-MM-DD (UTC); today when omitted. */
  today?: string;
}

export function runPolicy(options: PolicyOptions): PolicyReport {
  return checkWorkspace(loadWorkspace(options.dir), options);
}

export function checkWorkspace(workspace: Workspace, options: Omit<PolicyOptions, 'dir'>): PolicyReport {
  const rules = rulesInPack(options.pack);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const outcomes = evaluate(workspace, rules, { asOf: today });
  const { suppressedBy, expired, unused } = applySuppressions(
    outcomes,
    options.suppressions ?? NO_SUPPRESSIONS,
    today,
  );
  const findings: Finding[] = outcomes
    .filter((outcome) => outcome.status !== 'pass')
    .map((outcome): Finding => {
      const suppression = suppressedBy.get(outcome);
      return {
        rule: outcome.rule,
        status: suppression ? 'suppressed' : (outcome.status as 'fail' | 'unknown'),
        outcome,
        message: outcome.messages.join('; '),
        ...(suppression ? { suppression } : {}),
      };
    })
    .sort(bySeverityThenPlace);
  return {
    workspace,
    rules,
    outcomes,
    findings,
    expiredSuppressions: expired,
    unusedSuppressions: unused,
    summary: summarise(workspace, rules, outcomes, findings, options, expired.length, unused.length),
  };
}

export function isBlocking(finding: Finding, failOn: Severity): boolean {
  return finding.status !== 'suppressed' && severityRank(finding.rule.severity) >= severityRank(failOn);
}

function summarise(
  workspace: Workspace,
  rules: Rule[],
  outcomes: Outcome[],
  findings: Finding[],
  options: Omit<PolicyOptions, 'dir'>,
  expired: number,
  unused: number,
): Summary {
  const count = (status: FindingStatus) => findings.filter((finding) => finding.status === status).length;
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<
    Severity,
    number
  >;
  for (const finding of findings) if (finding.status !== 'suppressed') bySeverity[finding.rule.severity] += 1;
  const blocking = findings.filter((finding) => isBlocking(finding, options.failOn)).length;
  return {
    pack: options.pack,
    failOn: options.failOn,
    stacks: workspace.stacks.length,
    resources: workspace.stacks.reduce((total, stack) => total + stack.resources.length, 0),
    rules: rules.length,
    checks: outcomes.length,
    passed: outcomes.filter((outcome) => outcome.status === 'pass').length,
    failed: count('fail'),
    unknown: count('unknown'),
    suppressed: count('suppressed'),
    bySeverity,
    blocking,
    expiredSuppressions: expired,
    unusedSuppressions: unused,
    result: blocking > 0 || expired > 0 ? 'fail' : 'pass',
  };
}

function bySeverityThenPlace(a: Finding, b: Finding): number {
  return (
    a.outcome.stack.name.localeCompare(b.outcome.stack.name) ||
    severityRank(b.rule.severity) - severityRank(a.rule.severity) ||
    a.outcome.resource.address.localeCompare(b.outcome.resource.address) ||
    a.rule.id.localeCompare(b.rule.id)
  );
}
