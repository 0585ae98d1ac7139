import { unresolvedMessage } from '../../engine/checks.js';
import { combine, fail, pass, unknown, type Verdict } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { list } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';
import { zoneOf } from '../shared/zones.js';
import { instanceCount, instancesOf } from './cluster-parts.js';

export const auroraMultiAz = defineRule({
  id: 'aurora-multi-az',
  title: 'Aurora has a writer and a reader in different availability zones',
  severity: 'high',
  resourceTypes: ['aws_rds_cluster'],
  requirement: REQUIREMENTS.auroraMultiAz,
  anchors: ['FSBP:rds-ensure-cluster-multi-az-configured'],
  parameters: { minimumInstances: 2, minimumZones: 2 },
  help: "Failover within 60 s needs a reader to promote in another zone. Declare at least two aws_rds_cluster_instance resources for the cluster, with availability_zone set to different zones (or the cluster's availability_zones listing at least two).",
  check(cluster, context, { minimumInstances, minimumZones }) {
    const { instances, unresolved } = instancesOf(context, cluster);
    const counts = instances.map((instance) => instanceCount(context, instance));
    if (counts.some((count) => count === undefined)) return unknown('an instance count cannot be resolved');
    const total = counts.reduce<number>((sum, count) => sum + (count ?? 0), 0);
    const countVerdict: Verdict =
      total >= minimumInstances
        ? pass()
        : unresolved.length > 0
          ? unknown(`${unresolved.join(', ')} name a cluster that cannot be resolved`)
          : fail(`${total} instance(s) in the cluster; needs a writer and a reader (${minimumInstances})`);
    return combine([countVerdict, zoneVerdict()]);

    function zoneVerdict(): Verdict {
      const pinned = instances.map((instance) => zoneOf(instance.values.availability_zone));
      if (pinned.length > 0 && pinned.every((zone) => zone?.kind === 'zone')) {
        const zones = new Set(pinned.map((zone) => (zone?.kind === 'zone' ? zone.key : '')));
        return zones.size >= minimumZones
          ? pass()
          : fail(`instances are pinned to ${zones.size} zone(s); needs ${minimumZones}`);
      }
      const clusterZones = context.resolve(cluster.values.availability_zones);
      if (clusterZones.kind !== 'literal' && clusterZones.kind !== 'absent')
        return unknown(unresolvedMessage('availability_zones', clusterZones.expression));
      const listed =
        clusterZones.kind === 'literal' ? new Set(list(clusterZones.value).map(String)) : new Set<string>();
      if (listed.size >= minimumZones) return pass();
      const unreadable = pinned.find((zone) => zone?.kind === 'unknown');
      if (unreadable?.kind === 'unknown') return unknown(unreadable.detail);
      return fail(
        "neither the instances' availability_zone nor the cluster's availability_zones place it in two zones",
      );
    }
  },
});
