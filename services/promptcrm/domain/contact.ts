export interface Contact {
  id: string;
  organisationId: string | null;
  accountId: string | null;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  jobTitle: string | null;
  /** ISO 8601 UTC with milliseconds, as the API answers it. */
  createdAt: string;
  updatedAt: string;
}

export interface NewContact {
  organisationId?: string | null;
  accountId?: string | null;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string | null;
  jobTitle?: string | null;
}

/** E-mail addresses are compared case-insensitively, so they are stored in one canonical form. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
