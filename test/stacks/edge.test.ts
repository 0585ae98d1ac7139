import { beforeAll, describe, expect, it } from 'vitest';
import { ALB_TLS_POLICIES } from '../../config/schema/edge-workloads.js';
import { UNAUTHENTICATED_ROUTE_KEYS } from '../../config/unauthenticated-routes.js';
import { gatewayExemptRouteKeys } from '../../services/kit/exempt-routes.js';
import {
  addressOf,
  identity,
  literalSecrets,
  network,
  required,
  synthEdgeAndWorkloads,
} from './edge-workloads-fixture.js';
import { type Resource, resourceList, type SynthesizedStack } from './synth.js';

type Synth = ReturnType<typeof synthEdgeAndWorkloads>;

let synth: Synth;
let edge: SynthesizedStack;
let annotations: Record<string, string>;

const alb = (key: string) => required(annotations[`alb.ingress.kubernetes.io/${key}`], key);

/** `a=1,b=2` → { a: '1', b: '2' }, the controller's attribute list. */
function attributes(list: string): Record<string, string> {
  return Object.fromEntries(list.split(',').map((pair) => pair.split('=') as [string, string]));
}

function only(type: string): Resource {
  const [resource, ...rest] = resourceList(edge, type);
  if (!resource || rest.length > 0) throw new Error(`expected one ${type}`);
  return resource;
}

beforeAll(() => {
  synth = synthEdgeAndWorkloads();
  edge = synth.edge;
  annotations = only('kubernetes_ingress_v1').metadata?.annotations ?? {};
});

describe('edge stack: the ALB, through the load balancer controller', () => {
  it('health-checks /readyz every 10 s with a 5 s timeout, out after 3 failures (reference document)', () => {
    expect(alb('healthcheck-path')).toBe('/readyz');
    expect(alb('healthcheck-interval-seconds')).toBe('10');
    expect(alb('healthcheck-timeout-seconds')).toBe('5');
    expect(alb('unhealthy-threshold-count')).toBe('3');
  });

  it('serves HTTPS with a TLS 1.2+ policy and the API certificate, and redirects HTTP to it', () => {
    expect(alb('ssl-policy')).toBe('ELBSecurityPolicy-TLS13-1-2-2021-06');
    expect(ALB_TLS_POLICIES).toContain(alb('ssl-policy'));
    expect(JSON.parse(alb('listen-ports'))).toEqual([{ HTTP: 80 }, { HTTPS: 443 }]);
    expect(alb('ssl-redirect')).toBe('443');
    expect(alb('certificate-arn')).toBe(
      `\${${addressOf(edge, 'aws_acm_certificate_validation')}.certificate_arn}`,
    );
  });

  it('drops invalid headers, is deletion-protected and logs to the access-log bucket', () => {
    const set = attributes(alb('load-balancer-attributes'));
    expect(set).toMatchObject({
      'routing.http.drop_invalid_header_fields.enabled': 'true',
      'deletion_protection.enabled': 'true',
      'access_logs.s3.enabled': 'true',
      'access_logs.s3.bucket': `\${${addressOf(edge, 'aws_s3_bucket')}.bucket}`,
    });
  });

  it('is internal, named from the spec, and guarded by the WAF', () => {
    expect(alb('scheme')).toBe('internal');
    expect(alb('load-balancer-name')).toBe(synth.spec.edge.loadBalancerName);
    expect(alb('wafv2-acl-arn')).toBe(`\${${addressOf(edge, 'aws_wafv2_web_acl')}.arn}`);
    expect(alb('subnets')).toContain(network.privateSubnetIds[0]);
  });

  it('routes /api/<service>/v<N> to the <service>-api-v<N> Service, one rule per deployment', () => {
    const ingress = only('kubernetes_ingress_v1');
    const spec = ingress.spec as {
      ingress_class_name: string;
      rule: { http: { path: { path: string; path_type: string; backend: { service: unknown } }[] } }[];
    };
    expect(spec.ingress_class_name).toBe('alb');
    const paths = spec.rule.flatMap((rule) => rule.http.path);
    expect(paths).toHaveLength(synth.plan.deployments.length);
    for (const deployment of synth.plan.deployments) {
      expect(paths).toContainEqual({
        path: deployment.path,
        path_type: 'Prefix',
        backend: { service: { name: deployment.name, port: { number: deployment.port } } },
      });
    }
    expect(ingress.wait_for_load_balancer).toBe(true);
  });

  it('looks the ALB up by its fixed name once the Ingress is in place, and its HTTPS listener', () => {
    const lb = Object.values(edge.data?.aws_lb ?? {});
    expect(lb).toEqual([
      { name: synth.spec.edge.loadBalancerName, depends_on: [addressOf(edge, 'kubernetes_ingress_v1')] },
    ]);
    const [listener] = Object.values(edge.data?.aws_lb_listener ?? {});
    expect(listener?.port).toBe(443);
  });

  it('lets only the VPC link reach the ALB, and the ALB only the pods inside the VPC', () => {
    const ingress = resourceList(edge, 'aws_vpc_security_group_ingress_rule');
    expect(ingress.map((rule) => rule.from_port).sort()).toEqual([443, 80]);
    for (const rule of ingress) {
      expect(rule.referenced_security_group_id).toMatch(/vpc-link/);
      expect(rule.cidr_ipv4).toBeUndefined();
    }
    for (const rule of resourceList(edge, 'aws_vpc_security_group_egress_rule')) {
      expect(rule.cidr_ipv4 ?? rule.referenced_security_group_id).not.toBe('0.0.0.0/0');
      expect(rule.description).toBeTruthy();
    }
  });
});

describe('edge stack: certificate, WAF and access-log bucket', () => {
  it('requests an RSA 2048 certificate for the API domain, DNS-validated, replaced before destroyed', () => {
    expect(only('aws_acm_certificate')).toMatchObject({
      domain_name: synth.spec.apiGateway.domainName,
      validation_method: 'DNS',
      key_algorithm: 'RSA_2048',
      lifecycle: { create_before_destroy: true },
    });
  });

  it('applies the AWS managed rule groups and a per-IP rate limit from the spec', () => {
    const acl = only('aws_wafv2_web_acl') as Resource & {
      scope: string;
      rule: { name: string; statement: Record<string, { limit?: number; vendor_name?: string }> }[];
    };
    expect(acl.scope).toBe('REGIONAL');
    const managed = acl.rule.filter((rule) => rule.statement.managed_rule_group_statement);
    expect(managed.map((rule) => rule.name)).toEqual(synth.spec.alb.waf.managedRuleGroups);
    expect(managed.every((rule) => rule.statement.managed_rule_group_statement?.vendor_name === 'AWS')).toBe(
      true,
    );
    const rate = acl.rule.find((rule) => rule.statement.rate_based_statement);
    expect(rate?.statement.rate_based_statement).toMatchObject({
      limit: synth.spec.alb.waf.rateLimitPerIp,
      aggregate_key_type: 'FORWARDED_IP',
      forwarded_ip_config: { header_name: 'x-client-ip' },
    });
    expect(only('aws_wafv2_web_acl_logging_configuration').resource_arn).toBe(
      `\${${addressOf(edge, 'aws_wafv2_web_acl')}.arn}`,
    );
  });

  it('keeps the access logs private, versioned, SSE-S3 encrypted (what ALB delivery supports) and expiring', () => {
    expect(only('aws_s3_bucket_public_access_block')).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(only('aws_s3_bucket_versioning').versioning_configuration).toEqual({ status: 'Enabled' });
    const [rule] = only('aws_s3_bucket_server_side_encryption_configuration').rule as {
      apply_server_side_encryption_by_default: { sse_algorithm: string };
    }[];
    expect(rule?.apply_server_side_encryption_by_default.sse_algorithm).toBe('AES256');
    const [lifecycle] = only('aws_s3_bucket_lifecycle_configuration').rule as {
      status: string;
      expiration: { days: number }[];
    }[];
    expect(lifecycle?.status).toBe('Enabled');
    expect(lifecycle?.expiration[0]?.days).toBe(synth.spec.alb.accessLogs.expirationDays);
  });

  it('refuses any request to the bucket that does not use TLS', () => {
    const policy = JSON.parse(only('aws_s3_bucket_policy').policy as string);
    expect(policy.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
  });

  it('encrypts every edge log group with a rotated customer-managed key', () => {
    const key = only('aws_kms_key');
    expect(key.enable_key_rotation).toBe(true);
    const groups = resourceList(edge, 'aws_cloudwatch_log_group');
    expect(groups).toHaveLength(2);
    for (const group of groups) {
      expect(group.kms_key_id).toBe(`\${${addressOf(edge, 'aws_kms_key')}.arn}`);
      expect(group.retention_in_days).toBeGreaterThanOrEqual(365);
    }
  });
});

describe('edge stack: the HTTP API and its JWT authorizer', () => {
  it('keeps no user pool of its own: the identity stack issues the tokens', () => {
    expect(resourceList(edge, 'aws_cognito_user_pool')).toEqual([]);
    expect(resourceList(edge, 'aws_cognito_user_pool_client')).toEqual([]);
  });

  it('validates JWTs from the identity stack issuer for the portal client, as the services do', () => {
    expect(only('aws_apigatewayv2_authorizer')).toMatchObject({
      authorizer_type: 'JWT',
      identity_sources: ['$request.header.Authorization'],
      jwt_configuration: { issuer: identity.tokens.issuerUrl, audience: [identity.tokens.audience] },
    });
  });

  it('puts every route behind the JWT authorizer, one per service version, but the exempt ones', () => {
    const routes = resourceList(edge, 'aws_apigatewayv2_route');
    const authorized = routes.filter((route) => route.authorization_type !== 'NONE');
    expect(authorized.map((route) => route.route_key).sort()).toEqual(
      synth.plan.deployments.map((d) => `ANY ${d.path}/{proxy+}`).sort(),
    );
    const authorizer = `\${${addressOf(edge, 'aws_apigatewayv2_authorizer')}.id}`;
    for (const route of authorized) {
      expect(route.authorization_type).toBe('JWT');
      expect(route.authorizer_id).toBe(authorizer);
    }
  });

  it('routes without the authorizer exactly the exempt routes of the services under /api/ (PayPal webhooks)', () => {
    const unauthenticated = resourceList(edge, 'aws_apigatewayv2_route').filter(
      (route) => route.authorization_type === 'NONE',
    );
    expect(unauthenticated.map((route) => route.route_key)).toEqual(gatewayExemptRouteKeys());
    expect(unauthenticated.map((route) => route.route_key)).toEqual([
      'POST /api/business/v1/paypal/webhooks',
    ]);
    for (const route of unauthenticated) expect(route).not.toHaveProperty('authorizer_id');
    // The config list the stack and the policy rule read is the services' list.
    expect([...UNAUTHENTICATED_ROUTE_KEYS]).toEqual(gatewayExemptRouteKeys());
  });

  it('proxies to the ALB HTTPS listener through the VPC link, verifying the API certificate name', () => {
    const [listener] = Object.keys(edge.data?.aws_lb_listener ?? {});
    expect(only('aws_apigatewayv2_integration')).toMatchObject({
      integration_type: 'HTTP_PROXY',
      connection_type: 'VPC_LINK',
      connection_id: `\${${addressOf(edge, 'aws_apigatewayv2_vpc_link')}.id}`,
      integration_uri: `\${data.aws_lb_listener.${listener}.arn}`,
      tls_config: { server_name_to_verify: synth.spec.apiGateway.domainName },
    });
    expect(only('aws_apigatewayv2_vpc_link').subnet_ids).toEqual(network.privateSubnetIds);
  });

  it("overwrites the caller's address and subject headers, so the WAF counts per client and none can forge them", () => {
    expect(only('aws_apigatewayv2_integration').request_parameters).toEqual({
      'overwrite:header.x-client-ip': '$context.identity.sourceIp',
      'overwrite:header.x-auth-subject': '$context.authorizer.claims.sub',
    });
  });

  it('throttles each route at what its deployment serves at maximum replicas, and logs every request', () => {
    const stage = only('aws_apigatewayv2_stage') as Resource & {
      route_settings: { route_key: string; throttling_rate_limit: number }[];
      access_log_settings: { destination_arn: string; format: string };
    };
    for (const deployment of synth.plan.deployments) {
      const settings = stage.route_settings.find((s) => s.route_key === `ANY ${deployment.path}/{proxy+}`);
      // A quarter of the peak each: 9 replicas (8 + 1 spare) × 587.911 req/s = 5,291.2.
      expect(settings?.throttling_rate_limit).toBe(5_291);
    }
    // The webhook route is served by Business's pods: the same ceiling as Business's route.
    const webhook = stage.route_settings.find((s) => s.route_key === 'POST /api/business/v1/paypal/webhooks');
    expect(webhook?.throttling_rate_limit).toBe(5_291);
    expect(stage.access_log_settings.destination_arn).toMatch(
      /aws_cloudwatch_log_group\..*access-logs.*\.arn/,
    );
    expect(JSON.parse(stage.access_log_settings.format)).toHaveProperty('requestId', '$context.requestId');
    expect(only('aws_apigatewayv2_api').disable_execute_api_endpoint).toBe(true);
  });

  it('serves the API on its custom domain with TLS 1.2', () => {
    expect(only('aws_apigatewayv2_domain_name')).toMatchObject({
      domain_name: synth.spec.apiGateway.domainName,
      domain_name_configuration: { endpoint_type: 'REGIONAL', security_policy: 'TLS_1_2' },
    });
  });

  it('writes no credential into the synthesized JSON', () => {
    expect(literalSecrets(edge)).toEqual([]);
  });
});
