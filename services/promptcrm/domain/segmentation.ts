/** Leads Segmentation: the dimensions a lead is classified by, shared by filters and validation. */
export const LEAD_TYPES = ['b2b', 'b2c', 'b2g'] as const;
export type LeadType = (typeof LEAD_TYPES)[number];

export const PURCHASE_POTENTIALS = ['low', 'medium', 'high'] as const;
export type PurchasePotential = (typeof PURCHASE_POTENTIALS)[number];

/**
 * Industries and regions are open vocabularies (new markets appear without a release), so they are
 * lower-case slugs: exact-match filters stay predictable and index-friendly.
 */
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const SLUG_MAX_LENGTH = 64;

export interface Segment {
  type: LeadType;
  industry: string;
  purchasePotential: PurchasePotential;
  region: string;
}
