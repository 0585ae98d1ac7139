/** IPv4 subnetting, the same arithmetic as Terraform's cidrsubnet(), done at synth time so tests can read it. */

function toNumber(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

function toAddress(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** cidrsubnet('10.0.0.0/16', 3, 1) = '10.0.32.0/19'. */
export function cidrSubnet(cidr: string, newBits: number, netNumber: number): string {
  const [address, prefixText] = cidr.split('/') as [string, string];
  const prefix = Number(prefixText) + newBits;
  if (prefix > 32) throw new RangeError(`${cidr} cannot be split into /${prefix} subnets`);
  if (netNumber < 0 || netNumber >= 2 ** newBits) {
    throw new RangeError(`${cidr} has no subnet number ${netNumber} at ${newBits} extra bits`);
  }
  const base = toNumber(address) - (toNumber(address) % 2 ** (32 - Number(prefixText)));
  return `${toAddress(base + netNumber * 2 ** (32 - prefix))}/${prefix}`;
}

export type SubnetTier = 'private' | 'public' | 'database';

/**
 * The subnet of a tier in the zone at `zoneIndex`. The VPC splits into eight blocks: blocks 0–5 hold
 * one private subnet per zone (an eighth of the VPC each: room for the pods' VPC CNI addresses),
 * block 6 the public subnets and block 7 the database subnets (a sixty-fourth each).
 */
export function tierSubnet(vpcCidr: string, tier: SubnetTier, zoneIndex: number): string {
  if (tier === 'private') return cidrSubnet(vpcCidr, 3, zoneIndex);
  const block = tier === 'public' ? 6 : 7;
  return cidrSubnet(vpcCidr, 6, block * 8 + zoneIndex);
}
