import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group/index.js';
import { Eip } from '@cdktf/provider-aws/lib/eip/index.js';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway/index.js';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway/index.js';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table/index.js';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association/index.js';
import { Subnet } from '@cdktf/provider-aws/lib/subnet/index.js';
import { Vpc } from '@cdktf/provider-aws/lib/vpc/index.js';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint/index.js';
import type { Construct } from 'constructs';
import { type SubnetTier, tierSubnet } from './constructs/network/cidr.js';
import { VpcFlowLogs } from './constructs/network/flow-logs.js';
import { PlatformStack, type PlatformStackProps } from './platform-stack.js';

/** The tags the AWS Load Balancer Controller uses to discover subnets for public and internal ALBs. */
const TIER_TAGS: Record<SubnetTier, Record<string, string>> = {
  public: { 'kubernetes.io/role/elb': '1' },
  private: { 'kubernetes.io/role/internal-elb': '1' },
  database: {},
};

/**
 * The VPC: public, private and database subnets in every zone of the spec, NAT gateways (one per
 * zone or a single one), flow logs, and a default security group with no rules.
 *
 * Read by other stacks: `vpcId`, `vpcCidr`, `availabilityZones`, `publicSubnetIds`,
 * `privateSubnetIds` (nodes, internal load balancers, VPC endpoints) and `databaseSubnetIds`.
 */
export class NetworkStack extends PlatformStack {
  readonly vpcId: string;
  readonly vpcCidr: string;
  readonly availabilityZones: string[];
  readonly publicSubnetIds: string[];
  readonly privateSubnetIds: string[];
  readonly databaseSubnetIds: string[];

  constructor(scope: Construct, props: PlatformStackProps) {
    super(scope, 'network', props);
    this.useAwsProvider();
    const { network, environment } = this.spec;
    const name = this.resourceName('vpc');
    this.availabilityZones = network.availabilityZones.map((letter) => `${environment.region}${letter}`);

    const vpc = new Vpc(this, 'vpc', {
      cidrBlock: network.cidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { Name: name },
    });
    this.vpcId = vpc.id;
    this.vpcCidr = vpc.cidrBlock;

    // Terraform takes over the default security group and strips its rules.
    new DefaultSecurityGroup(this, 'default-security-group', {
      vpcId: vpc.id,
      ingress: [],
      egress: [],
      tags: { Name: `${name}-default-locked` },
    });

    const subnets = (tier: SubnetTier) =>
      this.availabilityZones.map(
        (zone, index) =>
          new Subnet(this, `${tier}-${zone}`, {
            vpcId: vpc.id,
            availabilityZone: zone,
            cidrBlock: tierSubnet(network.cidr, tier, index),
            mapPublicIpOnLaunch: false,
            tags: { Name: `${name}-${tier}-${zone}`, tier, ...TIER_TAGS[tier] },
          }),
      );
    const publicSubnets = subnets('public');
    const privateSubnets = subnets('private');
    const databaseSubnets = subnets('database');
    this.publicSubnetIds = publicSubnets.map((subnet) => subnet.id);
    this.privateSubnetIds = privateSubnets.map((subnet) => subnet.id);
    this.databaseSubnetIds = databaseSubnets.map((subnet) => subnet.id);

    const internetGateway = new InternetGateway(this, 'internet-gateway', {
      vpcId: vpc.id,
      tags: { Name: name },
    });
    const publicRoutes = new RouteTable(this, 'public-routes', {
      vpcId: vpc.id,
      route: [{ cidrBlock: '0.0.0.0/0', gatewayId: internetGateway.id }],
      tags: { Name: `${name}-public` },
    });
    publicSubnets.forEach((subnet, index) => {
      new RouteTableAssociation(this, `public-routes-${index}`, {
        subnetId: subnet.id,
        routeTableId: publicRoutes.id,
      });
    });

    const natZones = network.natGateways === 'single' ? publicSubnets.slice(0, 1) : publicSubnets;
    const natGateways = natZones.map((subnet, index) => {
      const zone = this.availabilityZones[index]!;
      const address = new Eip(this, `nat-address-${zone}`, {
        domain: 'vpc',
        tags: { Name: `${name}-nat-${zone}` },
      });
      return new NatGateway(this, `nat-${zone}`, {
        allocationId: address.allocationId,
        subnetId: subnet.id,
        tags: { Name: `${name}-nat-${zone}` },
        dependsOn: [internetGateway],
      });
    });

    // Each zone's private subnet leaves through its own zone's NAT gateway when there is one.
    const privateRouteTables = privateSubnets.map((subnet, index) => {
      const zone = this.availabilityZones[index]!;
      const nat = natGateways[index] ?? natGateways[0]!;
      const routes = new RouteTable(this, `private-routes-${zone}`, {
        vpcId: vpc.id,
        route: [{ cidrBlock: '0.0.0.0/0', natGatewayId: nat.id }],
        tags: { Name: `${name}-private-${zone}` },
      });
      new RouteTableAssociation(this, `private-routes-${index}`, {
        subnetId: subnet.id,
        routeTableId: routes.id,
      });
      return routes;
    });

    // Image layers (ECR keeps them in S3) and other S3 traffic skip the NAT gateways, at no charge.
    new VpcEndpoint(this, 's3-endpoint', {
      vpcId: vpc.id,
      serviceName: `com.amazonaws.${environment.region}.s3`,
      vpcEndpointType: 'Gateway',
      routeTableIds: privateRouteTables.map((table) => table.id),
      tags: { Name: `${name}-s3` },
    });

    // Database subnets have no route out of the VPC.
    const databaseRoutes = new RouteTable(this, 'database-routes', {
      vpcId: vpc.id,
      tags: { Name: `${name}-database` },
    });
    databaseSubnets.forEach((subnet, index) => {
      new RouteTableAssociation(this, `database-routes-${index}`, {
        subnetId: subnet.id,
        routeTableId: databaseRoutes.id,
      });
    });

    new VpcFlowLogs(this, 'flow-logs', {
      vpcId: vpc.id,
      namePrefix: this.resourceName('vpc'),
      region: environment.region,
      retentionInDays: network.flowLogRetentionDays,
    });
  }
}
