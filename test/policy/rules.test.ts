import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../policies/engine/evaluate.js';
import type { Rule } from '../../policies/engine/rule.js';
import { RULES } from '../../policies/rules/index.js';
import { applyMutation, compliantDocuments, workspaceOf } from './fixture.js';
import { FAILING_CASES } from './rule-cases/index.js';

// A rule whose only compliant form is the absence of the resource it reads.
const ABSENCE_RULES = new Set(['vpc-no-default-vpc']);
// Date-bound rules (the EKS calendar) judge against this day, so a calendar day never turns a test red.
const AS_OF = '2026-11-29';

describe('the compliant fixture', () => {
  const outcomes = evaluate(workspaceOf(compliantDocuments()), RULES, { asOf: AS_OF });

  it.each(RULES.filter((rule) => !ABSENCE_RULES.has(rule.id)).map((rule) => [rule.id]))(
    '%s passes on it',
    (id) => {
      const mine = outcomes.filter((outcome) => outcome.rule.id === id);
      expect(mine.length).toBeGreaterThan(0);
      expect(
        mine.filter((outcome) => outcome.status !== 'pass').map((o) => [o.resource.address, o.messages]),
      ).toEqual([]);
    },
  );
});

describe('each rule fails on a non-compliant change', () => {
  it.each(FAILING_CASES.map((c) => [`${c.rule}${c.title ? ` (${c.title})` : ''}`, c]))(
    '%s',
    (_name, ruleCase) => {
      const rule = RULES.find((candidate) => candidate.id === ruleCase.rule);
      expect(rule, `rule ${ruleCase.rule}`).toBeDefined();
      const documents = applyMutation(compliantDocuments(), ruleCase.mutation);
      const outcomes = evaluate(workspaceOf(documents), [rule!], { asOf: AS_OF });
      const stack = ruleCase.stack ?? ruleCase.mutation.stack ?? 'prod-platform';
      const address = ruleCase.address ?? ruleCase.mutation.address;
      const failing = outcomes.filter((outcome) => outcome.status === 'fail');
      expect(failing.map((outcome) => `${outcome.stack.name}/${outcome.resource.address}`)).toEqual([
        `${stack}/${address}`,
      ]);
      if (ruleCase.message) expect(failing[0]!.messages.join('; ')).toMatch(ruleCase.message);
    },
  );
});

describe('the rule catalogue', () => {
  it('has unique ids, every one with a failing case', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    const covered = new Set(FAILING_CASES.map((c) => c.rule));
    expect(ids.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('declares title, severity, resource types, help, and a reference section, an anchor or the deploy-readiness pack for each rule', () => {
    for (const rule of RULES) {
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(['low', 'medium', 'high', 'critical'], rule.id).toContain(rule.severity);
      expect(rule.resourceTypes.length, rule.id).toBeGreaterThan(0);
      expect(rule.help.length, rule.id).toBeGreaterThan(40);
      expect(
        rule.anchors.length > 0 || rule.requirement !== undefined || rule.deployReadiness === true,
        rule.id,
      ).toBe(true);
    }
  });

  it('registers exactly the rules of the files under policies/rules/<service>/, one per file', async () => {
    const root = 'policies/rules';
    const files = readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((service) => readdirSync(join(root, service.name)).map((file) => `${service.name}/${file}`));
    const ruleFiles = new Map<Rule, string>();
    for (const file of files) {
      const exports: Record<string, unknown> = await import(`../../${root}/${file}`);
      const rules = Object.values(exports).filter(isRule);
      expect(rules.length, `${file} exports more than one rule`).toBeLessThanOrEqual(1);
      if (rules[0]) ruleFiles.set(rules[0], file);
    }
    const unregistered = [...ruleFiles].filter(([rule]) => !RULES.includes(rule)).map(([, file]) => file);
    expect(unregistered, 'rule files missing from policies/rules/index.ts').toEqual([]);
    const withoutFile = RULES.filter((rule) => !ruleFiles.has(rule)).map((rule) => rule.id);
    expect(withoutFile, 'registered rules without a file of their own').toEqual([]);
  });
});

function isRule(value: unknown): value is Rule {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Rule>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.check === 'function' &&
    Array.isArray(candidate.resourceTypes)
  );
}
