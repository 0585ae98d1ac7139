import { readNumber, unresolvedMessage } from '../../engine/checks.js';
import type { Resource } from '../../engine/model.js';
import type { RuleContext } from '../../engine/rule.js';
import { blocks, list } from '../../engine/values.js';

export const WORLD_CIDRS = ['0.0.0.0/0', '::/0'];

/** One ingress or egress permission, whichever resource type declared it. */
export interface Permission {
  direction: 'ingress' | 'egress';
  /** `all` when the protocol is -1 (every port). */
  ports: { from: number; to: number } | 'all' | 'unknown';
  cidrs: string[];
  /** CIDR or port values that are unresolved expressions. */
  unresolved: string[];
  description: unknown;
}

/** The permissions an aws_security_group, aws_security_group_rule or aws_vpc_security_group_*_rule declares. */
export function permissionsOf(resource: Resource, context: RuleContext): Permission[] {
  const values = resource.values;
  switch (resource.type) {
    case 'aws_security_group':
      return [
        ...blocks(values.ingress).map((block) => fromClassicBlock(block, 'ingress', context)),
        ...blocks(values.egress).map((block) => fromClassicBlock(block, 'egress', context)),
      ];
    case 'aws_security_group_rule':
      return [fromClassicBlock(values, values.type === 'egress' ? 'egress' : 'ingress', context)];
    case 'aws_vpc_security_group_ingress_rule':
    case 'aws_vpc_security_group_egress_rule': {
      const direction = resource.type.endsWith('ingress_rule') ? 'ingress' : 'egress';
      const unresolved: string[] = [];
      const cidrs = [values.cidr_ipv4, values.cidr_ipv6].flatMap((value) =>
        literalCidrs(value, context, unresolved),
      );
      return [
        {
          direction,
          ports: portsOf(values.ip_protocol, values.from_port, values.to_port, context, unresolved),
          cidrs,
          unresolved,
          description: values.description,
        },
      ];
    }
    default:
      return [];
  }
}

function fromClassicBlock(
  block: Record<string, unknown>,
  direction: 'ingress' | 'egress',
  context: RuleContext,
): Permission {
  const unresolved: string[] = [];
  const cidrs = [...list(block.cidr_blocks), ...list(block.ipv6_cidr_blocks)].flatMap((value) =>
    literalCidrs(value, context, unresolved),
  );
  return {
    direction,
    ports: portsOf(block.protocol, block.from_port, block.to_port, context, unresolved),
    cidrs,
    unresolved,
    description: block.description,
  };
}

function literalCidrs(value: unknown, context: RuleContext, unresolved: string[]): string[] {
  const resolved = context.resolve(value);
  if (resolved.kind === 'literal') return list(resolved.value).map(String);
  if (resolved.kind !== 'absent') unresolved.push(unresolvedMessage('cidr', resolved.expression));
  return [];
}

function portsOf(
  protocol: unknown,
  fromPort: unknown,
  toPort: unknown,
  context: RuleContext,
  unresolved: string[],
): Permission['ports'] {
  if (protocol === '-1' || protocol === -1 || protocol === 'all') return 'all';
  const from = readNumber(context, fromPort);
  const to = readNumber(context, toPort);
  if (from.kind === 'number' && to.kind === 'number') {
    // AWS reads 0-0 on tcp/udp, and -1 on icmp, as no port restriction at all.
    if (from.value <= 0 && to.value <= 0) return protocol === 'icmp' ? { from: -1, to: -1 } : 'all';
    return { from: from.value, to: to.value };
  }
  if (from.kind === 'unknown') unresolved.push(unresolvedMessage('from_port', from.expression));
  if (to.kind === 'unknown') unresolved.push(unresolvedMessage('to_port', to.expression));
  return 'unknown';
}

export function isFromWorld(permission: Permission): boolean {
  return permission.cidrs.some((cidr) => WORLD_CIDRS.includes(cidr.trim()));
}

export function describePorts(ports: Permission['ports']): string {
  if (ports === 'all') return 'all ports';
  if (ports === 'unknown') return 'unresolved ports';
  return ports.from === ports.to ? `port ${ports.from}` : `ports ${ports.from}-${ports.to}`;
}

/** Whether a port range includes any port of `wanted` (single ports or [from, to] ranges). */
export function coversAny(
  ports: Permission['ports'],
  wanted: readonly (number | readonly [number, number])[],
): boolean {
  if (ports === 'unknown') return false;
  if (ports === 'all') return true;
  return wanted.some((entry) =>
    typeof entry === 'number'
      ? ports.from <= entry && entry <= ports.to
      : ports.from <= entry[1] && entry[0] <= ports.to,
  );
}

/** Whether a port range opens any port outside `allowed`. */
export function opensOutside(ports: Permission['ports'], allowed: readonly number[]): boolean {
  if (ports === 'unknown') return false;
  if (ports === 'all') return true;
  if (ports.to - ports.from + 1 > allowed.length) return true;
  for (let port = ports.from; port <= ports.to; port += 1) if (!allowed.includes(port)) return true;
  return false;
}

export const SECURITY_GROUP_TYPES = [
  'aws_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
] as const;
