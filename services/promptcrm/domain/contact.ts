export interface Contact {
  id: string;
  organisationId: string | null;
  accountId: string | null;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  jobTitle: string | null;
  createdAt: Date;
  updatedAt: Date;
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
