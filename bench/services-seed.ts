import { randomUUID } from 'node:crypto';
import { ADS_ACCOUNT, BUSINESS_SEED_PLAN, SERVICES, type ServiceDefinition } from './services-catalog.js';

export interface JsonReply {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One JSON request to a running service; the body is parsed when there is one. */
export async function requestJson(
  url: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: object,
): Promise<JsonReply> {
  const response = await fetch(url, {
    method,
    headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** A POST that must create: anything but 201 stops the run with the service's answer. */
export async function create(
  url: string,
  headers: Record<string, string>,
  body: object,
): Promise<{ id: string }> {
  const reply = await requestJson(url, headers, 'POST', body);
  if (reply.status !== 201)
    throw new Error(`POST ${url} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string };
}

/** Creates `count` rows in the service's list through its own API, a few requests at a time. */
export async function seedList(
  service: ServiceDefinition,
  baseUrl: string,
  headers: Record<string, string>,
  count: number,
  parallel = 5,
): Promise<void> {
  const api = `${baseUrl}${service.prefix}`;
  const post = (path: string, body: object) => create(`${api}${path}`, headers, body);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const marker = `seed-${service.name}-${next++}`;
      const body = service.seedBody ? await service.seedBody(marker, post) : service.write.body(marker);
      await post(service.listPath, body);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/**
 * The plan PromptAds' account (the token's tenant) subscribes to, paid for so that it grants its
 * features: plan, subscription, payment, capture.
 */
export async function seedBusinessPlans(businessUrl: string, headers: Record<string, string>): Promise<void> {
  const api = `${businessUrl}${SERVICES.business.prefix}`;
  await create(`${api}/plans`, headers, BUSINESS_SEED_PLAN);
  const subscription = await create(`${api}/subscriptions`, headers, { planId: BUSINESS_SEED_PLAN.id });
  const once = () => ({ ...headers, 'idempotency-key': randomUUID() });
  const payment = await create(`${api}/payments`, once(), { subscriptionId: subscription.id });
  const captured = await requestJson(`${api}/payments/${payment.id}/capture`, once(), 'POST');
  if (captured.status !== 200)
    throw new Error(`capturing ${ADS_ACCOUNT}'s seed payment answered ${captured.status}`);
}

/** The list URL the benchmark measures; refuses to measure a list that does not hold `rows` rows. */
export async function checkedListUrl(
  service: ServiceDefinition,
  baseUrl: string,
  headers: Record<string, string>,
  rows: number,
): Promise<string> {
  const url = `${baseUrl}${service.prefix}${service.listPath}?limit=${rows}`;
  const reply = await requestJson(url, headers);
  const items = (reply.body as { items?: unknown[] } | undefined)?.items;
  if (reply.status !== 200 || items?.length !== rows)
    throw new Error(`${url} answered ${reply.status} with ${items?.length ?? 'no'} rows, expected ${rows}`);
  return url;
}
