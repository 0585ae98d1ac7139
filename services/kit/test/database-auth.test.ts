import { afterEach, describe, expect, it, vi } from 'vitest';
import { iamTokenProvider, loadDatabaseAuth, loadServiceRole } from '../index.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('RDS IAM database authentication', () => {
  it("signs a fresh connect token for the URL's host, port and user on every call", async () => {
    // Signing happens locally (SigV4 presigning); these keys never leave the process.
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAEXAMPLEEXAMPLE00');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'example-secret-key-example-secret-key');
    const token = iamTokenProvider(
      'postgres://promptads_app@promptsales-prod-postgres.cluster-abc.us-east-1.rds.amazonaws.com:5432/promptads',
      'us-east-1',
    );
    const first = await token();
    expect(first).toMatch(
      /^promptsales-prod-postgres\.cluster-abc\.us-east-1\.rds\.amazonaws\.com:5432\/\?Action=connect&DBUser=promptads_app&/,
    );
    expect(first).toContain('X-Amz-Expires=900');
  });

  it('reads DATABASE_AUTH and AWS_REGION, password auth by default', () => {
    expect(loadDatabaseAuth({})).toEqual({ auth: 'password', region: undefined });
    expect(loadDatabaseAuth({ DATABASE_AUTH: 'iam', AWS_REGION: 'us-east-1' })).toEqual({
      auth: 'iam',
      region: 'us-east-1',
    });
    expect(() => loadDatabaseAuth({ DATABASE_AUTH: 'kerberos' })).toThrow(/- DATABASE_AUTH: /);
  });

  it("reads the migration job's service role, none when DATABASE_APP_ROLE is unset", () => {
    expect(loadServiceRole({})).toBeUndefined();
    expect(loadServiceRole({ DATABASE_APP_ROLE: 'promptads_app', DATABASE_AUTH: 'iam' })).toEqual({
      name: 'promptads_app',
      auth: 'iam',
    });
    expect(() => loadServiceRole({ DATABASE_APP_ROLE: 'Robert"; DROP' })).toThrow(
      /- DATABASE_APP_ROLE: a database role name/,
    );
  });
});
