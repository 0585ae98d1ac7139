import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity/index.js';
import { Fn, TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { AccessLogBucket } from './constructs/edge/access-log-bucket.js';
import { AlbSecurityGroups } from './constructs/edge/alb-security-groups.js';
import { ApiIngress } from './constructs/edge/api-ingress.js';
import { ApiCertificate } from './constructs/edge/certificate.js';
import { HttpApi } from './constructs/edge/http-api.js';
import { addLogEncryptionKey } from './constructs/edge/log-encryption-key.js';
import { ApiWebAcl } from './constructs/edge/web-acl.js';
import { addKubernetesProvider } from './constructs/workloads/cluster-providers.js';
import type { ClusterOutputs, NetworkOutputs } from './constructs/workloads/platform-inputs.js';
import { PlatformStack, type PlatformStackProps } from './platform-stack.js';

export interface EdgeStackProps extends PlatformStackProps {
  network: NetworkOutputs;
  cluster: ClusterOutputs;
  /** The workloads stack: its namespace holds the Ingress, and its Services are the ALB's targets. */
  workloads: { namespace: string };
  /** The identity stack's token issuer: the JWT authorizer accepts what the services accept. */
  identity: { tokens: { issuerUrl: string; audience: string } };
}

/**
 * From the internet to the API Services: the certificate, the WAF, the ALB (an Ingress the load
 * balancer controller realizes, with its access-log bucket) and the HTTP API with its JWT
 * authorizer (the identity stack's Cognito issuer and portal client), VPC link and one route per
 * service version.
 *
 * Applied after the workloads stack (the controller and the Services must exist): the Ingress
 * waits for the controller to publish the ALB, then the gateway's integration looks the ALB's
 * HTTPS listener up by the ALB's fixed name.
 */
export class EdgeStack extends PlatformStack {
  readonly loadBalancerName: string;
  /** The HTTP API's id (its metrics' ApiId dimension). */
  readonly httpApiId: string;

  constructor(scope: Construct, props: EdgeStackProps) {
    super(scope, 'edge', props);
    this.useAwsProvider();
    const { spec, plan } = this;
    const region = spec.environment.region;
    addKubernetesProvider(this, props.cluster, region);
    const account = { accountId: new DataAwsCallerIdentity(this, 'account', {}).accountId, region };
    const name = this.resourceName('api');
    this.loadBalancerName = spec.edge.loadBalancerName;

    const logKey = addLogEncryptionKey(this, name, account);
    const certificate = new ApiCertificate(this, 'certificate', {
      domainName: spec.apiGateway.domainName,
      hostedZoneId: spec.apiGateway.hostedZoneId,
      certificateArn: spec.apiGateway.certificateArn,
    });
    const webAcl = new ApiWebAcl(this, 'waf', { name, settings: spec.alb.waf, logKeyArn: logKey.arn });
    const accessLogs = new AccessLogBucket(this, 'access-logs', {
      namePrefix: this.resourceName('alb-access-logs'),
      account,
      settings: spec.alb.accessLogs,
    });
    const securityGroups = new AlbSecurityGroups(this, 'security-groups', {
      namePrefix: this.resourceName('edge'),
      vpcId: props.network.vpcId,
      vpcCidr: props.network.vpcCidr,
      targetPorts: plan.deployments.map((d) => d.port),
    });
    const ingress = new ApiIngress(this, 'alb', {
      namespace: props.workloads.namespace,
      deployments: plan.deployments,
      loadBalancerName: this.loadBalancerName,
      settings: spec.alb,
      subnetIds: Fn.join(',', props.network.privateSubnetIds),
      securityGroupId: securityGroups.loadBalancer.id,
      certificateArn: certificate.certificateArn,
      webAclArn: webAcl.webAcl.arn,
      accessLogBucket: accessLogs.bucket.bucket,
      // ELB checks that it may write to the bucket when access logs are switched on.
      dependsOn: [accessLogs.policy],
    });

    const api = new HttpApi(this, 'http-api', {
      name,
      plan,
      settings: spec.apiGateway,
      certificateArn: certificate.certificateArn,
      listenerArn: ingress.httpsListener.arn,
      privateSubnetIds: props.network.privateSubnetIds,
      vpcLinkSecurityGroupId: securityGroups.vpcLink.id,
      issuer: props.identity.tokens.issuerUrl,
      audience: [props.identity.tokens.audience],
      logKeyArn: logKey.arn,
    });

    this.httpApiId = api.api.id;

    new TerraformOutput(this, 'api_url', { value: `https://${spec.apiGateway.domainName}` });
    new TerraformOutput(this, 'api_domain_target', {
      description: 'Point the API domain here (an alias record) when no hosted zone is given',
      value: api.domain.domainNameConfiguration.targetDomainName,
    });
    new TerraformOutput(this, 'load_balancer_dns_name', { value: ingress.loadBalancer.dnsName });
  }
}
