import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';

export const routeTableNatGateway = defineRule({
  id: 'route-table-nat-gateway',
  title: 'Default routes go through NAT gateways, not NAT instances',
  severity: 'low',
  resourceTypes: ['aws_route_table', 'aws_route'],
  anchors: ['CKV2_AWS_35'],
  help: "Route 0.0.0.0/0 of private subnets to an aws_nat_gateway (nat_gateway_id), one per zone, not to an instance_id: a NAT instance is a single machine to patch and scale, and its zone's outage cuts egress.",
  check(resource) {
    const routes =
      resource.type === 'aws_route'
        ? [{ cidr_block: resource.values.destination_cidr_block, instance_id: resource.values.instance_id }]
        : blocks(resource.values.route);
    const throughInstance = routes.filter(
      (route) =>
        route.cidr_block === '0.0.0.0/0' && typeof route.instance_id === 'string' && route.instance_id !== '',
    );
    return throughInstance.length === 0 ? pass() : fail('the default route goes to an instance');
  },
});
