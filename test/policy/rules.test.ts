import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../policies/engine/evaluate.js';
import { RULES } from '../../policies/rules/index.js';
import { applyMutation, compliantDocuments, workspaceOf } from './fixture.js';
import { FAILING_CASES } from './rule-cases.js';

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
  it('has at least 45 rules with unique ids, every one with a failing case', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(ids.length).toBeGreaterThanOrEqual(45);
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

  it('registers every rule file: one rule per file under policies/rules/<service>/', () => {
    const root = 'policies/rules';
    const declared = readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((service) =>
        readdirSync(join(root, service.name)).flatMap((file) => {
          const source = readFileSync(join(root, service.name, file), 'utf8');
          const rules = [...source.matchAll(/export const \w+ = defineRule\(\{\s*id: '([^']+)'/g)].map(
            (m) => m[1],
          );
          expect(rules.length, `${service.name}/${file}`).toBeLessThanOrEqual(1);
          return rules;
        }),
      );
    expect([...declared].sort()).toEqual(RULES.map((rule) => rule.id).sort());
  });
});
