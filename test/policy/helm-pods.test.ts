import { describe, expect, it } from 'vitest';
import type { Resource } from '../../policies/engine/model.js';
import { podsOf } from '../../policies/rules/kubernetes/workload.js';

function release(values: Record<string, unknown>, extra: Record<string, unknown> = {}): Resource {
  return {
    type: 'helm_release',
    name: 'r',
    address: 'helm_release.r',
    values: { chart: 'kube-prometheus-stack', version: '67.8.0', values: [JSON.stringify(values)], ...extra },
  };
}

function pods(resource: Resource) {
  const read = podsOf(resource);
  if ('unreadable' in read) throw new Error(read.unreadable);
  return Object.fromEntries(read.pods.map((pod) => [pod.where, pod.spec]));
}

describe("a Helm release's pods", () => {
  it("are the chart's defaults where the values say nothing, node-exporter in the host's namespaces", () => {
    const spec = pods(release({}))['node-exporter: '] as Record<string, unknown>;
    expect(spec.host_network).toBe(true);
    expect(spec.host_pid).toBe(true);
    expect(spec.security_context).toEqual({
      fs_group: 65534,
      run_as_group: 65534,
      run_as_non_root: true,
      run_as_user: 65534,
    });
    expect(spec.volume).toEqual([
      { name: 'host-0', host_path: { path: '/' } },
      { name: 'host-1', host_path: { path: '/proc' } },
      { name: 'host-2', host_path: { path: '/sys' } },
    ]);
  });

  it('merge the values over the defaults key by key; null removes a default, set entries come last', () => {
    const spec = pods(
      release(
        {
          'prometheus-node-exporter': {
            hostNetwork: false,
            securityContext: { fsGroup: null, runAsUser: 70000 },
          },
        },
        { set: [{ name: 'prometheus-node-exporter.hostPID', value: 'false' }] },
      ),
    )['node-exporter: '] as Record<string, unknown>;
    expect(spec.host_network).toBe(false);
    expect(spec.host_pid).toBe('false');
    expect(spec.security_context).toEqual({ run_as_group: 65534, run_as_non_root: true, run_as_user: 70000 });
  });

  it('leave out a component the values switch off', () => {
    const components = Object.keys(
      pods(release({ nodeExporter: { enabled: false }, alertmanager: { enabled: false } })),
    );
    expect(components).toEqual([
      'prometheus-operator: ',
      'admission-webhook-jobs: ',
      'prometheus: ',
      'kube-state-metrics: ',
    ]);
  });

  it('add a component the values switch on', () => {
    const components = Object.keys(
      pods(release({ prometheusOperator: { admissionWebhooks: { deployment: { enabled: true } } } })),
    );
    expect(components).toContain('admission-webhook: ');
  });

  it("drop a chart's `enabled` switch from a security context, and read enabled: false as none", () => {
    const read = podsOf({
      type: 'helm_release',
      name: 'eso',
      address: 'helm_release.eso',
      values: {
        chart: 'external-secrets',
        version: '0.18.2',
        values: [
          JSON.stringify({
            securityContext: { enabled: false },
            webhook: { podSecurityContext: { enabled: true, runAsUser: 20000 } },
          }),
        ],
      },
    });
    if ('unreadable' in read) throw new Error(read.unreadable);
    const [controller, webhook] = read.pods;
    expect(controller!.spec.container).toEqual([
      expect.objectContaining({ name: 'controller', security_context: {} }),
    ]);
    expect(webhook!.spec.security_context).toEqual({ run_as_user: 20000 });
  });

  it('cannot be read for a chart or version helm-charts.ts does not describe', () => {
    expect(podsOf(release({}, { chart: 'grafana' }))).toEqual({
      unreadable: expect.stringMatching(/chart grafana is not described/),
    });
    expect(podsOf(release({}, { version: '68.0.0' }))).toEqual({
      unreadable: expect.stringMatching(/68.0.0: its defaults are recorded for 67.8.0 only/),
    });
    expect(podsOf(release({}, { values: ['prometheus: {}'] }))).toEqual({
      unreadable: expect.stringMatching(/not JSON/),
    });
  });
});
