/**
 * The API gateway routes without its JWT authorizer: exactly the exempt routes of
 * services/kit/exempt-routes.ts under `/api/` (a test keeps the two equal). The edge stack routes
 * them with `authorization_type = NONE` and the `api-route-authorized` rule lets only these through.
 * The service behind each proves the caller its own way.
 */
export interface UnauthenticatedRoute {
  /** The HTTP API route key, `POST /api/business/v1/paypal/webhooks`. */
  routeKey: string;
  /** The service whose deployment serves it: the route exists only where that service is deployed. */
  service: string;
  /** Its API version's path: `/api/business/v1`. */
  basePath: string;
  reason: string;
}

export const UNAUTHENTICATED_ROUTES: readonly UnauthenticatedRoute[] = [
  {
    routeKey: 'POST /api/business/v1/paypal/webhooks',
    service: 'business',
    basePath: '/api/business/v1',
    reason: "PayPal's webhook deliveries: Business verifies each with PayPal's verify-webhook-signature",
  },
];

export const UNAUTHENTICATED_ROUTE_KEYS: readonly string[] = UNAUTHENTICATED_ROUTES.map((r) => r.routeKey);
