import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTED_ZONE, required, synthEdgeAndWorkloads } from './edge-workloads-fixture.js';
import { resourceList } from './synth.js';

type Synth = ReturnType<typeof synthEdgeAndWorkloads>;

const CERTIFICATE = 'arn:aws:acm:us-east-1:111122223333:certificate/0123abcd-0123-4567-89ab-0123456789ab';

let withV2: Synth;
let withZone: Synth;
let withCertificate: Synth;
let teardown: Synth;
let reference: Synth;
let doubledPeak: Synth;

beforeAll(() => {
  reference = synthEdgeAndWorkloads();
  doubledPeak = synthEdgeAndWorkloads({ requirements: { peakRpm: 2_000_000 } });
  withV2 = synthEdgeAndWorkloads({
    workloads: {
      services: [
        {
          name: 'promptcontent',
          port: 3001,
          versions: [
            { version: 1, image: 'promptsales/promptcontent:v1' },
            { version: 2, image: 'promptsales/promptcontent:v2', trafficShare: 0.5 },
          ],
        },
        { name: 'business', port: 3004, versions: [{ version: 1, image: 'promptsales/business:v1' }] },
      ],
    },
  });
  withZone = synthEdgeAndWorkloads({ apiGateway: { hostedZoneId: HOSTED_ZONE } });
  withCertificate = synthEdgeAndWorkloads({
    apiGateway: { hostedZoneId: undefined, certificateArn: CERTIFICATE },
  });
  teardown = synthEdgeAndWorkloads({ alb: { deletionProtection: false } });
});

describe('edge stack follows the spec', () => {
  it('routes a new API version on the ALB and the gateway from one versions entry', () => {
    const ingress = required(resourceList(withV2.edge, 'kubernetes_ingress_v1')[0], 'Ingress');
    const paths = (ingress.spec as { rule: { http: { path: { path: string; backend: unknown }[] } }[] })
      .rule[0]?.http.path;
    expect(paths?.map((p) => p.path)).toEqual([
      '/api/promptcontent/v1',
      '/api/promptcontent/v2',
      '/api/business/v1',
    ]);
    expect(paths?.[1]?.backend).toEqual({
      service: { name: 'promptcontent-api-v2', port: { number: 3001 } },
    });
    const routes = resourceList(withV2.edge, 'aws_apigatewayv2_route');
    const v2 = routes.find((route) => route.route_key === 'ANY /api/promptcontent/v2/{proxy+}');
    expect(v2?.authorization_type).toBe('JWT');
    // One per version, and Business's PayPal webhook route (without the authorizer).
    expect(routes.map((route) => route.route_key)).toHaveLength(4);
    expect(routes.filter((route) => route.authorization_type === 'NONE').map((r) => r.route_key)).toEqual([
      'POST /api/business/v1/paypal/webhooks',
    ]);
  });

  it('throttles the half-traffic version at what its own replicas serve', () => {
    const stage = required(resourceList(withV2.edge, 'aws_apigatewayv2_stage')[0], 'stage');
    const settings = (stage.route_settings as { route_key: string; throttling_rate_limit: number }[]).find(
      (s) => s.route_key === 'ANY /api/promptcontent/v2/{proxy+}',
    );
    // Two services share the platform (½ each); v2 takes half of promptcontent's: ¼ of 16,666.67 req/s.
    // ceil(4,166.67 ÷ 587.911) = 8 + 1 spare = 9 replicas × 587.911 req/s = 5,291.2.
    expect(settings?.throttling_rate_limit).toBe(5_291);
  });

  it('raises every route rate limit with the peak requirement, as the HPA maximum rises', () => {
    const limits = (synth: Synth) =>
      (
        required(resourceList(synth.edge, 'aws_apigatewayv2_stage')[0], 'stage').route_settings as {
          throttling_rate_limit: number;
        }[]
      ).map((s) => s.throttling_rate_limit);
    // A quarter of the peak each: 9 replicas × 587.911 = 5,291.2; the fifth is Business's webhook
    // route, served by Business's pods, at Business's figure.
    expect(limits(reference)).toEqual([5_291, 5_291, 5_291, 5_291, 5_291]);
    // Doubled: ceil(8,333.33 ÷ 587.911) = 15 + 1 = 16 replicas × 587.911 = 9,406.6.
    expect(limits(doubledPeak)).toEqual([9_406, 9_406, 9_406, 9_406, 9_406]);
  });

  it('writes the validation records and the alias when a hosted zone is given', () => {
    const records = resourceList(withZone.edge, 'aws_route53_record');
    expect(records.map((record) => record.zone_id)).toEqual([HOSTED_ZONE, HOSTED_ZONE]);
    const validation = records.find((record) => record.for_each);
    expect(validation?.type).toMatch(/resource_record_type/);
    const alias = records.find((record) => record.alias);
    expect(alias).toMatchObject({ name: withZone.spec.apiGateway.domainName, type: 'A' });
    const [check] = resourceList(withZone.edge, 'aws_acm_certificate_validation');
    expect(check?.validation_record_fqdns).toBeDefined();
  });

  it('uses a certificate the spec brings, with no certificate, validation or DNS record of its own', () => {
    expect(resourceList(withCertificate.edge, 'aws_acm_certificate')).toEqual([]);
    expect(resourceList(withCertificate.edge, 'aws_acm_certificate_validation')).toEqual([]);
    expect(resourceList(withCertificate.edge, 'aws_route53_record')).toEqual([]);
    const [domain] = resourceList(withCertificate.edge, 'aws_apigatewayv2_domain_name');
    expect(domain?.domain_name_configuration).toMatchObject({ certificate_arn: CERTIFICATE });
  });

  it('stops the synth, naming the field, when neither a hosted zone nor a certificate is given', () => {
    expect(() => synthEdgeAndWorkloads({ apiGateway: { hostedZoneId: undefined } })).toThrow(
      /apiGateway.hostedZoneId: name the Route 53 hosted zone of apiGateway.domainName/,
    );
  });

  it('lifts deletion protection only when the spec says so, for a teardown', () => {
    const [ingress] = resourceList(teardown.edge, 'kubernetes_ingress_v1');
    const attributes = ingress?.metadata?.annotations?.['alb.ingress.kubernetes.io/load-balancer-attributes'];
    expect(attributes).toContain('deletion_protection.enabled=false');
  });
});
