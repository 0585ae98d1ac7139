/**
 * Behind the HTTP API's VPC link every request reaches the ALB from the link's own private
 * addresses (the gateway reports the caller only in an RFC 7239 `Forwarded` header, which WAF
 * cannot parse). The integration overwrites this header with the caller's address, so the WAF
 * rate limit counts per client, and no client can set it itself.
 */
export const CLIENT_IP_HEADER = 'x-client-ip';
