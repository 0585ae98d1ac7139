import { beforeAll, describe, expect, it } from 'vitest';
import { environmentSpec, type SynthesizedPlatform, synthesize } from './synth.js';

/** Keys whose value is a credential when it is a literal. */
const SECRET_KEY =
  /(^|_)(password|passwd|secret|token|private_key|secret_key|access_key|api_key|secret_string|secret_binary)$/i;
/** Values that look like credentials wherever they appear. */
const SECRET_VALUE = [/AKIA[0-9A-Z]{16}/, /-----BEGIN [A-Z ]*PRIVATE KEY-----/, /^00[A-Za-z0-9_-]{40}$/];

/** Every `path: value` where a credential-like key holds a literal, or a value looks like a credential. */
function literalSecrets(document: unknown, path = ''): string[] {
  if (Array.isArray(document))
    return document.flatMap((item, index) => literalSecrets(item, `${path}[${index}]`));
  if (typeof document === 'object' && document !== null) {
    return Object.entries(document).flatMap(([key, value]) => {
      const here = path ? `${path}.${key}` : key;
      // A Terraform reference, or an ExternalSecret template the operator renders inside the cluster.
      const literal =
        typeof value === 'string' && !value.startsWith('${') && !/^\{\{ \.[A-Za-z]+ \}\}$/.test(value);
      return [...(SECRET_KEY.test(key) && literal ? [here] : []), ...literalSecrets(value, here)];
    });
  }
  if (typeof document === 'string' && SECRET_VALUE.some((pattern) => pattern.test(document))) return [path];
  return [];
}

describe('secrets', () => {
  const platforms: SynthesizedPlatform[] = [];
  beforeAll(() => {
    platforms.push(synthesize(environmentSpec('dev')), synthesize(environmentSpec('prod')));
  });

  it('the scan finds a planted literal password, token or key', () => {
    expect(literalSecrets({ resource: { db: { x: { master_password: 'hunter2' } } } })).toEqual([
      'resource.db.x.master_password',
    ]);
    expect(literalSecrets({ provider: { okta: [{ api_token: 'abc' }] } })).toHaveLength(1);
    expect(literalSecrets({ a: { b: 'AKIAABCDEFGHIJKLMNOP' } })).toEqual(['a.b']);
    expect(literalSecrets({ auth_token: `\${data.x.y.random_password}` })).toEqual([]);
    expect(literalSecrets({ OIDC_CLIENT_SECRET: '{{ .serviceClientSecret }}' })).toEqual([]);
    expect(literalSecrets({ OIDC_CLIENT_SECRET: 'hunter2 {{ .x }}' })).toHaveLength(1);
  });

  it('no stack of any environment carries a literal secret', () => {
    for (const { stacks } of platforms) {
      for (const [name, stack] of Object.entries(stacks)) {
        expect(literalSecrets(stack), name).toEqual([]);
      }
    }
  });

  it('every provider block is free of credentials (they come from environment variables)', () => {
    for (const { stacks } of platforms) {
      for (const stack of Object.values(stacks)) {
        for (const [provider, blocks] of Object.entries(stack.provider ?? {})) {
          for (const block of blocks) {
            const keys = Object.keys(block);
            expect(
              keys.filter((key) => /key|token|secret|password|credential/i.test(key)),
              provider,
            ).toEqual([]);
          }
        }
      }
    }
  });
});
