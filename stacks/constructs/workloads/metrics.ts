/** The gauge every service exports (services/kit) and the HPA scales on, through the Prometheus Adapter. */
export const INFLIGHT_METRIC = 'http_requests_inflight';
