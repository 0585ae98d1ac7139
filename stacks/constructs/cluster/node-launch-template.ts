import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template/index.js';
import { Construct } from 'constructs';

export interface NodeLaunchTemplateProps {
  name: string;
  rootVolumeGiB: number;
  tags: Record<string, string>;
}

/**
 * The node group's launch template: IMDSv2 only, with a hop limit of 1 so pods cannot borrow the
 * node role (they get their own through Pod Identity or IRSA), and an encrypted gp3 root volume.
 * No security groups here: managed nodes then join the cluster security group.
 */
export class NodeLaunchTemplate extends Construct {
  readonly template: LaunchTemplate;

  constructor(scope: Construct, id: string, props: NodeLaunchTemplateProps) {
    super(scope, id);
    this.template = new LaunchTemplate(this, 'template', {
      name: props.name,
      description: 'EKS managed nodes: IMDSv2 required, encrypted root volume',
      updateDefaultVersion: true,
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        httpPutResponseHopLimit: 1,
        instanceMetadataTags: 'disabled',
      },
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda',
          ebs: {
            volumeSize: props.rootVolumeGiB,
            volumeType: 'gp3',
            encrypted: 'true',
            deleteOnTermination: 'true',
          },
        },
      ],
      monitoring: { enabled: true },
      tagSpecifications: [
        { resourceType: 'instance', tags: props.tags },
        { resourceType: 'volume', tags: props.tags },
      ],
    });
  }
}
