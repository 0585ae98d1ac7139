import { TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import type { DeploymentPlan } from '../../../calculators/plan-types.js';
import type { ServiceName } from '../../../config/schema/infrastructure.js';
import { SpecError } from '../../../config/spec.js';

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const PINNED_REFERENCE = /@sha256:[0-9a-f]{64}$/;

export interface ImageReferenceProps {
  /** Production runs only images pinned by digest. */
  requireDigest: boolean;
  /** The ECR repository URL of each service (registry stack). */
  repositoryUrls: Partial<Record<ServiceName, string>>;
}

/** `image_digest_promptads_api_v1`: where a deploy passes the digest CI pushed (TF_VAR_…). */
export function digestVariableName(deployment: DeploymentPlan): string {
  return `image_digest_${deployment.name.replaceAll('-', '_')}`;
}

/**
 * The image each deployment runs, by deployment name. The spec's `image` is a tag or a
 * `sha256:` digest in the service's ECR repository, or a whole reference (with a `/`); left out,
 * the tag `v<N>`, or, where digests are required, the digest given at deploy time in a Terraform
 * variable that admits nothing but a digest. A mutable tag where digests are required stops the
 * synth, naming the field.
 */
export function imageReferences(
  scope: Construct,
  deployments: DeploymentPlan[],
  props: ImageReferenceProps,
): Map<string, string> {
  const images = new Map<string, string>();
  const problems: string[] = [];
  for (const deployment of deployments) {
    const field = `workloads.services.${deployment.service}.versions.v${deployment.version}.image`;
    const image = deployment.image;
    if (image?.includes('/')) {
      if (props.requireDigest && !PINNED_REFERENCE.test(image)) {
        problems.push(`${field}: ${image} is not pinned by digest (…@sha256:<digest>), which prod requires`);
      }
      images.set(deployment.name, image);
      continue;
    }
    const repository = props.repositoryUrls[deployment.service];
    if (!repository) throw new Error(`no ECR repository for ${deployment.service}`);
    if (image && DIGEST.test(image)) {
      images.set(deployment.name, `${repository}@${image}`);
    } else if (props.requireDigest && image) {
      problems.push(
        `${field}: the tag ${image} can move; prod runs sha256:<digest>, or leave image out to pass the digest at deploy time`,
      );
    } else if (props.requireDigest) {
      const digest = new TerraformVariable(scope, digestVariableName(deployment), {
        type: 'string',
        nullable: false,
        description: `Digest of the ${deployment.service} image CI pushed to ${repository} (sha256:…)`,
        validation: [
          {
            condition: `\${can(regex("^sha256:[0-9a-f]{64}$", var.${digestVariableName(deployment)}))}`,
            errorMessage: 'an image digest such as sha256:<64 hexadecimal characters>',
          },
        ],
      });
      images.set(deployment.name, `${repository}@${digest.stringValue}`);
    } else {
      images.set(deployment.name, `${repository}:${image ?? `v${deployment.version}`}`);
    }
  }
  if (problems.length > 0) throw new SpecError('spec', problems);
  return images;
}
