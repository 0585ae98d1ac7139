/**
 * What the suite knows about the four APIs beyond their documents: which operations act on no
 * tenant (the platform's plan catalogue), which need a role scope beyond read/write, and the
 * bodies and follow-up steps that put seeded objects into the states later steps need.
 */
export const TENANTLESS_OPERATIONS = new Set(['listPlans', 'getPlan', 'createPlan', 'updatePlan']);

/** Role scopes a tenant's user may hold (`business:delegate` is the services' client's alone). */
export const ROLE_SCOPES = [
  'business:admin',
  'business:payments',
  'business:entitlements',
  'promptcontent:approve',
];

/** Admin and finance functions: the scope each needs, and the body that exercises it. */
export const ROLE_FUNCTIONS: Record<string, { scope: string; body?: object }> = {
  createPlan: { scope: 'business:admin' },
  updatePlan: { scope: 'business:admin', body: { priceCents: 0 } },
  capturePayment: { scope: 'business:payments' },
  refundPayment: { scope: 'business:payments' },
  cancelPayment: { scope: 'business:payments' },
  listEntitlements: { scope: 'business:entitlements' },
  checkEntitlement: { scope: 'business:entitlements' },
  changeBriefStatus: { scope: 'promptcontent:approve', body: { status: 'approved' } },
  changeAssetStatus: { scope: 'promptcontent:approve', body: { status: 'approved' } },
};

/** Body fields the schema alone cannot choose well (cross-field rules such as ageMin ≤ ageMax). */
export const BODY_OVERRIDES: Record<string, object> = {
  createPlan: {
    priceCents: 4900,
    features: ['promptads.campaigns', 'promptads.experiments', 'promptcrm.leads'],
  },
  updatePlan: { name: 'Renamed by the security suite' },
  createCampaign: {
    kpis: [{ metric: 'ctr', target: 0.02 }],
    budget: { amountCents: 500000, currency: 'USD', period: 'lifetime' },
    startDate: '2026-03-01',
    endDate: '2026-03-31',
  },
  updateCampaign: { name: 'Renamed by the security suite' },
  changeCampaignStatus: { status: 'scheduled' },
  addAudience: { ageMin: 18, ageMax: 65 },
  addBiddingRule: { bidCapCents: 150, dailyBudgetCents: 10000 },
  addExperiment: {
    variants: [
      { key: 'A', name: 'Control', trafficPercent: 50 },
      { key: 'B', name: 'Variant', trafficPercent: 50 },
    ],
  },
  changeBriefStatus: { status: 'approved' },
  changeLeadStatus: { status: 'contacted' },
};

/** Whole bodies for operations whose optional fields depend on each other (content only with `ready`). */
export const EXACT_BODIES: Record<string, object> = {
  changeAssetStatus: { status: 'generating' },
};

/** Steps after a seeded create, by the create's operationId: `{operationId, body}` on the new object. */
export const FOLLOW_UPS: Record<string, { operationId: string; body?: object }[]> = {
  createBrief: [{ operationId: 'changeBriefStatus', body: { status: 'approved' } }],
  requestAsset: [
    { operationId: 'changeAssetStatus', body: { status: 'generating' } },
    {
      operationId: 'changeAssetStatus',
      body: { status: 'ready', content: { text: { headline: 'Spring', body: 'Spring launch copy' } } },
    },
    { operationId: 'changeAssetStatus', body: { status: 'approved' } },
  ],
  startPayment: [{ operationId: 'capturePayment' }],
};

/** Seeding order across services: Business first (PromptAds asks it for the tenant's entitlements). */
export const SEED_ORDER = ['business', 'promptcrm', 'promptcontent', 'promptads'];
