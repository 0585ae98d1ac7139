import { resolveShares, type Service } from '../config/schema/infrastructure.js';
import { type Figure, figure, fmt } from './figure.js';

/** One deployment's part of the platform's requests: its service's share times its version's share. */
export interface DeploymentShare {
  service: Service['name'];
  version: number;
  share: Figure;
}

const pct = (share: number) => `${fmt(share * 100, 2)} %`;

/**
 * The traffic mix: services split the platform's requests (equally unless the spec says otherwise;
 * the reference document gives no split), and the versions of a service split its part.
 */
export function trafficMix(services: Service[]): DeploymentShare[] {
  const serviceShares = resolveShares(services.map((s) => s.trafficShare));
  const serviceRule = services.every((s) => s.trafficShare === undefined)
    ? `equal split over ${services.length} services`
    : 'workloads.services[].trafficShare';
  return services.flatMap((service, i) => {
    const serviceShare = serviceShares[i]!;
    const versionShares = resolveShares(service.versions.map((v) => v.trafficShare));
    return service.versions.map((version, j) => {
      const versionShare = versionShares[j]!;
      const share = serviceShare * versionShare;
      return {
        service: service.name,
        version: version.version,
        share: figure(
          share,
          'share',
          `service share (${serviceRule}) × version share of its service`,
          `${pct(serviceShare)} × ${pct(versionShare)} = ${pct(share)}`,
        ),
      };
    });
  });
}
