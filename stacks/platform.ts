import type { App } from 'cdktf';
import type { CapacityPlan } from '../calculators/plan-types.js';
import type { PlatformSpec } from '../config/spec.js';
import { NetworkStack } from './network-stack.js';
import type { PlatformStack } from './platform-stack.js';

/** Every stack of one environment, by name. */
export interface Platform {
  network: NetworkStack;
}

/**
 * Creates every stack of one environment and wires what one stack reads from another. cdktf turns
 * each cross-stack attribute into an output of the producer and a remote-state read in the consumer,
 * and orders the stacks accordingly.
 */
export function buildPlatform(app: App, spec: PlatformSpec, plan: CapacityPlan): Platform {
  const props = { spec, plan };
  const network = new NetworkStack(app, props);
  return { network };
}

/** The stacks of a platform in deployment order. */
export function stacksOf(platform: Platform): PlatformStack[] {
  return Object.values(platform);
}
