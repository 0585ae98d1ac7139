import { beforeAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../config/spec.js';
import {
  kubernetesObject,
  required,
  resourcesOf,
  type SynthesizedStack,
  synthEdgeAndWorkloads,
} from './edge-workloads-fixture.js';

const ISSUER = 'https://promptsales.okta.com/oauth2/default';

let workloads: SynthesizedStack;
let plain: SynthesizedStack;

beforeAll(() => {
  plain = synthEdgeAndWorkloads().workloads;
  workloads = synthEdgeAndWorkloads(
    {},
    {
      shared: { OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: 'api://promptsales' },
      byService: { promptcontent: { MONGODB_DATABASE: 'content' } },
    },
  ).workloads;
});

function envFromOf(name: string): unknown {
  const deployment = required(kubernetesObject(workloads, 'kubernetes_deployment_v1', name), name);
  const spec = deployment.spec as { template: { spec: { container: { env_from?: unknown }[] } } };
  return spec.template.spec.container[0]?.env_from;
}

describe('workloads stack: container settings from other stacks', () => {
  it('writes one ConfigMap per service, the shared settings under its own', () => {
    const content = required(
      kubernetesObject(workloads, 'kubernetes_config_map_v1', 'promptcontent-settings'),
      'promptcontent-settings',
    );
    expect(content.data).toEqual({
      OIDC_ISSUER: ISSUER,
      OIDC_AUDIENCE: 'api://promptsales',
      MONGODB_DATABASE: 'content',
    });
    expect(kubernetesObject(workloads, 'kubernetes_config_map_v1', 'promptads-settings')?.data).toEqual({
      OIDC_ISSUER: ISSUER,
      OIDC_AUDIENCE: 'api://promptsales',
    });
    expect(resourcesOf(workloads, 'kubernetes_config_map_v1')).toHaveLength(4);
  });

  it('loads each service ConfigMap into the environment of every version of that service', () => {
    expect(envFromOf('promptcontent-api-v1')).toEqual([
      { config_map_ref: { name: 'promptcontent-settings' } },
    ]);
    expect(envFromOf('business-api-v1')).toEqual([{ config_map_ref: { name: 'business-settings' } }]);
  });

  it('writes no ConfigMap and no envFrom when there are no settings', () => {
    expect(resourcesOf(plain, 'kubernetes_config_map_v1')).toEqual([]);
    const deployment = required(
      kubernetesObject(plain, 'kubernetes_deployment_v1', 'promptads-api-v1'),
      'Deployment',
    );
    const spec = deployment.spec as { template: { spec: { container: { env_from?: unknown }[] } } };
    expect(spec.template.spec.container[0]?.env_from).toBeUndefined();
  });

  it('refuses credentials and the variables the pod template sets, naming each', () => {
    const attempt = () =>
      synthEdgeAndWorkloads(
        {},
        { shared: { REDIS_PASSWORD: 'x', PORT: '80' }, byService: { promptads: {} } },
      );
    expect(attempt).toThrow(SpecError);
    expect(attempt).toThrow(/shared\.REDIS_PASSWORD.*credential/);
    expect(attempt).toThrow(/shared\.PORT.*pod template/);
  });
});
