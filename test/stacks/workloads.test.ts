import { beforeAll, describe, expect, it } from 'vitest';
import {
  cluster,
  kubernetesObject,
  literalSecrets,
  network,
  required,
  synthEdgeAndWorkloads,
} from './edge-workloads-fixture.js';
import { type Resource, resourceList, type SynthesizedStack } from './synth.js';

type Synth = ReturnType<typeof synthEdgeAndWorkloads>;

interface HpaSpec {
  min_replicas: number;
  max_replicas: number;
  metric: {
    type: string;
    resource?: { name: string; target: { type: string; average_utilization: number } };
    pods?: { metric: { name: string }; target: { type: string; average_value: string } };
  }[];
  behavior: {
    scale_up: { select_policy: string; stabilization_window_seconds: number; policy: PolicySpec[] }[];
    scale_down: { stabilization_window_seconds: number; policy: PolicySpec[] }[];
  };
  scale_target_ref: { kind: string; name: string };
}
interface PolicySpec {
  type: string;
  value: number;
  period_seconds: number;
}

let synth: Synth;
let workloads: SynthesizedStack;

beforeAll(() => {
  synth = synthEdgeAndWorkloads();
  workloads = synth.workloads;
});

function object(type: string, name: string): Resource {
  const found = kubernetesObject(workloads, type, name);
  if (!found) throw new Error(`no ${type} named ${name}`);
  return found;
}

function podSpecOf(name: string) {
  const spec = object('kubernetes_deployment_v1', name).spec as {
    replicas: string;
    template: { metadata: { annotations: Record<string, string> }; spec: PodSpec };
    strategy: { rolling_update: { max_unavailable: string } };
  };
  return spec;
}
interface PodSpec {
  automount_service_account_token: boolean;
  security_context: { run_as_non_root: boolean; seccomp_profile: { type: string } };
  topology_spread_constraint: { topology_key: string; when_unsatisfiable: string }[];
  container: {
    image: string;
    port: { container_port: number; name: string }[];
    resources: { requests: Record<string, string>; limits: Record<string, string> };
    liveness_probe: { http_get: { path: string; port: string } };
    readiness_probe: { http_get: { path: string; port: string } };
    security_context: {
      run_as_non_root: boolean;
      read_only_root_filesystem: boolean;
      allow_privilege_escalation: boolean;
      privileged: boolean;
      capabilities: { drop: string[] };
    };
  }[];
}

describe('workloads stack: one Deployment, Service, HPA and PDB per service version of the plan', () => {
  it('creates the four objects for every deployment of the plan, and nothing more', () => {
    const names = synth.plan.deployments.map((d) => d.name).sort();
    expect(names).toEqual([
      'business-api-v1',
      'promptads-api-v1',
      'promptcontent-api-v1',
      'promptcrm-api-v1',
    ]);
    for (const type of [
      'kubernetes_deployment_v1',
      'kubernetes_service_v1',
      'kubernetes_horizontal_pod_autoscaler_v2',
      'kubernetes_pod_disruption_budget_v1',
    ]) {
      expect(
        resourceList(workloads, type)
          .map((r) => r.metadata?.name)
          .sort(),
      ).toEqual(names);
    }
  });

  it("runs each Deployment with its service's ECR image (tag v<N> in dev), and the port and resources of its plan", () => {
    for (const deployment of synth.plan.deployments) {
      const spec = podSpecOf(deployment.name);
      const [container] = spec.template.spec.container;
      expect(container?.image).toBe(
        `111122223333.dkr.ecr.us-east-1.amazonaws.com/promptsales-dev/${deployment.service}:v${deployment.version}`,
      );
      expect(container?.port[0]?.container_port).toBe(deployment.port);
      expect(container?.resources.requests).toEqual({ cpu: '4', memory: '8Gi' });
      expect(container?.resources.limits).toEqual(container?.resources.requests);
      expect(spec.replicas).toBe(String(deployment.minReplicas));
      expect(spec.strategy.rolling_update.max_unavailable).toBe('0');
    }
  });

  it('tells each container how many processes to run: one per requested CPU, 4', () => {
    for (const deployment of synth.plan.deployments) {
      const [container] = podSpecOf(deployment.name).template.spec.container;
      const env = (container as unknown as { env: { name: string; value: string }[] }).env;
      expect(env.find((e) => e.name === 'PROCESSES_PER_POD')?.value).toBe('4');
    }
  });

  it('probes liveness on /healthz and readiness on /readyz', () => {
    const [container] = podSpecOf('promptcontent-api-v1').template.spec.container;
    expect(container?.liveness_probe.http_get).toEqual({ path: '/healthz', port: 'http' });
    expect(container?.readiness_probe.http_get).toEqual({ path: '/readyz', port: 'http' });
  });

  it('runs non-root, read-only, unprivileged, without a service account token, spread over zones', () => {
    for (const deployment of synth.plan.deployments) {
      const pod = podSpecOf(deployment.name).template.spec;
      expect(pod.automount_service_account_token).toBe(false);
      expect(pod.security_context.run_as_non_root).toBe(true);
      expect(pod.security_context.seccomp_profile.type).toBe('RuntimeDefault');
      const context = pod.container[0]?.security_context;
      expect(context).toMatchObject({
        run_as_non_root: true,
        read_only_root_filesystem: true,
        allow_privilege_escalation: false,
        privileged: false,
        capabilities: { drop: ['ALL'] },
      });
      expect(pod.topology_spread_constraint.map((c) => c.topology_key)).toContain(
        'topology.kubernetes.io/zone',
      );
    }
  });

  it('annotates the pods for Prometheus on their own port', () => {
    const annotations = podSpecOf('promptads-api-v1').template.metadata.annotations;
    expect(annotations).toEqual({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '3002',
      'prometheus.io/path': '/metrics',
    });
  });

  it('sizes every HPA from its share of the plan: 2 to 9 replicas, CPU and memory 70 %, 44.093 in flight', () => {
    // A quarter of the peak each: ceil(4,166.67 ÷ 587.91) = 8 + 1 spare = 9; normal ceil(416.67 ÷ 587.91) + 1 = 2.
    // In flight: 587.911 × 0.075 = 44.093 requests, given in milli-units.
    for (const deployment of synth.plan.deployments) {
      const spec = object('kubernetes_horizontal_pod_autoscaler_v2', deployment.name).spec as HpaSpec;
      expect(spec.scale_target_ref).toMatchObject({ kind: 'Deployment', name: deployment.name });
      expect(spec.min_replicas).toBe(2);
      expect(spec.max_replicas).toBe(9);
      const resource = (name: string) => spec.metric.find((m) => m.resource?.name === name)?.resource?.target;
      expect(resource('cpu')).toEqual({ type: 'Utilization', average_utilization: 70 });
      expect(resource('memory')).toEqual({ type: 'Utilization', average_utilization: 70 });
      const pods = spec.metric.find((m) => m.type === 'Pods')?.pods;
      expect(pods?.metric.name).toBe('http_requests_inflight');
      expect(pods?.target).toEqual({ type: 'AverageValue', average_value: '44093m' });
    }
  });

  it('scales up by the larger of 100 % and 4 pods per 15 s, and down after a 300 s window', () => {
    const spec = object('kubernetes_horizontal_pod_autoscaler_v2', 'promptcrm-api-v1').spec as HpaSpec;
    const [up] = spec.behavior.scale_up;
    expect(up?.select_policy).toBe('Max');
    expect(up?.policy).toEqual([
      { type: 'Percent', value: synth.plan.hpa.scaleUp.percent, period_seconds: 15 },
      { type: 'Pods', value: synth.plan.hpa.scaleUp.pods, period_seconds: 15 },
    ]);
    expect(spec.behavior.scale_down[0]?.stabilization_window_seconds).toBe(300);
  });

  it('writes the capacity figures the policy checks on each HPA, and they cover the peak', () => {
    for (const deployment of synth.plan.deployments) {
      const hpa = object('kubernetes_horizontal_pod_autoscaler_v2', deployment.name);
      const annotations = hpa.metadata?.annotations ?? {};
      const effective = Number(annotations['capacity.promptsales.io/effective-rps-per-pod']);
      const peak = Number(annotations['capacity.promptsales.io/peak-rps']);
      expect(effective).toBeCloseTo(587.91, 2);
      // 16,666.67 × 0.25, rounded up to the cent.
      expect(peak).toBeCloseTo(4_166.67, 2);
      expect((hpa.spec as HpaSpec).max_replicas * effective).toBeGreaterThanOrEqual(peak);
    }
  });

  it('keeps at most one pod of each deployment down during a disruption', () => {
    for (const deployment of synth.plan.deployments) {
      const pdb = object('kubernetes_pod_disruption_budget_v1', deployment.name).spec as {
        max_unavailable: string;
        selector: { match_labels: Record<string, string> };
      };
      expect(pdb.max_unavailable).toBe('1');
      expect(pdb.selector.match_labels['app.kubernetes.io/instance']).toBe(deployment.name);
    }
  });

  it('selects each Service to its own deployment on the container port', () => {
    const service = object('kubernetes_service_v1', 'business-api-v1').spec as {
      type: string;
      selector: Record<string, string>;
      port: { port: number; target_port: string }[];
    };
    expect(service.type).toBe('ClusterIP');
    expect(service.selector).toEqual({
      'app.kubernetes.io/name': 'business',
      'app.kubernetes.io/instance': 'business-api-v1',
    });
    expect(service.port).toEqual([expect.objectContaining({ port: 3004, target_port: 'http' })]);
  });

  it('enforces the restricted Pod Security Standard on the API namespace', () => {
    const [namespace] = resourceList(workloads, 'kubernetes_namespace_v1');
    const metadata = namespace?.metadata as { name: string; labels: Record<string, string> };
    expect(metadata.name).toBe('promptsales');
    expect(metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });
});

describe('workloads stack: providers and add-ons', () => {
  const release = (chart: string) => {
    const found = resourceList(workloads, 'helm_release').find((r) => r.chart === chart);
    if (!found) throw new Error(`no release of ${chart}`);
    return {
      ...found,
      values: JSON.parse((found.values as string[])[0] ?? '{}'),
      version: found.version as string,
    };
  };

  it('reaches the cluster with its endpoint, decoded CA and short-lived EKS tokens', () => {
    const kubernetes = required(workloads.provider?.kubernetes?.[0], 'kubernetes provider');
    expect(kubernetes.host).toBe(cluster.clusterEndpoint);
    expect(kubernetes.cluster_ca_certificate).toBe(
      `\${base64decode("${cluster.clusterCertificateAuthorityData}")}`,
    );
    const [exec] = kubernetes.exec as { command: string; args: string[] }[];
    expect(exec?.command).toBe('aws');
    expect(exec?.args).toEqual(expect.arrayContaining(['eks', 'get-token', cluster.clusterName]));
    const helm = required(workloads.provider?.helm?.[0], 'helm provider');
    expect((helm.kubernetes as { host: string }).host).toBe(cluster.clusterEndpoint);
  });

  it('installs the six add-on charts at the versions pinned in the spec', () => {
    const { addons } = synth.spec;
    const charts = [
      addons.metricsServer,
      addons.kubePrometheusStack,
      addons.prometheusAdapter,
      addons.awsLoadBalancerController,
      addons.clusterAutoscaler,
      addons.externalSecrets,
    ];
    expect(resourceList(workloads, 'helm_release')).toHaveLength(charts.length);
    for (const chart of charts) {
      const installed = release(chart.chart);
      expect(installed).toMatchObject({
        repository: chart.repository,
        version: chart.version,
        namespace: chart.namespace,
        atomic: true,
      });
      expect(installed.version).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('exposes http_requests_inflight per pod through the Prometheus Adapter', () => {
    const adapter = release('prometheus-adapter');
    expect(adapter.values.prometheus.url).toBe('http://kube-prometheus-stack-prometheus.monitoring.svc');
    const [rule] = adapter.values.rules.custom;
    expect(rule.seriesQuery).toContain('http_requests_inflight');
    expect(rule.resources.overrides).toEqual({
      namespace: { resource: 'namespace' },
      pod: { resource: 'pod' },
    });
    expect(rule.name.as).toBe('http_requests_inflight');
  });

  it('scrapes the API namespace pods by annotation, keeping namespace and pod labels', () => {
    const stack = release('kube-prometheus-stack');
    const [job] = stack.values.prometheus.prometheusSpec.additionalScrapeConfigs;
    expect(job.kubernetes_sd_configs).toEqual([{ role: 'pod', namespaces: { names: ['promptsales'] } }]);
    const targets = job.relabel_configs.map((r: { target_label?: string }) => r.target_label);
    expect(targets).toEqual(expect.arrayContaining(['namespace', 'pod']));
    expect(stack.values.grafana.enabled).toBe(false);
  });

  it('gives the load balancer controller its cluster, VPC and region, and AWS access via Pod Identity', () => {
    const controller = release('aws-load-balancer-controller');
    expect(controller.values).toMatchObject({
      clusterName: cluster.clusterName,
      vpcId: network.vpcId,
      region: 'us-east-1',
      serviceAccount: { create: true, name: 'aws-load-balancer-controller' },
    });
    const [association] = resourceList(workloads, 'aws_eks_pod_identity_association');
    expect(association).toMatchObject({
      cluster_name: cluster.clusterName,
      namespace: 'kube-system',
      service_account: 'aws-load-balancer-controller',
    });
    const [role] = resourceList(workloads, 'aws_iam_role');
    const trust = JSON.parse(role?.assume_role_policy as string);
    expect(trust.Statement[0].Principal).toEqual({ Service: 'pods.eks.amazonaws.com' });
  });

  it('starts the API pods only after the controller whose webhook injects their readiness gate, and their migrations', () => {
    for (const deployment of resourceList(workloads, 'kubernetes_deployment_v1')) {
      expect(deployment.depends_on).toEqual([
        expect.stringMatching(/^helm_release\..*aws-load-balancer-controller/),
        expect.stringMatching(/^kubernetes_job_v1\..*-migration/),
      ]);
    }
  });

  it('writes no credential into the synthesized JSON', () => {
    expect(literalSecrets(workloads)).toEqual([]);
  });
});
