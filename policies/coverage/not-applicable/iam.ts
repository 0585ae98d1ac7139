import type { NotApplicable } from './declaration.js';

/** IAM-family scanner checks, and Checkov's other data-source checks, that our stacks give nothing to check. */
export const IAM_NOT_APPLICABLE: NotApplicable[] = [
  {
    check: 'CKV2_AWS_68',
    reason:
      'The check reports on SageMaker notebook instances and reads the role attached to one; the stacks create no SageMaker notebook, so no role is attached to one.',
    confirmedBy: { kind: 'type-absent', type: 'aws_sagemaker_notebook_instance' },
  },
  {
    check: 'CKV_AWS_386',
    reason:
      'The check reads data.aws_ami lookups for a missing owner filter (the WhoAMI name-confusion attack); the stacks look up no AMI: the EKS managed node group runs the EKS-optimized image its ami_type names (AL2023_x86_64_STANDARD).',
    confirmedBy: { kind: 'type-absent', type: 'data.aws_ami' },
  },
];
