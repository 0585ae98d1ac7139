import { SERVICES, type ServiceName } from '../../../bench/services-catalog.js';

/** Every service with a SQL database (PromptContent on its PostgreSQL JSONB store). */
export const SQL_SERVICES: ServiceName[] = ['promptads', 'promptcrm', 'business', 'promptcontent'];

export type StoreKind = 'postgres' | 'mysql' | 'mongodb';

/** A service on one of its stores: what the load, fault and rolling-restart checks run against. */
export interface Target {
  name: ServiceName;
  store: StoreKind;
  /** How test names and the summary call it. */
  title: string;
}

/** PromptContent's production store, when one is reachable (`.ci/run` sets it when 127.0.0.1:27017 answers). */
export const MONGODB_URL = process.env.MONGODB_URL;

export const TARGETS: Target[] = [
  ...SQL_SERVICES.map((name): Target => ({ name, store: SERVICES[name].database, title: name })),
  ...(MONGODB_URL
    ? [{ name: 'promptcontent', store: 'mongodb', title: 'promptcontent on MongoDB' } satisfies Target]
    : []),
];
