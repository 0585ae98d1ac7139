/**
 * What the benchmarks and the reliability suite need to know about each service: where its list
 * and write endpoints are, valid request bodies (the shapes its own API tests use), and how to
 * read the written rows back from its database.
 */

export const SERVICE_NAMES = ['promptcontent', 'promptads', 'promptcrm', 'business'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * The tenant every request of a run acts for (the account PromptAds campaigns are created for);
 * Business entitles it before PromptAds is seeded.
 */
export const ADS_ACCOUNT = 'bench-ads-account';
export const ADS_FEATURES = ['promptads.campaigns', 'promptads.experiments'];

export interface WriteEndpoint {
  path: string;
  /** A valid body carrying `marker` in a field that is stored as sent. */
  body(marker: string): object;
  /** The marker as the created resource in a 201 answer shows it. */
  markerOf(created: Record<string, unknown>): string;
  /** Every written row as `{ id, marker }`, to compare with what the API acknowledged. */
  storedRowsSql: string;
}

export interface ServiceDefinition {
  name: ServiceName;
  database: 'postgres' | 'mysql';
  prefix: string;
  /** The list endpoint the benchmark measures, relative to `prefix`. */
  listPath: string;
  /** Writes used for seeding the list and for write load. */
  write: WriteEndpoint;
  /** Creates what a write needs first (PromptCrm's leads need a contact); returns the body to post. */
  seedBody?(marker: string, post: (path: string, body: object) => Promise<{ id: string }>): Promise<object>;
}

const crmSegment = { type: 'b2b', industry: 'retail', purchasePotential: 'high', region: 'latam' };

const contact = (marker: string) => ({
  firstName: 'Ana',
  lastName: 'Mora',
  email: `${marker}@example.com`,
});

export const SERVICES: Record<ServiceName, ServiceDefinition> = {
  promptcontent: {
    name: 'promptcontent',
    database: 'postgres',
    prefix: '/api/promptcontent/v1',
    listPath: '/briefs',
    write: {
      path: '/briefs',
      body: (marker) => ({
        name: marker,
        objectives: ['Reach 1M young professionals', 'Drive 10k sign-ups'],
        audience: {
          description: 'Urban professionals 25-34',
          segments: ['urban', 'tech'],
          locales: ['es-CR', 'en-US'],
        },
        tone: 'friendly',
        guidelines: ['Logo top-left', 'No slang'],
      }),
      markerOf: (created) => String(created.name),
      storedRowsSql: `SELECT id::text AS id, doc->>'name' AS marker FROM content_briefs`,
    },
  },
  promptads: {
    name: 'promptads',
    database: 'postgres',
    prefix: '/api/promptads/v1',
    listPath: '/campaigns',
    write: {
      path: '/campaigns',
      body: (marker) => ({
        accountId: ADS_ACCOUNT,
        name: marker,
        objective: 'leads',
        kpis: [
          { metric: 'ctr', target: 0.02 },
          { metric: 'cpa', target: 1500 },
        ],
        channels: ['meta-ads', 'google-ads'],
        formats: ['image', 'video'],
        budget: { amountCents: 500000, currency: 'USD', period: 'lifetime' },
        startDate: '2026-03-01',
        endDate: '2026-03-31',
      }),
      markerOf: (created) => String(created.name),
      storedRowsSql: 'SELECT id::text AS id, name AS marker FROM campaigns',
    },
  },
  promptcrm: {
    name: 'promptcrm',
    database: 'postgres',
    prefix: '/api/promptcrm/v1',
    listPath: '/leads',
    write: {
      path: '/contacts',
      body: contact,
      markerOf: (created) => String(created.email).split('@')[0]!,
      storedRowsSql: 'SELECT id::text AS id, split_part(email, $$@$$, 1) AS marker FROM contacts',
    },
    seedBody: async (marker, post) => {
      const { id } = await post('/contacts', contact(marker));
      return { contactId: id, title: marker, source: 'chatbot', segment: crmSegment };
    },
  },
  business: {
    name: 'business',
    database: 'mysql',
    prefix: '/api/business/v1',
    // The plan catalogue: a tenant has at most one open subscription, so it is the list that grows.
    listPath: '/plans',
    write: {
      path: '/plans',
      body: (marker) => ({
        id: marker
          .toLowerCase()
          .replace(/[^a-z0-9-]/g, '-')
          .slice(0, 64),
        name: marker,
        priceCents: 4900,
        currency: 'USD',
        billingPeriod: 'monthly',
        features: ['promptads.campaigns', 'promptcrm.leads'],
      }),
      markerOf: (created) => String(created.name),
      storedRowsSql: 'SELECT id, name AS marker FROM plans',
    },
  },
};

/** The bench seeds Business's list with subscriptions, each needing a plan to subscribe to. */
export const BUSINESS_SEED_PLAN = {
  id: 'bench-plan',
  name: 'Bench plan',
  priceCents: 4900,
  currency: 'USD',
  billingPeriod: 'monthly',
  features: ADS_FEATURES,
};

/** Every service's read and write scopes, plus Business's catalogue administration and payment operations. */
export const ALL_SCOPES = [
  ...SERVICE_NAMES.flatMap((service) => [`${service}:read`, `${service}:write`]),
  'business:admin',
  'business:payments',
  'business:entitlements',
  'promptcontent:approve',
];
