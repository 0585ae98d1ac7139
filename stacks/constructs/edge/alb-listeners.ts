/** The ALB listens on HTTP only to redirect; every request is served on HTTPS. */
export const HTTP_PORT = 80;
export const HTTPS_PORT = 443;
