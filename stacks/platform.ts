import type { App } from 'cdktf';
import type { CapacityPlan } from '../calculators/plan-types.js';
import type { PlatformSpec } from '../config/spec.js';
import { AtlasStack } from './atlas-stack.js';
import { ClusterStack } from './cluster-stack.js';
import { DataStack } from './data-stack.js';
import { EdgeStack } from './edge-stack.js';
import { IdentityStack } from './identity-stack.js';
import { NetworkStack } from './network-stack.js';
import { ObservabilityStack } from './observability-stack.js';
import { RegistryStack } from './registry-stack.js';
import { WorkloadsStack } from './workloads-stack.js';

/** Every stack of one environment, by name, in deployment order. */
export interface Platform {
  registry: RegistryStack;
  network: NetworkStack;
  cluster: ClusterStack;
  data: DataStack;
  atlas: AtlasStack;
  identity: IdentityStack;
  workloads: WorkloadsStack;
  edge: EdgeStack;
  observability: ObservabilityStack;
}

/**
 * Creates every stack of one environment and wires what one stack reads from another. cdktf turns
 * each cross-stack attribute into an output of the producer and a remote-state read in the consumer,
 * and records the dependency, so `cdktf deploy` orders the stacks by it.
 */
export function buildPlatform(app: App, spec: PlatformSpec, plan: CapacityPlan): Platform {
  const props = { spec, plan };
  const registry = new RegistryStack(app, props);
  const network = new NetworkStack(app, props);
  const cluster = new ClusterStack(app, { ...props, network });
  const data = new DataStack(app, { ...props, network, cluster });
  const atlas = new AtlasStack(app, { ...props, network, cluster });
  const identity = new IdentityStack(app, props);
  const workloads = new WorkloadsStack(app, {
    ...props,
    network,
    cluster,
    registry,
    runtime: {
      tokens: identity.tokens,
      paypalSecretArn: identity.paypalSecretArn,
      data: data.connections,
      atlas: {
        privateConnectionString: atlas.privateConnectionString,
        contentDatabase: atlas.contentDatabase,
        contentRoleArn: atlas.contentRoleArn,
      },
    },
  });
  const edge = new EdgeStack(app, { ...props, network, cluster, workloads, identity });
  // The Ingress needs the load balancer controller and the Services that the workloads stack installs.
  edge.addDependency(workloads);
  const observability = new ObservabilityStack(app, {
    ...props,
    cluster,
    data: data.monitoring,
    edge: { httpApiId: edge.httpApiId },
  });
  // The alarms look the ALB up by name, and the load balancer controller creates it for the edge Ingress.
  observability.addDependency(edge);
  return { registry, network, cluster, data, atlas, identity, workloads, edge, observability };
}
