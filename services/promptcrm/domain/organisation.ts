export interface Organisation {
  id: string;
  name: string;
  industry: string;
  region: string;
  website: string | null;
  /** ISO 8601 UTC with milliseconds, as the API answers it. */
  createdAt: string;
  updatedAt: string;
}

export interface NewOrganisation {
  name: string;
  industry: string;
  region: string;
  website?: string | null;
}
