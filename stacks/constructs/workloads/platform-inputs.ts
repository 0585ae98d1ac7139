/** What the edge and workloads stacks read from the network stack (its public properties). */
export interface NetworkOutputs {
  vpcId: string;
  vpcCidr: string;
  privateSubnetIds: string[];
}

/** What the edge and workloads stacks read from the cluster stack (its public properties). */
export interface ClusterOutputs {
  clusterName: string;
  clusterEndpoint: string;
  /** Base64-encoded PEM, as EKS returns it (`certificate_authority[0].data`). */
  clusterCertificateAuthorityData: string;
}
