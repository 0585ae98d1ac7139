import { describe, expect, it } from 'vitest';
import { rulesInPack } from '../../policies/packs.js';

const ids = (pack: Parameters<typeof rulesInPack>[0]) => rulesInPack(pack).map((rule) => rule.id);

describe('the packs of one part of the platform', () => {
  it('puts bucket, key and secret rules in storage', () => {
    expect(ids('storage')).toEqual(
      expect.arrayContaining(['s3-tls-only', 's3-kms-encryption', 'kms-key-rotation', 'secret-rotation']),
    );
    expect(ids('storage')).not.toContain('aurora-backtracking');
  });

  it('puts Aurora and ElastiCache rules in databases', () => {
    expect(ids('databases')).toEqual(
      expect.arrayContaining(['aurora-backtracking', 'aurora-enhanced-monitoring', 'redis-auth']),
    );
    expect(ids('databases')).not.toContain('s3-tls-only');
  });

  it('puts load balancer, WAF, API Gateway and certificate rules in edge, Ingress-annotation rules included', () => {
    expect(ids('edge')).toEqual(
      expect.arrayContaining(['waf-logging', 'api-stage-access-logging', 'alb-waf-attached', 'lb-internal']),
    );
  });

  it('leaves rules that read none of those types out of all three', () => {
    for (const pack of ['storage', 'databases', 'edge'] as const)
      expect(ids(pack)).not.toContain('container-probes');
  });
});
