import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { LocalBackend, S3Backend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { CapacityPlan } from '../calculators/plan-types.js';
import type { StateSpec } from '../config/schema/infrastructure.js';
import type { PlatformSpec } from '../config/spec.js';

export interface PlatformStackProps {
  spec: PlatformSpec;
  plan: CapacityPlan;
}

export const PROJECT = 'promptsales';

/** `prod-network`: the stack id cdktf synthesizes to `cdktf.out/stacks/prod-network`. */
export function stackId(environment: string, name: string): string {
  return `${environment}-${name}`;
}

/** `prod/network.tfstate`: one state object per environment and stack. */
export function stateKey(environment: string, name: string): string {
  return `${environment}/${name}.tfstate`;
}

/**
 * A stack of one environment: named `<env>-<name>`, with its own state (local for dev by default,
 * S3 + DynamoDB locking where the spec says so) and AWS providers tagged with project, environment
 * and stack. Every stack of the platform extends it.
 */
export abstract class PlatformStack extends TerraformStack {
  readonly spec: PlatformSpec;
  readonly plan: CapacityPlan;
  readonly environment: string;
  readonly stackName: string;
  private awsProvider?: AwsProvider;

  constructor(scope: Construct, name: string, props: PlatformStackProps) {
    const environment = props.spec.environment.name;
    super(scope, stackId(environment, name));
    this.spec = props.spec;
    this.plan = props.plan;
    this.environment = environment;
    this.stackName = name;
    this.configureState(props.spec.state);
  }

  /** The tags every resource of this stack carries (AWS through default_tags, others explicitly). */
  get tags(): Record<string, string> {
    return { project: PROJECT, environment: this.environment, stack: this.stackName };
  }

  /** `promptsales-prod-<suffix>`: a name unique to the project and environment. */
  resourceName(suffix: string): string {
    return `${PROJECT}-${this.environment}-${suffix}`;
  }

  /** The stack's AWS provider in the spec's region; created on first use. */
  protected useAwsProvider(): AwsProvider {
    this.awsProvider ??= new AwsProvider(this, 'aws', {
      region: this.spec.environment.region,
      defaultTags: [{ tags: this.tags }],
    });
    return this.awsProvider;
  }

  private configureState(state: StateSpec): void {
    const key = stateKey(this.environment, this.stackName);
    if (state.backend === 's3') {
      const backend = new S3Backend(this, {
        bucket: state.bucket,
        key,
        region: state.region,
        encrypt: state.encrypt,
        ...(state.dynamodbTable ? { dynamodbTable: state.dynamodbTable } : {}),
        ...(state.kmsKeyId ? { kmsKeyId: state.kmsKeyId } : {}),
      });
      // cdktf 0.21 predates the S3 backend's use_lockfile argument.
      if (state.useLockfile) backend.addOverride('use_lockfile', true);
      return;
    }
    new LocalBackend(this, {
      path: `${state.directory}/terraform.${stackId(this.environment, this.stackName)}.tfstate`,
    });
  }
}
