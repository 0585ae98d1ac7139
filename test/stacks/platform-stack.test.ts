import { beforeAll, describe, expect, it } from 'vitest';
import { stackId, stateKey } from '../../stacks/platform-stack.js';
import { environmentSpec, type SynthesizedPlatform, synthesize } from './synth.js';

const STACKS = [
  'registry',
  'network',
  'cluster',
  'data',
  'atlas',
  'identity',
  'workloads',
  'edge',
  'observability',
];

describe('platform stacks', () => {
  let prod: SynthesizedPlatform;
  let dev: SynthesizedPlatform;
  beforeAll(() => {
    prod = synthesize(environmentSpec('prod'));
    dev = synthesize(environmentSpec('dev'));
  });

  it('names every stack <env>-<name>', () => {
    expect(Object.keys(prod.stacks).sort()).toEqual(STACKS.map((name) => stackId('prod', name)).sort());
    expect(Object.keys(dev.stacks).sort()).toEqual(STACKS.map((name) => stackId('dev', name)).sort());
  });

  it('keeps prod state in S3 locked with an S3 lock file, one key per stack', () => {
    for (const name of STACKS) {
      expect(prod.stacks[`prod-${name}`]?.terraform.backend).toEqual({
        s3: {
          bucket: 'promptsales-terraform-state',
          key: stateKey('prod', name),
          region: 'us-east-1',
          use_lockfile: true,
          encrypt: true,
        },
      });
    }
  });

  it('keeps dev state in local files by default', () => {
    for (const name of STACKS) {
      expect(dev.stacks[`dev-${name}`]?.terraform.backend).toEqual({
        local: { path: `../../../terraform.dev-${name}.tfstate` },
      });
    }
  });

  it('switches dev to S3 when its spec says so', () => {
    const remote = synthesize(
      environmentSpec('dev', {
        state: { backend: 's3', bucket: 'dev-state', region: 'eu-west-1', dynamodbTable: 'dev-locks' },
      }),
    );
    expect(remote.stacks['dev-data']?.terraform.backend?.s3).toMatchObject({
      bucket: 'dev-state',
      key: 'dev/data.tfstate',
      region: 'eu-west-1',
      dynamodb_table: 'dev-locks',
      encrypt: true,
    });
  });

  it('locks S3 state with a lock file when the spec asks, with or without DynamoDB', () => {
    const lockfile = synthesize(
      environmentSpec('dev', {
        state: { backend: 's3', bucket: 'dev-state', region: 'eu-west-1', useLockfile: true },
      }),
    );
    expect(lockfile.stacks['dev-network']?.terraform.backend?.s3).toEqual({
      bucket: 'dev-state',
      key: 'dev/network.tfstate',
      region: 'eu-west-1',
      encrypt: true,
      use_lockfile: true,
    });
    expect(() =>
      environmentSpec('dev', { state: { backend: 's3', bucket: 'dev-state', region: 'eu-west-1' } }),
    ).toThrow(/state\.dynamodbTable: S3 state needs a lock/);
  });

  it('tags every AWS resource with project, environment and stack through the provider', () => {
    for (const name of STACKS.filter((stack) => stack !== 'identity')) {
      const [aws] = prod.stacks[`prod-${name}`]?.provider?.aws ?? [];
      expect(aws).toMatchObject({
        region: prod.spec.environment.region,
        default_tags: [{ tags: { project: 'promptsales', environment: 'prod', stack: name } }],
      });
    }
  });

  it('deploys observability after the edge stack whose load balancer its alarms watch', () => {
    expect(prod.dependencies['prod-observability']).toEqual(
      expect.arrayContaining(['prod-edge', 'prod-cluster', 'prod-data']),
    );
    expect(prod.dependencies['prod-edge']).toEqual(
      expect.arrayContaining(['prod-workloads', 'prod-cluster', 'prod-network']),
    );
    expect(prod.dependencies['prod-network']).toEqual([]);
    expect(prod.dependencies['prod-identity']).toEqual([]);
  });

  it('reads other stacks only through remote state of the same environment', () => {
    const remote = prod.stacks['prod-cluster']?.data?.terraform_remote_state ?? {};
    const sources = Object.values(remote).map((r) => (r.config as { key: string }).key);
    expect(sources).toEqual(['prod/network.tfstate']);
  });
});
