import type { ServiceHarness } from './service-harness.js';

/** The tenant a harness's `authorization()` acts for unless a test names another. */
export const TEST_TENANT = 'acme';

/**
 * `harness` with tokens that carry a tenant claim: `authorization()` acts for TEST_TENANT,
 * `tenantAuthorization(tenant)` for any other; `cleanup` runs after the harness closes.
 */
export function withTenant(
  harness: ServiceHarness,
  defaultSubject: string,
  defaultScopes: string[],
  cleanup: () => Promise<unknown> = async () => undefined,
) {
  const tenantAuthorization = async (tenant: string, subject = defaultSubject, scopes = defaultScopes) => ({
    authorization: `Bearer ${await harness.issuer.token({ subject, scopes, claims: { tenant_id: tenant } })}`,
  });
  return {
    ...harness,
    tenantAuthorization,
    authorization: (subject = defaultSubject, scopes = defaultScopes) =>
      tenantAuthorization(TEST_TENANT, subject, scopes),
    close: async () => {
      await harness.close();
      await cleanup();
    },
  };
}
