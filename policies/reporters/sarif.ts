import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity, Stack } from '../engine/model.js';
import type { Rule } from '../engine/rule.js';
import type { Finding, PolicyReport } from '../run.js';
import { describeSuppression } from '../suppressions.js';
import { resourceLine } from './locate.js';

export const TOOL_NAME = 'promptsales-policy';
const TOOL_VERSION = '1.0.0';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

// GitHub code scanning ranks security results by this score (critical > 9.0, high 7.0-8.9, ...).
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
};

export interface SarifOptions {
  /** Directory that artifact URIs are relative to (the repository root); the working directory by default. */
  baseDir?: string;
}

/** A SARIF 2.1.0 log that GitHub code scanning accepts: one run, one rule descriptor per rule of the pack. */
export function renderSarif(report: PolicyReport, options: SarifOptions = {}): string {
  const baseDir = resolve(options.baseDir ?? process.cwd());
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            rules: report.rules.map(ruleDescriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...report.unusedSuppressions.map((suppression) => ({
                level: 'warning',
                message: { text: `Unused suppression: ${describeSuppression(suppression)}` },
              })),
              ...report.expiredSuppressions.map((suppression) => ({
                level: 'error',
                message: { text: `Expired suppression: ${describeSuppression(suppression)}` },
              })),
            ],
          },
        ],
        results: report.findings.map((finding) => result(finding, ruleIndex, baseDir)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(rule: Rule) {
  const anchors = rule.anchors.length > 0 ? rule.anchors.join(', ') : 'none';
  const requirement = rule.requirement ? `${rule.requirement.section}: ${rule.requirement.text}` : undefined;
  const parameters = Object.entries(rule.parameters).map(
    ([name, value]) => `${name} = ${JSON.stringify(value)}`,
  );
  const text = [
    rule.help,
    requirement ? `Reference requirement: ${requirement}.` : undefined,
    `Equivalent checks: ${anchors}.`,
    parameters.length > 0 ? `Parameters: ${parameters.join('; ')}.` : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
  const markdown = [
    rule.help,
    requirement
      ? `**Reference requirement** (${rule.requirement?.section}): ${rule.requirement?.text}`
      : undefined,
    `**Equivalent checks**: ${rule.anchors.map((anchor) => `\`${anchor}\``).join(', ') || 'none'}`,
    parameters.length > 0
      ? `**Parameters**: ${parameters.map((entry) => `\`${entry}\``).join(', ')}`
      : undefined,
    `**Applies to**: ${rule.resourceTypes.map((type) => `\`${type}\``).join(', ')}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: `${rule.title}. ${rule.help}` },
    help: { text, markdown },
    defaultConfiguration: { level: LEVEL[rule.severity], parameters: { ...rule.parameters } },
    properties: {
      tags: ['security', 'infrastructure', rule.severity, ...rule.anchors],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: 'high',
      severity: rule.severity,
      anchors: [...rule.anchors],
      ...(rule.requirement ? { requirement: { ...rule.requirement } } : {}),
    },
  };
}

function result(finding: Finding, ruleIndex: Map<string, number>, baseDir: string) {
  const { stack, resource } = finding.outcome;
  const unverified = finding.outcome.status === 'unknown';
  return {
    ruleId: finding.rule.id,
    ruleIndex: ruleIndex.get(finding.rule.id) ?? -1,
    // An unknown outcome is neither a pass nor a proven failure: SARIF's "review" kind, which carries no level.
    kind: unverified ? 'review' : 'fail',
    level: unverified ? 'none' : LEVEL[finding.rule.severity],
    message: { text: `${resource.address}: ${unverified ? 'cannot be verified: ' : ''}${finding.message}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(stack, baseDir) },
          region: { startLine: resourceLine(stack, resource.type, resource.name, resource.address) },
        },
        logicalLocations: [
          {
            name: resource.address,
            fullyQualifiedName: `${stack.name}/${resource.address}`,
            kind: 'resource',
          },
        ],
      },
    ],
    partialFingerprints: { 'promptsalesPolicy/v1': fingerprint(finding) },
    properties: { severity: finding.rule.severity, status: finding.status, stack: stack.name },
    ...(finding.suppression
      ? {
          suppressions: [{ kind: 'external', status: 'accepted', justification: finding.suppression.reason }],
        }
      : {}),
  };
}

/** A repository-relative path when the stack lies under `baseDir` (what GitHub expects), a file URL otherwise. */
function artifactUri(stack: Stack, baseDir: string): string {
  const absolute = resolve(stack.file);
  const fromBase = relative(baseDir, absolute);
  if (fromBase !== '' && !fromBase.startsWith('..') && !isAbsolute(fromBase)) {
    return fromBase.split(sep).map(encodeURIComponent).join('/');
  }
  return pathToFileURL(absolute).href;
}

function fingerprint(finding: Finding): string {
  const key = `${finding.rule.id}|${finding.outcome.stack.name}|${finding.outcome.resource.address}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
