import type { Principal } from '../shared/iam-policy.js';

/** `"Principal": "*"`, or an AWS principal `*`: every AWS account and anonymous callers. */
export function grantsEveryone(principal: Principal): boolean {
  return (principal.type === '*' || principal.type === 'AWS') && principal.identifiers.includes('*');
}

const WHOLE_EXPRESSION = /^\$\{[^{}]+\}$/;
// Checkov's CKV_AWS_61 pattern, matched at the start: a bare account id or an account's root.
const ACCOUNT_ACCESS = /^(?:\d{12}|arn:aws[\w-]*:iam::(?:\d{12}|\$\{[^{}]+\}):root)/;

export type AccountReading = 'account' | 'not-account' | 'unknown';

/**
 * Whether an AWS principal identifier names a whole account (every identity in it may then act):
 * `123456789012` or `arn:aws:iam::123456789012:root`, the account id possibly a `${…}` lookup. An
 * identifier that is all one expression (another resource's attribute) cannot be read.
 */
export function readAccountPrincipal(identifier: string): AccountReading {
  if (ACCOUNT_ACCESS.test(identifier)) return 'account';
  return WHOLE_EXPRESSION.test(identifier.trim()) ? 'unknown' : 'not-account';
}
