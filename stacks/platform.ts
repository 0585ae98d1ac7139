import type { App } from 'cdktf';
import type { CapacityPlan } from '../calculators/plan-types.js';
import type { PlatformSpec } from '../config/spec.js';
import { AtlasStack } from './atlas-stack.js';
import { ClusterStack } from './cluster-stack.js';
import { DataStack } from './data-stack.js';
import { IdentityStack } from './identity-stack.js';
import { NetworkStack } from './network-stack.js';
import { ObservabilityStack } from './observability-stack.js';
import type { PlatformStack } from './platform-stack.js';

/** Every stack of one environment, by name, in deployment order. */
export interface Platform {
  network: NetworkStack;
  cluster: ClusterStack;
  data: DataStack;
  atlas: AtlasStack;
  identity: IdentityStack;
  observability: ObservabilityStack;
}

/**
 * Creates every stack of one environment and wires what one stack reads from another. cdktf turns
 * each cross-stack attribute into an output of the producer and a remote-state read in the consumer,
 * and records the dependency, so `cdktf deploy` orders the stacks by it.
 */
export function buildPlatform(app: App, spec: PlatformSpec, plan: CapacityPlan): Platform {
  const props = { spec, plan };
  const network = new NetworkStack(app, props);
  const cluster = new ClusterStack(app, { ...props, network });
  const data = new DataStack(app, { ...props, network, cluster });
  const atlas = new AtlasStack(app, { ...props, network, cluster });
  const identity = new IdentityStack(app, props);
  const observability = new ObservabilityStack(app, { ...props, cluster, data: data.monitoring });
  return { network, cluster, data, atlas, identity, observability };
}

/** The stacks of a platform in deployment order. */
export function stacksOf(platform: Platform): PlatformStack[] {
  return Object.values(platform);
}
