import { MongoClient } from 'mongodb';
import { uniqueName } from '../../../services/test-support/index.js';
import type { StoredWrite } from './write-load.js';

/** A uniquely named MongoDB database for one staged PromptContent, dropped by `drop`. */
export interface MongoDatabase {
  url: string;
  name: string;
  /** The briefs PromptContent stored, as `{ id, marker }` (a brief's marker is its name). */
  storedBriefs(): Promise<StoredWrite[]>;
  drop(): Promise<void>;
}

async function withClient<T>(url: string, use: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

export function mongoDatabase(url: string, label: string): MongoDatabase {
  const name = uniqueName(label);
  return {
    url,
    name,
    storedBriefs: () =>
      withClient(url, async (client) => {
        const briefs = client.db(name).collection<{ _id: string; name: string }>('briefs');
        const documents = await briefs.find({}, { projection: { _id: 1, name: 1 } }).toArray();
        return documents.map((document) => ({ id: document._id, marker: document.name }));
      }),
    drop: () => withClient(url, async (client) => void (await client.db(name).dropDatabase())),
  };
}
