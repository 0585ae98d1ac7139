import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrmHarness, PREFIX, startCrm } from './harness.js';

let h: CrmHarness;
let auth: { authorization: string };

beforeAll(async () => {
  h = await startCrm('crm_api');
  auth = await h.authorization('agent-7');
});

afterAll(async () => {
  await h?.close();
});

async function post(path: string, payload: unknown) {
  return h.app.inject({ method: 'POST', url: `${PREFIX}${path}`, headers: auth, payload: payload as object });
}

async function get(path: string) {
  return h.app.inject({ method: 'GET', url: `${PREFIX}${path}`, headers: auth });
}

async function createOrganisation(overrides: Record<string, unknown> = {}) {
  const response = await post('/organisations', {
    name: 'Acme Retail',
    industry: 'retail',
    region: 'latam',
    website: 'https://acme.example',
    ...overrides,
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

async function createContact(overrides: Record<string, unknown> = {}) {
  const response = await post('/contacts', {
    firstName: 'Ana',
    lastName: 'Mora',
    email: `ana.${randomUUID()}@example.com`,
    ...overrides,
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

const segment = { type: 'b2b', industry: 'retail', purchasePotential: 'high', region: 'latam' };

async function createLead(overrides: Record<string, unknown> = {}) {
  const contact = await createContact();
  const response = await post('/leads', {
    contactId: contact.id,
    title: 'Spring campaign upsell',
    source: 'chatbot',
    segment,
    ...overrides,
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

describe('organisations', () => {
  it('creates an organisation, reads it back and lists it by industry and region', async () => {
    const industry = `ind-${randomUUID().slice(0, 8)}`;
    const created = await createOrganisation({ industry });
    expect(created).toMatchObject({
      name: 'Acme Retail',
      industry,
      region: 'latam',
      website: 'https://acme.example',
    });

    const fetched = await get(`/organisations/${created.id}`);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json()).toEqual(created);

    await createOrganisation({ industry, region: 'emea' });
    const listed = await get(`/organisations?industry=${industry}&region=latam`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({ items: [created], nextCursor: null });
  });

  it('answers 404 problem+json for an unknown organisation', async () => {
    const response = await get(`/organisations/${randomUUID()}`);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

describe('accounts', () => {
  it('opens an account under an organisation and filters accounts by segment', async () => {
    const organisation = await createOrganisation();
    const response = await post('/accounts', {
      organisationId: organisation.id,
      name: 'Acme CR',
      type: 'customer',
      industry: 'retail',
      region: 'latam',
    });
    expect(response.statusCode).toBe(201);
    const account = response.json();
    expect(response.headers.location).toBe(`${PREFIX}/accounts/${account.id}`);
    expect((await get(`/accounts/${account.id}`)).json()).toEqual(account);

    const listed = await get(
      `/accounts?organisationId=${organisation.id}&type=customer&industry=retail&region=latam`,
    );
    expect(listed.json().items).toEqual([account]);
    const none = await get(`/accounts?organisationId=${organisation.id}&type=partner`);
    expect(none.json().items).toEqual([]);
  });

  it('rejects an account for an organisation that does not exist with 422 naming the field', async () => {
    const response = await post('/accounts', {
      organisationId: randomUUID(),
      name: 'Ghost',
      type: 'prospect',
      industry: 'retail',
      region: 'latam',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].field).toBe('/organisationId');
  });
});

describe('contacts', () => {
  it('registers a contact with a canonical e-mail and finds it by e-mail, case-insensitively', async () => {
    const organisation = await createOrganisation();
    const email = `Luis.${randomUUID()}@Example.COM`;
    const contact = await createContact({ organisationId: organisation.id, email, phone: '+506 8888-0000' });
    expect(contact.email).toBe(email.toLowerCase());
    expect((await get(`/contacts/${contact.id}`)).json()).toEqual(contact);

    const byEmail = await get(`/contacts?email=${encodeURIComponent(email)}`);
    expect(byEmail.json().items).toEqual([contact]);
    const byOrganisation = await get(`/contacts?organisationId=${organisation.id}`);
    expect(byOrganisation.json().items.map((c: { id: string }) => c.id)).toEqual([contact.id]);
  });

  it('refuses a second contact with the same e-mail with 409', async () => {
    const contact = await createContact();
    const response = await post('/contacts', {
      firstName: 'Other',
      lastName: 'Person',
      email: contact.email,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toContain('already exists');
  });
});

describe('leads', () => {
  it('registers a lead and reads it back', async () => {
    const lead = await createLead();
    expect(lead).toMatchObject({ status: 'new', source: 'chatbot', segment, accountId: null });
    expect((await get(`/leads/${lead.id}`)).json()).toEqual(lead);
  });

  it('rejects a lead for a contact that does not exist with 422', async () => {
    const response = await post('/leads', { contactId: randomUUID(), title: 'x', source: 'manual', segment });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].field).toBe('/contactId');
  });

  it('segments leads: every filter narrows the list', async () => {
    const industry = `seg-${randomUUID().slice(0, 8)}`;
    const high = await createLead({ segment: { ...segment, industry } });
    const low = await createLead({
      segment: { ...segment, industry, purchasePotential: 'low', type: 'b2c' },
    });
    await createLead({ segment: { ...segment, industry, region: 'emea' }, source: 'referral' });

    const ids = async (query: string) =>
      (await get(`/leads?industry=${industry}&${query}`)).json().items.map((l: { id: string }) => l.id);
    expect(await ids('purchasePotential=high&region=latam')).toEqual([high.id]);
    expect(await ids('type=b2c')).toEqual([low.id]);
    expect(await ids('source=chatbot&region=latam')).toEqual([low.id, high.id]);
    expect(await ids('status=qualified')).toEqual([]);
    expect(await ids(`contactId=${high.contactId}`)).toEqual([high.id]);
  });

  it('pages through a filtered list with the cursor, newest first, without repeats', async () => {
    const region = `pg-${randomUUID().slice(0, 8)}`;
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await createLead({ segment: { ...segment, region } }));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/leads?region=${region}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await get(query)).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((l: { id: string }) => l.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(created.map((l) => l.id).reverse());
  });

  it('moves a lead through its statuses and refuses a forbidden transition with 409', async () => {
    const lead = await createLead();
    const contacted = await post(`/leads/${lead.id}/status-changes`, { status: 'contacted' });
    expect(contacted.statusCode).toBe(200);
    expect(contacted.json().status).toBe('contacted');

    const qualified = await post(`/leads/${lead.id}/status-changes`, {
      status: 'qualified',
      reason: 'budget confirmed',
    });
    expect(qualified.json().status).toBe('qualified');
    expect((await get(`/leads/${lead.id}`)).json().status).toBe('qualified');

    const backwards = await post(`/leads/${lead.id}/status-changes`, { status: 'new' });
    expect(backwards.statusCode).toBe(409);
    expect(backwards.json().detail).toContain('cannot move from qualified to new');

    // The refused change left nothing behind: the timeline holds the two accepted changes only.
    const timeline = (await get(`/leads/${lead.id}/timeline`)).json();
    expect(timeline.items.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'status-changed',
      'status-changed',
    ]);
    expect((await get(`/leads/${lead.id}`)).json().status).toBe('qualified');
  });

  it('lets exactly one of two concurrent conversions win', async () => {
    const lead = await createLead();
    await post(`/leads/${lead.id}/status-changes`, { status: 'qualified' });
    const results = await Promise.all([
      post(`/leads/${lead.id}/status-changes`, { status: 'converted' }),
      post(`/leads/${lead.id}/status-changes`, { status: 'converted' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const timeline = (await get(`/leads/${lead.id}/timeline`)).json();
    const conversions = timeline.items.filter(
      (e: { details: { to?: string } }) => e.details.to === 'converted',
    );
    expect(conversions).toHaveLength(1);
  });

  it('answers 404 when changing the status of, or logging an interaction with, an unknown lead', async () => {
    const id = randomUUID();
    expect((await post(`/leads/${id}/status-changes`, { status: 'contacted' })).statusCode).toBe(404);
    const interaction = { channel: 'email', direction: 'outbound', summary: 'hello' };
    expect((await post(`/leads/${id}/interactions`, interaction)).statusCode).toBe(404);
    expect((await get(`/leads/${id}/timeline`)).statusCode).toBe(404);
  });

  it('refuses an interaction dated in the future with 422', async () => {
    const lead = await createLead();
    const response = await post(`/leads/${lead.id}/interactions`, {
      channel: 'phone',
      direction: 'inbound',
      summary: 'call',
      occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].field).toBe('/occurredAt');
  });
});

describe('lead timeline', () => {
  it('consolidates creation, status changes and interactions in the order they occurred', async () => {
    const lead = await createLead();
    const earlier = new Date(Date.parse(lead.createdAt) - 3_600_000).toISOString();

    const call = await post(`/leads/${lead.id}/interactions`, {
      channel: 'phone',
      direction: 'outbound',
      summary: 'Intro call, interested in the Pro plan',
    });
    expect(call.statusCode).toBe(201);
    expect(call.json()).toMatchObject({ type: 'interaction', actor: 'agent-7', leadId: lead.id });
    await post(`/leads/${lead.id}/status-changes`, { status: 'contacted', reason: 'reached by phone' });
    // Logged late, but it happened before the lead was registered: the timeline puts it first.
    const chatbot = await post(`/leads/${lead.id}/interactions`, {
      channel: 'chatbot',
      direction: 'inbound',
      summary: 'Asked about pricing',
      occurredAt: earlier,
    });
    expect(chatbot.statusCode).toBe(201);

    const response = await get(`/leads/${lead.id}/timeline`);
    expect(response.statusCode).toBe(200);
    const { items, nextCursor } = response.json();
    expect(nextCursor).toBeNull();
    expect(items.map((e: { type: string }) => e.type)).toEqual([
      'interaction',
      'created',
      'interaction',
      'status-changed',
    ]);
    expect(items[0]).toMatchObject({
      occurredAt: earlier,
      details: { channel: 'chatbot', summary: 'Asked about pricing' },
    });
    expect(items[1].details).toEqual({ source: 'chatbot', status: 'new' });
    expect(items[3]).toMatchObject({
      actor: 'agent-7',
      details: { from: 'new', to: 'contacted', reason: 'reached by phone' },
    });
    const times = items.map((e: { occurredAt: string }) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('pages the timeline in time order', async () => {
    const lead = await createLead();
    for (const summary of ['one', 'two', 'three']) {
      await post(`/leads/${lead.id}/interactions`, { channel: 'email', direction: 'outbound', summary });
    }
    const first = (await get(`/leads/${lead.id}/timeline?limit=2`)).json();
    expect(first.items.map((e: { type: string }) => e.type)).toEqual(['created', 'interaction']);
    const second = (await get(`/leads/${lead.id}/timeline?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((e: { details: { summary: string } }) => e.details.summary)).toEqual([
      'two',
      'three',
    ]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('over a real socket', () => {
  it('serves a lead round trip over HTTP', async () => {
    const base = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const headers = { ...auth, 'content-type': 'application/json' };
    const contact = await fetch(`${base}${PREFIX}/contacts`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ firstName: 'Sol', lastName: 'Vega', email: `sol.${randomUUID()}@example.com` }),
    });
    expect(contact.status).toBe(201);
    const { id: contactId } = (await contact.json()) as { id: string };
    const lead = await fetch(`${base}${PREFIX}/leads`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ contactId, title: 'Socket lead', source: 'web-form', segment }),
    });
    expect(lead.status).toBe(201);
    const location = lead.headers.get('location')!;
    const fetched = await fetch(`${base}${location}`, { headers: auth });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toMatchObject({ contactId, title: 'Socket lead', status: 'new' });
  });
});
