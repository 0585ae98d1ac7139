import { fail, pass, type Resource } from '../../engine/model.js';
import type { RuleContext } from '../../engine/rule.js';
import { defineRule } from '../../engine/rule.js';
import { blocks, valueAt } from '../../engine/values.js';
import { POD_TEMPLATE_TYPES, podSpecOf } from './workload.js';

const DIGEST = /@sha256:[0-9a-f]{64}$/;
/** `…@${var.name}`: a digest given at deploy time through a Terraform variable. */
const DIGEST_VARIABLE = /@\$\{var\.([A-Za-z_][\w-]*)\}$/;

/** The init and app containers of a Deployment's, Job's or CronJob's pod template. */
function containers(workload: Resource): Record<string, unknown>[] {
  const pod = podSpecOf(workload);
  return ['init_container', 'container'].flatMap((key) => blocks(pod?.[key]));
}

/** Whether the stack declares the variable with a validation that admits sha256 digests only. */
function validatedDigestVariable(name: string, context: RuleContext): boolean {
  const variable = context.stack.variables[name];
  return blocks(valueAt(variable, 'validation')).some((validation) =>
    String(validation.condition ?? '').includes('sha256:'),
  );
}

export const imagePinnedByDigest = defineRule({
  id: 'image-pinned-by-digest',
  title: 'Production pods run images pinned by digest',
  severity: 'high',
  resourceTypes: POD_TEMPLATE_TYPES,
  anchors: ['CKV_K8S_43'],
  deployReadiness: true,
  parameters: { environments: ['prod'] },
  help: `A tag can point at another image tomorrow; a digest cannot. In the environments listed, every container image must end in @sha256:<digest>, or in @\${var.<name>} where the variable only admits sha256 digests (the digest CI pushed to ECR, given at deploy time).`,
  check(workload, context, { environments }) {
    const environment = context.stack.name.split('-')[0] ?? '';
    if (!(environments as readonly string[]).includes(environment)) return pass();
    const unpinned = containers(workload)
      .map((container) => String(container.image ?? ''))
      .filter((image) => {
        if (DIGEST.test(image)) return false;
        const variable = DIGEST_VARIABLE.exec(image)?.[1];
        return !(variable && validatedDigestVariable(variable, context));
      });
    return unpinned.length === 0
      ? pass()
      : fail(...unpinned.map((image) => `image ${image} is not pinned by digest`));
  },
});
