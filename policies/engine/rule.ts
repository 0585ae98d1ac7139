import type { Resource, Severity, Stack, Verdict, Workspace } from './model.js';
import type { Resolved } from './references.js';

/** The reference document's requirement a rule enforces: its section and what it says. */
export interface Requirement {
  section: string;
  text: string;
}

export type ParameterValue = number | string | boolean | readonly (number | string)[];
export type Parameters = Readonly<Record<string, ParameterValue>>;

/** What a rule may read besides its resource: the rest of its stack, and references resolved. */
export interface RuleContext {
  stack: Stack;
  workspace: Workspace;
  resolve(value: unknown): Resolved;
  /** Resources of the same stack with the given type. */
  ofType(type: string): Resource[];
  /** The day date-bound rules judge against, YYYY-MM-DD (UTC): today unless a run pins it. */
  asOf: string;
}

export interface RuleMetadata {
  /** Stable identifier used by suppressions and reports, e.g. `aurora-backup-retention`. */
  id: string;
  title: string;
  severity: Severity;
  /**
   * Terraform resource types the rule reads; a data source type is written `data.<type>`
   * (`data.aws_iam_policy_document`); `EVERY_BLOCK` reads every resource, data source and output of
   * a stack (outputs as type `output`, address `output.<name>`).
   */
  resourceTypes: readonly string[];
  /** Set for the rules that catch what would fail a first `terraform apply` (the `deploy-readiness` pack). */
  deployReadiness?: true;
  /** Present when the rule enforces a requirement of the reference document (the `nfr` pack). */
  requirement?: Requirement;
  /**
   * The equivalent checks of other tools (the `aws` pack), written with their usual prefixes:
   * `AwsSolutions-RDS2` or `cdk-nag:<RuleName>`, `CKV_AWS_96`, `AVD-AWS-0079`, `FSBP:<policy>`,
   * `Prowler:<check>`, `CKV_K8S_<n>`.
   */
  anchors: readonly string[];
  /** What the rule checks, why, and how to fix a finding. */
  help: string;
}

export const EVERY_BLOCK = '*';

export interface Rule extends RuleMetadata {
  parameters: Parameters;
  check(resource: Resource, context: RuleContext): Verdict;
}

export interface RuleDefinition<P extends Parameters> extends RuleMetadata {
  parameters?: P;
  check(resource: Resource, context: RuleContext, parameters: P): Verdict;
}

/** Declares a rule; its thresholds live in `parameters` so reports can show them. */
export function defineRule<const P extends Parameters = Record<never, never>>(
  definition: RuleDefinition<P>,
): Rule {
  const parameters = (definition.parameters ?? {}) as P;
  return {
    ...definition,
    parameters,
    check: (resource, context) => definition.check(resource, context, parameters),
  };
}
