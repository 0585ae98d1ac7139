import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PodRuntimeSchema } from '../../config/schema/edge-workloads.js';
import { evaluate } from '../../policies/engine/evaluate.js';
import { rulesInPack } from '../../policies/packs.js';
import { type Documents, workspaceOf } from '../policy/fixture.js';
import { environmentSpec, resourceList, synthesize } from './synth.js';

const AS_OF = '2026-11-29';

const synthesized = new Map<'dev' | 'prod', ReturnType<typeof synthesize>>();
/** Each environment is synthesized once for the tests of this file. */
function synth(environment: 'dev' | 'prod') {
  let platform = synthesized.get(environment);
  if (!platform) {
    platform = synthesize(environmentSpec(environment));
    synthesized.set(environment, platform);
  }
  return platform;
}

function kubernetesFindings(environment: 'dev' | 'prod') {
  const { stacks } = synth(environment);
  const outcomes = evaluate(workspaceOf(stacks as unknown as Documents), rulesInPack('kubernetes'), {
    asOf: AS_OF,
  });
  const findings = outcomes
    .filter((outcome) => outcome.status !== 'pass')
    .map((outcome) => `${outcome.rule.id} ${outcome.resource.type}`);
  return { stacks, findings: [...new Set(findings)].sort() };
}

describe('the pods of the synthesized platform against the kubernetes pack', () => {
  it.each(['dev', 'prod'] as const)(
    '%s: only what policies/suppressions.yaml accepts (node-exporter, the services reading credentials from env)',
    (environment) => {
      const { findings } = kubernetesFindings(environment);
      expect(findings).toEqual([
        'pod-no-host-namespaces helm_release',
        'pod-no-host-path-volumes helm_release',
        'pod-secrets-not-in-env kubernetes_deployment_v1',
        'pod-secrets-not-in-env kubernetes_job_v1',
      ]);
    },
  );

  it('pulls tagged images (dev) Always and digest-pinned ones (prod) IfNotPresent', () => {
    for (const [environment, policy] of [
      ['dev', 'Always'],
      ['prod', 'IfNotPresent'],
    ] as const) {
      const { stacks } = synth(environment);
      const workloads = stacks[`${environment}-workloads`];
      const templates = [
        ...resourceList(workloads, 'kubernetes_deployment_v1'),
        ...resourceList(workloads, 'kubernetes_job_v1'),
      ];
      expect(templates.length).toBeGreaterThan(0);
      for (const template of templates) {
        const containers = (
          template as { spec: { template: { spec: { container: Record<string, unknown>[] } } } }
        ).spec.template.spec.container;
        for (const container of containers) expect(container.image_pull_policy, environment).toBe(policy);
      }
    }
  });
});

describe('the service image and the pods agree on the user', () => {
  it("runs as the pods' default runAsUser, a UID no node account has", () => {
    const user = /^USER (\d+):(\d+)$/m.exec(readFileSync('services/Dockerfile', 'utf8'));
    const runAsUser = PodRuntimeSchema.parse({}).runAsUser;
    expect(user?.slice(1)).toEqual([String(runAsUser), String(runAsUser)]);
    expect(runAsUser).toBeGreaterThanOrEqual(10000);
  });
});
