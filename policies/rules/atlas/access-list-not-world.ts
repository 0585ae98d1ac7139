import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

export const atlasAccessListNotWorld = defineRule({
  id: 'atlas-access-list-not-world',
  title: 'The Atlas access list does not admit the whole internet',
  severity: 'critical',
  resourceTypes: ['mongodbatlas_project_ip_access_list'],
  anchors: ['Prowler:projects_network_access_list_exposed_to_internet'],
  help: "Admit the VPC (through peering or PrivateLink, or the NAT gateways' addresses), never 0.0.0.0/0.",
  check(entry) {
    const cidr = entry.values.cidr_block;
    const ip = entry.values.ip_address;
    if (cidr === '0.0.0.0/0' || cidr === '::/0') return fail(`cidr_block ${cidr} admits every address`);
    if (ip === '0.0.0.0') return fail('ip_address 0.0.0.0 admits every address');
    return pass();
  },
});
