export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** One synthesized resource (or data source) of a stack. */
export interface Resource {
  /** Terraform type, e.g. `aws_rds_cluster`. */
  type: string;
  name: string;
  /** `<type>.<name>` for resources, `data.<type>.<name>` for data sources. */
  address: string;
  values: Record<string, unknown>;
}

/** One `stacks/<name>/cdk.tf.json` file. */
export interface Stack {
  name: string;
  /** Path of the file as given on the command line's directory, POSIX separators. */
  file: string;
  /** Raw file text, kept to locate resources by line for SARIF. */
  text: string;
  resources: Resource[];
  dataSources: Resource[];
  outputs: Record<string, unknown>;
  /** Declared Terraform variables, by name. */
  variables: Record<string, unknown>;
}

/** Every stack of one cdktf output directory. */
export interface Workspace {
  dir: string;
  stacks: Stack[];
}

export type Status = 'pass' | 'fail' | 'unknown';

export type Verdict = { status: 'pass' } | { status: 'fail' | 'unknown'; messages: string[] };

export const pass = (): Verdict => ({ status: 'pass' });
export const fail = (...messages: string[]): Verdict => ({ status: 'fail', messages });
export const unknown = (...messages: string[]): Verdict => ({ status: 'unknown', messages });

/** A failure anywhere fails; otherwise anything unproven is unknown; only all-pass passes. */
export function combine(verdicts: Verdict[]): Verdict {
  const failed = verdicts.flatMap((v) => (v.status === 'fail' ? v.messages : []));
  if (failed.length > 0) return fail(...failed);
  const unproven = verdicts.flatMap((v) => (v.status === 'unknown' ? v.messages : []));
  if (unproven.length > 0) return unknown(...unproven);
  return pass();
}
