import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api/index.js';
import { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping/index.js';
import { Apigatewayv2Authorizer } from '@cdktf/provider-aws/lib/apigatewayv2-authorizer/index.js';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name/index.js';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration/index.js';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route/index.js';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage/index.js';
import { Apigatewayv2VpcLink } from '@cdktf/provider-aws/lib/apigatewayv2-vpc-link/index.js';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record/index.js';
import { Construct } from 'constructs';
import type { CapacityPlan } from '../../../calculators/plan-types.js';
import type { ApiGatewaySpec } from '../../../config/schema/edge-workloads.js';
import { UNAUTHENTICATED_ROUTES } from '../../../config/unauthenticated-routes.js';
import { CLIENT_IP_HEADER } from './client-ip.js';
import { routeRateLimit } from './route-throttling.js';

export interface HttpApiProps {
  name: string;
  plan: CapacityPlan;
  settings: ApiGatewaySpec;
  /** Issued (validated) certificate for `settings.domainName`. */
  certificateArn: string;
  /** The ALB's HTTPS listener, reached through the VPC link. */
  listenerArn: string;
  privateSubnetIds: string[];
  vpcLinkSecurityGroupId: string;
  /** JWT issuer and the audiences (app client ids) the authorizer accepts. */
  issuer: string;
  audience: string[];
  logKeyArn: string;
}

/** `ANY /api/promptcontent/v1/{proxy+}`: everything under one service version. */
export function routeKeyFor(path: string): string {
  return `ANY ${path}/{proxy+}`;
}

/** One JSON object per request; `$context` variables are API Gateway's, not Terraform's. */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  subject: '$context.authorizer.claims.sub',
});

/**
 * The public entry point: an HTTP API on the API's domain whose every route requires a valid JWT,
 * forwarded through a VPC link to the internal ALB over TLS (verified against the API's own
 * certificate name). Each service version gets its route, throttled at what its pods can serve.
 */
export class HttpApi extends Construct {
  readonly api: Apigatewayv2Api;
  readonly authorizer: Apigatewayv2Authorizer;
  readonly routes: Apigatewayv2Route[];
  /** The routes without the JWT authorizer (config/unauthenticated-routes.ts) whose service is deployed. */
  readonly unauthenticatedRoutes: Apigatewayv2Route[];
  readonly stage: Apigatewayv2Stage;
  readonly domain: Apigatewayv2DomainName;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    const { settings, plan } = props;
    this.api = new Apigatewayv2Api(this, 'api', {
      name: props.name,
      description: 'PromptSales API: /api/<service>/v<N>, JWT-authorized, proxied to the internal ALB',
      protocolType: 'HTTP',
      // Clients use the custom domain; the execute-api URL would be a second, unnamed way in.
      disableExecuteApiEndpoint: true,
      ...(settings.corsAllowOrigins.length > 0
        ? {
            corsConfiguration: {
              allowOrigins: settings.corsAllowOrigins,
              allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
              allowHeaders: ['authorization', 'content-type'],
            },
          }
        : {}),
    });
    this.authorizer = new Apigatewayv2Authorizer(this, 'jwt-authorizer', {
      apiId: this.api.id,
      name: 'cognito-jwt',
      authorizerType: 'JWT',
      identitySources: ['$request.header.Authorization'],
      jwtConfiguration: { issuer: props.issuer, audience: props.audience },
    });
    const vpcLink = new Apigatewayv2VpcLink(this, 'vpc-link', {
      name: props.name,
      subnetIds: props.privateSubnetIds,
      securityGroupIds: [props.vpcLinkSecurityGroupId],
    });
    const integration = new Apigatewayv2Integration(this, 'alb-integration', {
      apiId: this.api.id,
      description: 'The internal API load balancer, HTTPS listener',
      integrationType: 'HTTP_PROXY',
      integrationMethod: 'ANY',
      integrationUri: props.listenerArn,
      connectionType: 'VPC_LINK',
      connectionId: vpcLink.id,
      payloadFormatVersion: '1.0',
      tlsConfig: { serverNameToVerify: settings.domainName },
      // Overwritten, so a client cannot forge them: who called (the token's subject) and from where.
      requestParameters: {
        'overwrite:header.x-auth-subject': '$context.authorizer.claims.sub',
        [`overwrite:header.${CLIENT_IP_HEADER}`]: '$context.identity.sourceIp',
      },
    });
    this.routes = plan.deployments.map(
      (deployment) =>
        new Apigatewayv2Route(this, `route-${deployment.name}`, {
          apiId: this.api.id,
          routeKey: routeKeyFor(deployment.path),
          target: `integrations/${integration.id}`,
          authorizationType: 'JWT',
          authorizerId: this.authorizer.id,
        }),
    );
    // More specific than `{proxy+}`, so the gateway picks them; the service authenticates the caller.
    const exempt = UNAUTHENTICATED_ROUTES.flatMap((route) => {
      const deployment = plan.deployments.find((d) => d.path === route.basePath);
      return deployment ? [{ route, deployment }] : [];
    });
    this.unauthenticatedRoutes = exempt.map(
      ({ route }) =>
        new Apigatewayv2Route(this, `unauthenticated-${route.routeKey.replace(/[^A-Za-z0-9]+/g, '-')}`, {
          apiId: this.api.id,
          routeKey: route.routeKey,
          target: `integrations/${integration.id}`,
          authorizationType: 'NONE',
        }),
    );
    const accessLogs = new CloudwatchLogGroup(this, 'access-logs', {
      name: `/aws/apigateway/${props.name}`,
      retentionInDays: settings.accessLogRetentionDays,
      kmsKeyId: props.logKeyArn,
    });
    this.stage = new Apigatewayv2Stage(this, 'stage', {
      apiId: this.api.id,
      name: '$default',
      autoDeploy: true,
      accessLogSettings: { destinationArn: accessLogs.arn, format: ACCESS_LOG_FORMAT },
      defaultRouteSettings: {
        detailedMetricsEnabled: true,
        throttlingBurstLimit: settings.throttlingBurstLimit,
      },
      routeSettings: [
        ...plan.deployments.map((deployment) => ({
          routeKey: routeKeyFor(deployment.path),
          detailedMetricsEnabled: true,
          throttlingBurstLimit: settings.throttlingBurstLimit,
          throttlingRateLimit: routeRateLimit(plan, deployment),
        })),
        // The same deployment serves them: the same ceiling as its `{proxy+}` route.
        ...exempt.map(({ route, deployment }) => ({
          routeKey: route.routeKey,
          detailedMetricsEnabled: true,
          throttlingBurstLimit: settings.throttlingBurstLimit,
          throttlingRateLimit: routeRateLimit(plan, deployment),
        })),
      ],
      dependsOn: [...this.routes, ...this.unauthenticatedRoutes],
    });
    this.domain = new Apigatewayv2DomainName(this, 'domain', {
      domainName: settings.domainName,
      domainNameConfiguration: {
        certificateArn: props.certificateArn,
        endpointType: 'REGIONAL',
        securityPolicy: 'TLS_1_2',
      },
    });
    new Apigatewayv2ApiMapping(this, 'mapping', {
      apiId: this.api.id,
      domainName: this.domain.id,
      stage: this.stage.id,
    });
    if (settings.hostedZoneId) {
      new Route53Record(this, 'alias', {
        zoneId: settings.hostedZoneId,
        name: settings.domainName,
        type: 'A',
        alias: {
          name: this.domain.domainNameConfiguration.targetDomainName,
          zoneId: this.domain.domainNameConfiguration.hostedZoneId,
          evaluateTargetHealth: false,
        },
      });
    }
  }
}
