import { describe, expect, it } from 'vitest';
import { evaluate } from '../../policies/engine/evaluate.js';
import { rulesInPack } from '../../policies/packs.js';
import { RULES } from '../../policies/rules/index.js';
import { compliantDocuments, workspaceOf } from './fixture.js';

const ruleById = (id: string) => RULES.find((rule) => rule.id === id)!;
const AS_OF = '2026-11-29';

describe('the deploy-readiness pack', () => {
  it('holds the first-apply checks and the EKS calendar rules', () => {
    expect(
      rulesInPack('deploy-readiness')
        .map((rule) => rule.id)
        .sort(),
    ).toEqual(
      [
        'acm-validation-records',
        'alb-controller-webhook-order',
        'apigateway-throttle-within-account-quota',
        'aurora-minor-version-drift',
        'depends-on-static-reference',
        'eks-private-endpoint-reachable',
        'eks-supported-version',
        'eks-version-support-ending',
        'image-pinned-by-digest',
      ].sort(),
    );
  });
});

describe('depends-on-static-reference', () => {
  const failuresWith = (section: 'data' | 'output', block: Record<string, unknown>) => {
    const documents = compliantDocuments();
    const document = documents['prod-platform']!;
    if (section === 'output') (document.output as Record<string, unknown>).broken = block;
    else (document.data as Record<string, Record<string, unknown>>).aws_lb = { broken: block };
    return evaluate(workspaceOf(documents), [ruleById('depends-on-static-reference')], { asOf: AS_OF })
      .filter((outcome) => outcome.status === 'fail')
      .map((outcome) => outcome.resource.address);
  };

  it('reads outputs: a template or an attribute fails, the bare address passes', () => {
    // What cdktf wrote for the Atlas stack's connection string: "A single static variable reference is required".
    const template = { value: 'x', depends_on: [`\${aws_eks_cluster.main}`] };
    expect(failuresWith('output', template)).toEqual(['output.broken']);
    const attribute = { value: 'x', depends_on: ['aws_eks_cluster.main.arn'] };
    expect(failuresWith('output', attribute)).toEqual(['output.broken']);
    expect(failuresWith('output', { value: 'x', depends_on: ['aws_eks_cluster.main'] })).toEqual([]);
  });

  it('reads data sources: an indexed reference fails', () => {
    const indexed = { name: 'api', depends_on: ['aws_eks_node_group.general[0]'] };
    expect(failuresWith('data', indexed)).toEqual(['data.aws_lb.broken']);
    expect(failuresWith('data', { name: 'api', depends_on: ['data.aws_caller_identity.current'] })).toEqual(
      [],
    );
  });
});

describe('eks-supported-version against its calendar', () => {
  const verdict = (version: string, asOf: string) => {
    const documents = compliantDocuments();
    const cluster = documents['prod-platform']!.resource!.aws_eks_cluster!.main!;
    cluster.version = version;
    const [outcome] = evaluate(workspaceOf(documents), [ruleById('eks-supported-version')], { asOf });
    return outcome!.status;
  };

  it('passes on the last day of standard support and fails the day after (1.34 ends 2026-12-02)', () => {
    expect(verdict('1.34', '2026-12-01')).toBe('pass');
    expect(verdict('1.34', '2026-12-02')).toBe('fail');
  });

  it('fails a version EKS had not released yet on that day', () => {
    expect(verdict('1.35', '2026-01-01')).toBe('fail');
  });
});
