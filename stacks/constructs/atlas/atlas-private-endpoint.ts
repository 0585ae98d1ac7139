import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint/index.js';
import { PrivatelinkEndpoint } from '@cdktf/provider-mongodbatlas/lib/privatelink-endpoint/index.js';
import { PrivatelinkEndpointService } from '@cdktf/provider-mongodbatlas/lib/privatelink-endpoint-service/index.js';
import { Construct } from 'constructs';
import { ClientSecurityGroup } from '../data/client-security-group.js';

export interface AtlasPrivateEndpointProps {
  projectId: string;
  name: string;
  region: string;
  vpcId: string;
  subnetIds: string[];
  clientSecurityGroupId: string;
}

/** AWS PrivateLink to the Atlas project: the cluster is reached from the VPC, never over the internet. */
export class AtlasPrivateEndpoint extends Construct {
  readonly service: PrivatelinkEndpointService;
  readonly vpcEndpoint: VpcEndpoint;

  constructor(scope: Construct, id: string, props: AtlasPrivateEndpointProps) {
    super(scope, id);
    const endpoint = new PrivatelinkEndpoint(this, 'atlas-side', {
      projectId: props.projectId,
      providerName: 'AWS',
      region: props.region,
    });
    // Atlas maps each node to its own port on the endpoint, anywhere in 1024–65535.
    const securityGroup = new ClientSecurityGroup(this, 'security-group', {
      name: props.name,
      description: `Atlas PrivateLink ${props.name}: ports 1024-65535 from the EKS cluster only`,
      vpcId: props.vpcId,
      port: 1024,
      toPort: 65535,
      clientSecurityGroupId: props.clientSecurityGroupId,
    });
    this.vpcEndpoint = new VpcEndpoint(this, 'aws-side', {
      vpcId: props.vpcId,
      serviceName: endpoint.endpointServiceName,
      vpcEndpointType: 'Interface',
      subnetIds: props.subnetIds,
      securityGroupIds: [securityGroup.id],
      tags: { Name: props.name },
    });
    this.service = new PrivatelinkEndpointService(this, 'connection', {
      projectId: props.projectId,
      privateLinkId: endpoint.privateLinkId,
      endpointServiceId: this.vpcEndpoint.id,
      providerName: 'AWS',
    });
  }
}
