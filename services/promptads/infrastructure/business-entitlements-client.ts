import { DependencyUnavailableError, type FacadeHttpClient } from '../../kit/index.js';
import type { EntitlementsPort } from '../application/ports.js';

/**
 * The Business facade over HTTP: `GET /api/business/v1/accounts/{accountId}/entitlements/{feature}`.
 * Anything but a clear yes/no (unreachable, timeout, 5xx, Business refusing our token) is a 503.
 */
export class BusinessEntitlementsClient implements EntitlementsPort {
  constructor(private readonly http: FacadeHttpClient) {}

  async isAllowed(accountId: string, feature: string, requestId?: string): Promise<boolean> {
    const path = `/api/business/v1/accounts/${encodeURIComponent(accountId)}/entitlements/${encodeURIComponent(feature)}`;
    // The account is the tenant: Business checks and rate-limits the call as that tenant's.
    const response = await this.http.get(path, { requestId, tenantId: accountId });
    const allowed = (response.body as { allowed?: unknown } | null)?.allowed;
    if (response.status === 200 && typeof allowed === 'boolean') return allowed;
    throw new DependencyUnavailableError(
      'business',
      `business answered ${response.status} to the entitlement check`,
    );
  }
}
