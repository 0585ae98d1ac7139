export const GENDERS = ['female', 'male', 'non-binary', 'unspecified'] as const;

/** Targeting: who sees the campaign (demographics, places, interests, behaviours). */
export interface Audience {
  id: string;
  campaignId: string;
  name: string;
  ageMin: number;
  ageMax: number;
  genders: (typeof GENDERS)[number][];
  locations: string[];
  interests: string[];
  behaviours: string[];
  createdAt: string;
}

export const audienceRuleViolations = (audience: Pick<Audience, 'ageMin' | 'ageMax'>) =>
  audience.ageMin > audience.ageMax ? ['ageMin must not exceed ageMax'] : [];
