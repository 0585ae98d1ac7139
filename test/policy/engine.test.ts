import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../policies/engine/evaluate.js';
import { PolicyInputError } from '../../policies/engine/input-error.js';
import { parseStack } from '../../policies/engine/load.js';
import { fail } from '../../policies/engine/model.js';
import { ReferenceResolver } from '../../policies/engine/references.js';
import { defineRule, type Rule } from '../../policies/engine/rule.js';
import { blocks, valueAt } from '../../policies/engine/values.js';
import { rulesInPack } from '../../policies/packs.js';
import { RULES } from '../../policies/rules/index.js';
import { auroraKmsKey } from '../../policies/rules/rds/aurora-kms-key.js';
import { auroraStorageEncrypted } from '../../policies/rules/rds/aurora-storage-encrypted.js';
import { checkWorkspace } from '../../policies/run.js';
import { applyMutation, compliantDocuments, type Documents, workspaceOf } from './fixture.js';

const ref = (expression: string) => `\${${expression}}`;

function outcomeOf(documents: ReturnType<typeof compliantDocuments>, ruleId: string, address: string) {
  const rule = RULES.find((candidate) => candidate.id === ruleId)!;
  return evaluate(workspaceOf(documents), [rule]).find((outcome) => outcome.resource.address === address)!;
}

describe('references', () => {
  it('counts a reference to a resource of the same stack as set', () => {
    const documents = compliantDocuments();
    expect(outcomeOf(documents, 'aurora-kms-key', 'aws_rds_cluster.postgres').status).toBe('pass');
  });

  it('reports a reference outside the scanned output as unknown, never as a pass', () => {
    const documents = applyMutation(compliantDocuments(), {
      address: 'aws_rds_cluster.postgres',
      set: [['kms_key_id', ref('var.kms_key_arn')]],
    });
    const outcome = outcomeOf(documents, 'aurora-kms-key', 'aws_rds_cluster.postgres');
    expect(outcome.status).toBe('unknown');
    expect(outcome.messages[0]).toContain('var.kms_key_arn');
  });

  it('reports a reference to a resource the stack does not declare as unknown', () => {
    const documents = applyMutation(compliantDocuments(), {
      address: 'aws_rds_cluster.postgres',
      set: [['kms_key_id', ref('aws_kms_key.missing.arn')]],
    });
    expect(outcomeOf(documents, 'aurora-kms-key', 'aws_rds_cluster.postgres').status).toBe('unknown');
  });

  it('reports a reference to a looked-up data source as unknown: the key behind an alias may be AWS-managed', () => {
    const documents = applyMutation(compliantDocuments(), {
      address: 'aws_rds_cluster.postgres',
      set: [['kms_key_id', ref('data.aws_kms_alias.rds.target_key_arn')]],
    });
    documents['prod-platform']!.data = {
      ...(documents['prod-platform']!.data as object),
      aws_kms_alias: { rds: { name: 'alias/aws/rds' } },
    };
    expect(outcomeOf(documents, 'aurora-kms-key', 'aws_rds_cluster.postgres').status).toBe('unknown');
  });

  it('treats an unresolvable boolean as unknown', () => {
    const documents = applyMutation(compliantDocuments(), {
      address: 'aws_rds_cluster.postgres',
      set: [['storage_encrypted', ref('var.encrypted')]],
    });
    expect(outcomeOf(documents, 'aurora-storage-encrypted', 'aws_rds_cluster.postgres').status).toBe(
      'unknown',
    );
  });

  it('follows a cross-stack reference through the origin stack output', () => {
    const documents = compliantDocuments();
    expect(outcomeOf(documents, 'eks-node-group-multi-az', 'aws_eks_node_group.general').status).toBe('pass');
  });

  it('reports a cross-stack reference whose origin stack is not scanned as unknown', () => {
    const documents = compliantDocuments();
    delete documents['prod-network'];
    const outcome = outcomeOf(documents, 'eks-node-group-multi-az', 'aws_eks_node_group.general');
    expect(outcome.status).toBe('unknown');
  });

  it('reports an output of some other Terraform state as unknown', () => {
    const documents = applyMutation(compliantDocuments(), {
      address: 'aws_rds_cluster.postgres',
      set: [['kms_key_id', ref('data.terraform_remote_state.shared.outputs.kms_key_arn')]],
    });
    const data = documents['prod-platform']!.data as Record<string, Record<string, unknown>>;
    data.terraform_remote_state!.shared = {
      backend: 's3',
      config: { bucket: 'state', key: 'shared.tfstate' },
    };
    expect(outcomeOf(documents, 'aurora-kms-key', 'aws_rds_cluster.postgres').status).toBe('unknown');
  });

  it('follows configured arguments to their values and keeps computed attributes as references', () => {
    const documents = compliantDocuments();
    const workspace = workspaceOf(documents);
    const stack = workspace.stacks.find((candidate) => candidate.name === 'prod-platform')!;
    const resolver = new ReferenceResolver(workspace, stack);
    expect(resolver.resolve(ref('aws_s3_bucket.assets.bucket'))).toEqual({
      kind: 'literal',
      value: 'promptsales-assets',
    });
    expect(resolver.resolve(ref('aws_s3_bucket.assets.arn'))).toMatchObject({
      kind: 'reference',
      attribute: 'arn',
    });
    expect(resolver.resolve(`https://issuer/${ref('aws_cognito_user_pool.users.id')}`)).toMatchObject({
      kind: 'template',
    });
    expect(resolver.resolve(`https://issuer/${ref('var.pool')}`)).toMatchObject({ kind: 'unresolved' });
    expect(resolver.resolve(ref('jsonencode({a = 1})'))).toMatchObject({ kind: 'unresolved' });
    expect(resolver.resolve(undefined)).toEqual({ kind: 'absent' });
  });

  it('reads a zone picked by index from the region zone list as a distinct zone', () => {
    const documents = applyMutation(compliantDocuments(), {
      stack: 'prod-network',
      address: 'aws_subnet.private_a',
      set: [['availability_zone', ref('data.aws_availability_zones.available.names[0]')]],
    });
    applyMutation(documents, {
      stack: 'prod-network',
      address: 'aws_subnet.private_b',
      set: [['availability_zone', ref('element(data.aws_availability_zones.available.names, 1)')]],
    });
    expect(outcomeOf(documents, 'eks-node-group-multi-az', 'aws_eks_node_group.general').status).toBe('pass');
    applyMutation(documents, {
      stack: 'prod-network',
      address: 'aws_subnet.private_b',
      set: [['availability_zone', ref('var.zone')]],
    });
    expect(outcomeOf(documents, 'eks-node-group-multi-az', 'aws_eks_node_group.general').status).toBe(
      'unknown',
    );
  });
});

describe('values', () => {
  it('reads nested blocks written as objects or as single-element lists the same way', () => {
    expect(
      valueAt({ spec: [{ selector: { match_labels: { a: '1' } } }] }, 'spec.selector.match_labels'),
    ).toEqual({ a: '1' });
    expect(
      valueAt({ spec: { selector: [{ match_labels: { a: '1' } }] } }, 'spec.selector.match_labels'),
    ).toEqual({ a: '1' });
    expect(blocks({ a: 1 })).toEqual([{ a: 1 }]);
    expect(blocks([{ a: 1 }, 'x'])).toEqual([{ a: 1 }]);
  });
});

describe('unknown outcomes', () => {
  it('are counted in the summary and fail the run at or above the threshold', () => {
    const documents = applyMutation(compliantDocuments(), {
      address: 'aws_rds_cluster.postgres',
      set: [['storage_encrypted', ref('var.encrypted')]],
    });
    const report = checkWorkspace(workspaceOf(documents), { pack: 'all', failOn: 'high' });
    expect(report.summary.unknown).toBe(1);
    expect(report.summary.failed).toBe(0);
    expect(report.summary.result).toBe('fail');
    expect(checkWorkspace(workspaceOf(documents), { pack: 'all', failOn: 'critical' }).summary.result).toBe(
      'pass',
    );
  });

  it('come from ALB annotations that are expressions', () => {
    const annotations = ['metadata', 'annotations'];
    const documents = applyMutation(compliantDocuments(), {
      address: 'kubernetes_ingress_v1.api',
      set: [
        [[...annotations, 'alb.ingress.kubernetes.io/ssl-policy'], ref('var.ssl_policy')],
        [[...annotations, 'alb.ingress.kubernetes.io/ssl-redirect'], ref('var.https_port')],
        [
          [...annotations, 'alb.ingress.kubernetes.io/load-balancer-attributes'],
          `deletion_protection.enabled=${ref('var.protect')}`,
        ],
      ],
    });
    for (const rule of ['alb-tls-policy', 'alb-http-redirect', 'alb-deletion-protection']) {
      expect(outcomeOf(documents, rule, 'kubernetes_ingress_v1.api').status, rule).toBe('unknown');
    }
  });

  it('come from an HPA without the capacity annotations', () => {
    const documents = applyMutation(compliantDocuments(), {
      address: 'kubernetes_horizontal_pod_autoscaler_v2.api',
      unset: ['metadata.annotations'],
    });
    const outcome = outcomeOf(documents, 'hpa-bounds', 'kubernetes_horizontal_pod_autoscaler_v2.api');
    expect(outcome.status).toBe('unknown');
    expect(outcome.messages[0]).toContain('capacity.promptsales.io/effective-rps-per-pod');
  });

  it('are what a rule that throws on an unexpected shape produces', () => {
    const throwing = defineRule({
      id: 'throws',
      title: 'A rule that cannot read its input',
      severity: 'low',
      resourceTypes: ['aws_vpc'],
      anchors: [],
      help: 'test',
      check: () => {
        throw new Error('unexpected shape');
      },
    });
    const [outcome] = evaluate(workspaceOf(compliantDocuments()), [throwing]);
    expect(outcome).toMatchObject({
      status: 'unknown',
      messages: ['could not be evaluated: unexpected shape'],
    });
  });
});

describe('evaluation', () => {
  it('runs a rule only on the resource types it reads', () => {
    const rule = defineRule({
      id: 'only-vpcs',
      title: 'Only VPCs are read here',
      severity: 'low',
      resourceTypes: ['aws_vpc'],
      anchors: [],
      help: 'test',
      check: () => fail('x'),
    });
    const outcomes = evaluate(workspaceOf(compliantDocuments()), [rule]);
    expect(outcomes.map((outcome) => outcome.resource.address)).toEqual(['aws_vpc.main']);
  });

  it('runs a rule on a data source only when it names the type as data.<type>', () => {
    const documents: Documents = {
      'prod-x': {
        data: { aws_iam_policy: { lookup: { name: 'ReadOnlyAccess' } } },
        resource: { aws_iam_policy: { own: { policy: '{}' } } },
      },
    };
    const reading = (resourceTypes: string[]) =>
      evaluate(workspaceOf(documents), [
        defineRule({
          id: 'reads-policies',
          title: 'Reads IAM policies here',
          severity: 'low',
          resourceTypes,
          anchors: [],
          help: 'test',
          check: () => fail('x'),
        }),
      ]).map((outcome) => outcome.resource.address);
    expect(reading(['aws_iam_policy'])).toEqual(['aws_iam_policy.own']);
    expect(reading(['data.aws_iam_policy'])).toEqual(['data.aws_iam_policy.lookup']);
  });

  it('rejects a stack document whose resource section is not named blocks, naming the place', () => {
    expect(() => parseStack('x', 'x.json', '{}', { resource: { aws_vpc: 'nope' } })).toThrow(
      PolicyInputError,
    );
    expect(() => parseStack('x', 'x.json', '{}', { resource: { aws_vpc: 'nope' } })).toThrow(
      /x.json: resource.aws_vpc/,
    );
  });
});

describe('packs', () => {
  it('splits the rules into the reference requirements and the shared AWS checks', () => {
    const nfr = rulesInPack('nfr');
    const aws = rulesInPack('aws');
    expect(nfr.every((rule) => rule.requirement !== undefined)).toBe(true);
    expect(nfr).toContain(auroraStorageEncrypted);
    expect(aws).toContain(auroraKmsKey);
    expect(aws.find((rule) => rule.id === 'hpa-bounds')).toBeUndefined();
    expect(rulesInPack('all')).toHaveLength(RULES.length);
    expect(new Set([...nfr, ...aws]).size).toBeLessThanOrEqual(RULES.length);
  });

  it('holds in the iam pack exactly the rules of the files under policies/rules/iam/', async () => {
    const folder = 'policies/rules/iam';
    const exported = await Promise.all(
      readdirSync(folder).map(async (file) => Object.values(await import(`../../${folder}/${file}`))),
    );
    const inFolder = exported.flat().filter((value) => RULES.includes(value as Rule));
    expect(inFolder.length).toBeGreaterThan(0);
    expect(new Set(rulesInPack('iam'))).toEqual(new Set(inFolder));
  });
});
