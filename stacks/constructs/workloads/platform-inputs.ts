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

/** The identity stack's token issuer and service client (`IdentityStack.tokens`). */
export interface TokenIssuerOutputs {
  /** `https://cognito-idp.<region>.amazonaws.com/<pool id>`: the `iss` of every token. */
  issuerUrl: string;
  /** `<issuer>/.well-known/jwks.json`. */
  jwksUrl: string;
  /** The portal app client's id: `client_id` of access tokens, `aud` of ID tokens. */
  audience: string;
  /** The hosted domain's OAuth token endpoint (client credentials). */
  tokenUrl: string;
  /** The resource server's identifier, which Cognito puts before every custom scope. */
  resourceServer: string;
  /** The machine client the services call each other with. */
  serviceClientId: string;
  /** Secrets Manager secret holding that client's `client_id` and `client_secret`. */
  serviceClientSecretArn: string;
}

/** One Aurora database as the data stack publishes it; credentials by secret ARN only. */
export interface AuroraOutputs {
  host: string;
  port: number;
  database: string;
  masterSecretArn: string;
  /** `cluster-ABC…`: what `rds-db:connect` permissions name. */
  clusterResourceId: string;
}

/** What the workloads stack reads from the data stack (`DataStack.connections`). */
export interface DataOutputs {
  postgres: AuroraOutputs;
  mysql: AuroraOutputs;
  redis: { host: string; port: number; authTokenSecretArn: string };
}

/** What the workloads stack reads from the Atlas stack. */
export interface AtlasOutputs {
  privateConnectionString: string;
  contentDatabase: string;
  contentRoleArn: string;
}

/** Everything the API pods are configured from, besides the spec. */
export interface ServiceRuntimeInputs {
  tokens: TokenIssuerOutputs;
  data: DataOutputs;
  atlas: AtlasOutputs;
  /** The identity stack's PayPal secret (client id, secret, webhook id), when payments go to PayPal. */
  paypalSecretArn?: string;
}
