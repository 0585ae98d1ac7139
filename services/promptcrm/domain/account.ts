export const ACCOUNT_TYPES = ['prospect', 'customer', 'partner'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** A commercial relationship with an organisation (or with a person when organisationId is null). */
export interface Account {
  id: string;
  organisationId: string | null;
  name: string;
  type: AccountType;
  industry: string;
  region: string;
  /** ISO 8601 UTC with milliseconds, as the API answers it. */
  createdAt: string;
  updatedAt: string;
}

export interface NewAccount {
  organisationId?: string | null;
  name: string;
  type: AccountType;
  industry: string;
  region: string;
}
