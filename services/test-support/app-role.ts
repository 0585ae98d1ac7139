import pg from 'pg';
import { POSTGRES_ADMIN_URL } from './databases.js';

export interface AppRole {
  name: string;
  /** `url` with the role as its user: what a service connects with. */
  as(url: string): string;
  drop(): Promise<void>;
}

/**
 * A login role that is neither superuser nor table owner, with read and write rights on every table
 * of the migrated database at `databaseUrl`: the way services connect in production, so row-level
 * security applies to it (a superuser, as tests otherwise connect, bypasses every policy).
 */
export async function createAppRole(databaseUrl: string): Promise<AppRole> {
  const database = new URL(databaseUrl).pathname.slice(1);
  const name = `${database}_app`.slice(0, 63);
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE "${name}" LOGIN NOSUPERUSER NOBYPASSRLS`);
  } finally {
    await admin.end();
  }
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  try {
    await owner.query(`GRANT USAGE ON SCHEMA public TO "${name}"`);
    await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${name}"`);
    await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${name}"`);
  } finally {
    await owner.end();
  }
  return {
    name,
    as: (url) => {
      const withRole = new URL(url);
      withRole.username = name;
      withRole.password = '';
      return withRole.toString();
    },
    /** Call after the database is dropped (its grants go with it). */
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP ROLE IF EXISTS "${name}"`);
      } finally {
        await client.end();
      }
    },
  };
}
