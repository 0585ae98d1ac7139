import { isExpression } from '../../engine/references.js';
import type { RuleContext } from '../../engine/rule.js';
import { list } from '../../engine/values.js';

export type Zone = { kind: 'zone'; key: string } | { kind: 'unknown'; detail: string };

// Every commercial AWS region has at least three zones, so indexes 0-2 of the zone list are distinct zones.
const ZONE_LIST_INDEX =
  /^\$\{\s*(?:(data\.aws_availability_zones\.[\w-]+\.(?:names|zone_ids))\[([0-2])\]|element\(\s*(data\.aws_availability_zones\.[\w-]+\.(?:names|zone_ids))\s*,\s*([0-2])\s*\))\s*\}$/;

/** The zone an `availability_zone` value names: a literal, or a fixed index into the region's zone list. */
export function zoneOf(value: unknown): Zone | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (!isExpression(value)) return { kind: 'zone', key: String(value) };
  const match = ZONE_LIST_INDEX.exec(value.trim());
  if (!match)
    return { kind: 'unknown', detail: `zone ${value} cannot be resolved from the synthesized output` };
  return { kind: 'zone', key: `${match[1] ?? match[3]}[${match[2] ?? match[4]}]` };
}

export interface ZoneCount {
  zones: Set<string>;
  unresolved: string[];
}

/** The distinct zones of a list of subnet ids that reference aws_subnet resources of the scanned output. */
export function zonesOfSubnets(context: RuleContext, subnetIds: unknown): ZoneCount {
  const zones = new Set<string>();
  const unresolved: string[] = [];
  for (const id of list(subnetIds)) {
    const resolved = context.resolve(id);
    if (resolved.kind !== 'reference' || resolved.target.type !== 'aws_subnet') {
      unresolved.push(`subnet ${String(id)} cannot be resolved to an aws_subnet of the synthesized output`);
      continue;
    }
    const subnet = resolved.target.values;
    const zone = zoneOf(subnet.availability_zone) ?? zoneOf(subnet.availability_zone_id);
    if (!zone) unresolved.push(`${resolved.target.address} has no availability_zone`);
    else if (zone.kind === 'unknown') unresolved.push(`${resolved.target.address}: ${zone.detail}`);
    else zones.add(zone.key);
  }
  return { zones, unresolved };
}
