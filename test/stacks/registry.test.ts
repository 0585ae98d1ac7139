import { beforeAll, describe, expect, it } from 'vitest';
import { synthEdgeAndWorkloads } from './edge-workloads-fixture.js';
import { environmentSpec, resourceList, resourcesOf, type SynthesizedPlatform, synthesize } from './synth.js';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('registry stack', () => {
  let prod: SynthesizedPlatform;
  beforeAll(() => {
    prod = synthesize(environmentSpec('prod'));
  });

  it('keeps one immutable, scanned, KMS-encrypted ECR repository per service', () => {
    const repositories = Object.values(resourcesOf(prod.stacks['prod-registry'], 'aws_ecr_repository'));
    expect(repositories.map((repository) => repository.name).sort()).toEqual([
      'promptsales-prod/business',
      'promptsales-prod/promptads',
      'promptsales-prod/promptcontent',
      'promptsales-prod/promptcrm',
    ]);
    for (const repository of repositories) {
      expect(repository).toMatchObject({
        image_tag_mutability: 'IMMUTABLE',
        image_scanning_configuration: { scan_on_push: true },
        encryption_configuration: [{ encryption_type: 'KMS', kms_key: expect.stringMatching(/aws_kms_key/) }],
      });
    }
  });

  it('runs prod images by the digest given at deploy time, in a variable that admits digests only', () => {
    const workloads = prod.stacks['prod-workloads']!;
    const deployment = Object.values(resourcesOf(workloads, 'kubernetes_deployment_v1'))[0]!;
    const reference = JSON.stringify(deployment.spec);
    expect(reference).toMatch(
      /cross-stack-output-aws_ecr_repository[^"]*repository_url\}@\$\{var\.image_digest_[a-z_]+_api_v1\}/,
    );
    const variable = workloads.variable?.image_digest_promptcontent_api_v1 as {
      validation: { condition: string }[];
    };
    expect(variable.validation[0]?.condition).toBe(
      `\${can(regex("^sha256:[0-9a-f]{64}$", var.image_digest_promptcontent_api_v1))}`,
    );
  });

  it('stops the synth of prod on a tag, naming the field', () => {
    const withTag = environmentSpec('prod', {
      workloads: { services: [{ name: 'business', port: 3004, versions: [{ version: 1, image: 'v7' }] }] },
    });
    expect(() => synthesize(withTag)).toThrow(
      /workloads\.services\.business\.versions\.v1\.image: the tag v7 can move; prod runs sha256:<digest>/,
    );
  });

  it('pins a digest the spec names in the service repository', () => {
    const { workloads } = synthEdgeAndWorkloads({
      workloads: {
        services: [{ name: 'business', port: 3004, versions: [{ version: 1, image: DIGEST }] }],
      },
    });
    const [deployment] = resourceList(workloads, 'kubernetes_deployment_v1');
    expect(JSON.stringify(deployment)).toContain(
      `111122223333.dkr.ecr.us-east-1.amazonaws.com/promptsales-dev/business@${DIGEST}`,
    );
  });
});
