import { EcrLifecyclePolicy } from '@cdktf/provider-aws/lib/ecr-lifecycle-policy/index.js';
import { EcrRepository } from '@cdktf/provider-aws/lib/ecr-repository/index.js';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import type { ServiceName } from '../config/schema/infrastructure.js';
import { ManagedKey } from './constructs/kms-key.js';
import { PlatformStack, type PlatformStackProps, PROJECT } from './platform-stack.js';

/** `promptsales-prod/promptads`: one repository per service and environment. */
export function repositoryName(environment: string, service: string): string {
  return `${PROJECT}-${environment}/${service}`;
}

/** Untagged images (layers of replaced pushes) go after this many days. */
const UNTAGGED_EXPIRY_DAYS = 14;

/**
 * The services' container images: one ECR repository per service, tags immutable (a pushed tag
 * never moves), scanned on push, encrypted with a rotated customer-managed key. Applied first: CI
 * pushes the images here before the workloads stack runs them (docs/deploying.md, Images).
 *
 * Read by other stacks: `repositoryUrls` (by service).
 */
export class RegistryStack extends PlatformStack {
  readonly repositoryUrls: Partial<Record<ServiceName, string>>;

  constructor(scope: Construct, props: PlatformStackProps) {
    super(scope, 'registry', props);
    this.useAwsProvider();
    const key = new ManagedKey(this, 'images-key', {
      name: this.resourceName('images'),
      description: 'ECR repositories of the service images',
    });
    this.repositoryUrls = {};
    for (const { name: service } of this.spec.workloads.services) {
      const repository = new EcrRepository(this, `${service}-repository`, {
        name: repositoryName(this.environment, service),
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: [{ encryptionType: 'KMS', kmsKey: key.arn }],
      });
      new EcrLifecyclePolicy(this, `${service}-lifecycle`, {
        repository: repository.name,
        policy: JSON.stringify({
          rules: [
            {
              rulePriority: 1,
              description: `Untagged images after ${UNTAGGED_EXPIRY_DAYS} days`,
              selection: {
                tagStatus: 'untagged',
                countType: 'sinceImagePushed',
                countUnit: 'days',
                countNumber: UNTAGGED_EXPIRY_DAYS,
              },
              action: { type: 'expire' },
            },
          ],
        }),
      });
      this.repositoryUrls[service] = repository.repositoryUrl;
      new TerraformOutput(this, `${service}_repository_url`, { value: repository.repositoryUrl });
    }
  }
}
