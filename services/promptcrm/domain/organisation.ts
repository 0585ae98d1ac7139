export interface Organisation {
  id: string;
  name: string;
  industry: string;
  region: string;
  website: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewOrganisation {
  name: string;
  industry: string;
  region: string;
  website?: string | null;
}
