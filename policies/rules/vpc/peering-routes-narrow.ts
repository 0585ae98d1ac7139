import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';

export const peeringRoutesNarrow = defineRule({
  id: 'peering-routes-narrow',
  title: "Routes to a VPC peering connection name the peer's CIDR, not all traffic",
  severity: 'medium',
  resourceTypes: ['aws_route_table', 'aws_route'],
  anchors: ['CKV2_AWS_44'],
  help: "Route only the peer VPC's CIDR block to a vpc_peering_connection_id, never 0.0.0.0/0 or ::/0: a default route into a peering connection sends every destination to the other VPC.",
  check(resource) {
    const routes =
      resource.type === 'aws_route'
        ? [
            {
              cidr_block: resource.values.destination_cidr_block,
              ipv6_cidr_block: resource.values.destination_ipv6_cidr_block,
              vpc_peering_connection_id: resource.values.vpc_peering_connection_id,
            },
          ]
        : blocks(resource.values.route);
    const open = routes.filter(
      (route) =>
        typeof route.vpc_peering_connection_id === 'string' &&
        route.vpc_peering_connection_id !== '' &&
        (route.cidr_block === '0.0.0.0/0' || route.ipv6_cidr_block === '::/0'),
    );
    return open.length === 0 ? pass() : fail('a route sends all traffic to a VPC peering connection');
  },
});
