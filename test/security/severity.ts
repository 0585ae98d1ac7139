/**
 * The fixed severity table: every finding the attack suite can make, its severity and its
 * categories in the OWASP Top 10 2021 and the OWASP API Security Top 10 2023. The gate's rule
 * (reference document, Compliance) reads these, never the check that found it.
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

export interface FindingClass {
  severity: Severity;
  /** OWASP Top 10 2021 category, or undefined when the finding is in none of them. */
  owasp: string | undefined;
  api: string;
  title: string;
}

const A01 = 'A01:2021-Broken Access Control';
const A03 = 'A03:2021-Injection';
const A04 = 'A04:2021-Insecure Design';
const A07 = 'A07:2021-Identification and Authentication Failures';
const A08 = 'A08:2021-Software and Data Integrity Failures';

export const FINDINGS = {
  'token-accepted': {
    severity: 'critical',
    owasp: A07,
    api: 'API2:2023-Broken Authentication',
    title: 'an invalid, expired, foreign or anonymous token was accepted',
  },
  'auth-not-first': {
    severity: 'medium',
    owasp: A07,
    api: 'API2:2023-Broken Authentication',
    title: 'a bad token got an answer other than 401 (the route ran before authentication)',
  },
  'tenantless-accepted': {
    severity: 'critical',
    owasp: A01,
    api: 'API1:2023-Broken Object Level Authorization',
    title: 'a token naming no tenant acted on tenant data',
  },
  'tenant-header-not-refused': {
    severity: 'low',
    owasp: A01,
    api: 'API1:2023-Broken Object Level Authorization',
    title: 'a token with a tenant naming another tenant in x-tenant-id was not refused',
  },
  'tenantless-not-403': {
    severity: 'medium',
    owasp: A01,
    api: 'API1:2023-Broken Object Level Authorization',
    title: 'a token naming no tenant got an answer other than 403',
  },
  'cross-tenant-access': {
    severity: 'critical',
    owasp: A01,
    api: 'API1:2023-Broken Object Level Authorization',
    title: "another tenant's object was read, changed or listed",
  },
  'cross-tenant-oracle': {
    severity: 'medium',
    owasp: A01,
    api: 'API1:2023-Broken Object Level Authorization',
    title: "another tenant's object answered other than 404 (its existence leaks)",
  },
  'missing-role-accepted': {
    severity: 'critical',
    owasp: A01,
    api: 'API5:2023-Broken Function Level Authorization',
    title: 'a token without the scope the function needs reached it',
  },
  'mass-assignment': {
    severity: 'high',
    owasp: A08,
    api: 'API3:2023-Broken Object Property Level Authorization',
    title: 'a field the client may not set was applied',
  },
  'injection-leak': {
    severity: 'critical',
    owasp: A03,
    api: 'API8:2023-Security Misconfiguration',
    title: 'an injection payload returned data of another tenant',
  },
  'injection-error': {
    severity: 'high',
    owasp: A03,
    api: 'API8:2023-Security Misconfiguration',
    title: 'an injection payload caused a server error',
  },
  'crafted-input-error': {
    severity: 'medium',
    owasp: A03,
    api: 'API8:2023-Security Misconfiguration',
    title:
      'a crafted input (NUL, lone surrogate, leap second, year 0000, 1e20, forged cursor) caused a server error',
  },
  'unbounded-error': {
    severity: 'high',
    owasp: A04,
    api: 'API4:2023-Unrestricted Resource Consumption',
    title: 'a huge invalid body got a large or slow answer instead of a small, quick 400',
  },
  'no-rate-limit-before-auth': {
    severity: 'low',
    owasp: A07,
    api: 'API4:2023-Unrestricted Resource Consumption',
    title: 'bad-token requests from one address were never answered 429',
  },
} as const satisfies Record<string, FindingClass>;

export type FindingKind = keyof typeof FINDINGS;

/** The OWASP Top 10 2021 category prefixes (A01 to A10). */
export function isOwaspTop10_2021(category: string | undefined): boolean {
  return category !== undefined && /^A(0[1-9]|10):2021-/.test(category);
}
