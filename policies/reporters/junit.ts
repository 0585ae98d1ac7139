import type { Outcome } from '../engine/evaluate.js';
import type { PolicyReport } from '../run.js';
import { resourceLine } from './locate.js';

/** JUnit XML: one test suite per stack, one test case per rule × resource. */
export function renderJunit(report: PolicyReport): string {
  const findingOf = new Map(report.findings.map((finding) => [finding.outcome, finding]));
  const suites = report.workspace.stacks.map((stack) => {
    const outcomes = report.outcomes.filter((outcome) => outcome.stack === stack);
    const count = (predicate: (outcome: Outcome) => boolean) => outcomes.filter(predicate).length;
    const suppressed = (outcome: Outcome) => findingOf.get(outcome)?.status === 'suppressed';
    const failures = count((outcome) => outcome.status === 'fail' && !suppressed(outcome));
    const errors = count((outcome) => outcome.status === 'unknown' && !suppressed(outcome));
    const skipped = count(suppressed);
    const cases = outcomes.map((outcome) => {
      const finding = findingOf.get(outcome);
      const attributes = attrs({
        classname: `${stack.name}.${outcome.rule.id}`,
        name: outcome.resource.address,
        file: stack.file,
        line: resourceLine(stack, outcome.resource.type, outcome.resource.name, outcome.resource.address),
      });
      if (!finding) return `    <testcase ${attributes}/>`;
      const detail = text(
        `${outcome.rule.title} [${outcome.rule.severity}]\n${finding.message}\nEquivalent checks: ${outcome.rule.anchors.join(', ') || 'none'}\n${outcome.rule.help}`,
      );
      if (finding.suppression) {
        return `    <testcase ${attributes}>\n      <skipped ${attrs({ message: `suppressed: ${finding.suppression.reason}` })}/>\n    </testcase>`;
      }
      const element = finding.status === 'unknown' ? 'error' : 'failure';
      const type = finding.status === 'unknown' ? 'unknown' : outcome.rule.severity;
      return `    <testcase ${attributes}>\n      <${element} ${attrs({ type, message: finding.message })}>${detail}</${element}>\n    </testcase>`;
    });
    const suiteAttributes = attrs({
      name: stack.name,
      tests: outcomes.length,
      failures,
      errors,
      skipped,
      file: stack.file,
    });
    return `  <testsuite ${suiteAttributes}>\n${cases.join('\n')}\n  </testsuite>`;
  });
  const { summary } = report;
  const totals = attrs({
    name: `promptsales policy (${summary.pack})`,
    tests: summary.checks,
    failures: report.findings.filter((finding) => finding.status === 'fail').length,
    errors: report.findings.filter((finding) => finding.status === 'unknown').length,
    skipped: summary.suppressed,
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${totals}>\n${suites.join('\n')}\n</testsuites>\n`;
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}="${escapeXml(String(value), true)}"`)
    .join(' ');
}

function text(value: string): string {
  return escapeXml(value, false);
}

function escapeXml(value: string, attribute: boolean): string {
  const cleaned = [...value].filter((char) => isXmlChar(char.codePointAt(0) ?? 0)).join('');
  const escaped = cleaned.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute
    ? escaped.replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')
    : escaped;
}

/** XML 1.0 cannot carry most control characters at all, even escaped. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}
