import { z } from 'zod';
import {
  createPgPool,
  createRedis,
  createServiceApp,
  decodeCursor,
  type Env,
  idempotencyTableStatements,
  isMainModule,
  kitEnvSchema,
  listen,
  loadConfig,
  notFound,
  pageSchema,
  paginationQueryProperties,
  pgDependency,
  pgIdempotencyStore,
  type ServiceApi,
  shutdownOnSignals,
  superviseProcesses,
  tenantOf,
  toKitConfig,
  toPage,
} from '../index.js';

/** A minimal service built on the kit, used to test the kit's behaviour end to end. */
const envSchema = kitEnvSchema({ service: 'demo' }).extend({
  DATABASE_URL: z.string().startsWith('postgres'),
});

const noteSchema = {
  type: 'object',
  properties: { id: { type: 'string' }, text: { type: 'string' }, createdAt: { type: 'string' } },
  required: ['id', 'text', 'createdAt'],
} as const;

export async function createDemoApp(env: Env) {
  const parsed = loadConfig(envSchema, env);
  const config = toKitConfig(parsed);
  const pool = createPgPool(parsed.DATABASE_URL, () => undefined, 4);
  for (const statement of [
    'CREATE TABLE IF NOT EXISTS notes (id serial PRIMARY KEY, tenant_id text NOT NULL, text text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())',
    ...idempotencyTableStatements('postgres'),
  ]) {
    await pool.query(statement);
  }
  const redis = createRedis(config.redisUrl, config.redisKeyPrefix, () => undefined);

  const routes = async (api: ServiceApi) => {
    api.post(
      '/notes',
      {
        config: { scopes: ['demo:write'], idempotency: 'optional' },
        schema: {
          body: {
            type: 'object',
            properties: { text: { type: 'string', minLength: 1, maxLength: 500 } },
            required: ['text'],
            additionalProperties: false,
          },
          response: { 201: noteSchema },
        },
      },
      async (request, reply) => {
        const { text } = request.body;
        const { rows } = await pool.query(
          `INSERT INTO notes (tenant_id, text) VALUES ($1, $2) RETURNING id::text, text, to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt"`,
          [tenantOf(request), text],
        );
        return reply.code(201).send(rows[0]);
      },
    );
    api.post(
      '/notes/batch',
      {
        config: { scopes: ['demo:write'] },
        schema: {
          body: {
            type: 'object',
            properties: {
              notes: {
                type: 'array',
                maxItems: 50_000,
                items: {
                  type: 'object',
                  properties: {
                    text: { type: 'string', minLength: 1, maxLength: 500, pattern: '^[a-z ]+$' },
                  },
                  required: ['text'],
                  additionalProperties: false,
                },
              },
            },
            required: ['notes'],
            additionalProperties: false,
          },
        },
      },
      async (request, reply) => {
        const texts = request.body.notes.map((note) => note.text);
        await pool.query('INSERT INTO notes (tenant_id, text) SELECT $1, unnest($2::text[])', [
          tenantOf(request),
          texts,
        ]);
        return reply.code(201).send({ created: texts.length });
      },
    );
    api.get(
      '/notes',
      {
        schema: {
          querystring: {
            type: 'object',
            properties: { ...paginationQueryProperties },
            additionalProperties: false,
          },
          response: { 200: pageSchema(noteSchema) },
        },
      },
      async (request) => {
        const { limit, cursor } = request.query;
        const after = decodeCursor(cursor);
        const { rows } = await pool.query(
          `SELECT id::text, text, created_at::text AS "createdAt" FROM notes WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
          [tenantOf(request), Number(after?.id ?? 0), limit + 1],
        );
        return toPage(rows as Array<{ id: string }>, limit, (row) => ({ sortKey: row.id, id: row.id }));
      },
    );
    api.get(
      '/notes/:id',
      {
        schema: {
          params: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
        } as const,
      },
      async (request) => {
        const { id } = request.params;
        const { rows } = await pool.query(
          'SELECT id::text, text FROM notes WHERE tenant_id = $1 AND id = $2',
          [tenantOf(request), id],
        );
        if (!rows[0]) throw notFound(`note ${id} does not exist`);
        return rows[0];
      },
    );
    api.get(
      '/slow',
      {
        schema: {
          querystring: { type: 'object', properties: { ms: { type: 'integer', maximum: 10000 } } },
        } as const,
      },
      async (request) => {
        const { ms = 500 } = request.query;
        await new Promise((resolve) => setTimeout(resolve, ms));
        const { rows } = await pool.query('SELECT 1 AS ok');
        return { ok: rows[0].ok === 1, waitedMs: ms, pid: process.pid };
      },
    );
    api.get('/boom', async () => {
      throw new Error('secret internal detail at /srv/app.ts:42');
    });
  };

  const service = await createServiceApp({
    service: 'demo',
    title: 'Demo',
    config,
    redis,
    dependencies: [pgDependency(pool)],
    routes,
    idempotency: pgIdempotencyStore(pool),
  });
  return { ...service, config, pool };
}

if (isMainModule(import.meta.url) && !superviseProcesses()) {
  const { app, config } = await createDemoApp(process.env);
  const url = await listen(app, config.host, config.port);
  shutdownOnSignals([app], config.shutdownTimeoutMs);
  process.stdout.write(`LISTENING ${url}\n`);
}
