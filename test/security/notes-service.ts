import { randomUUID } from 'node:crypto';
import {
  createRedis,
  createServiceApp,
  type Env,
  kitEnvSchema,
  loadConfig,
  notFound,
  type ServiceApp,
  tenantOf,
  toKitConfig,
} from '../../services/kit/index.js';

const note = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    text: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'text', 'createdAt'],
} as const;

interface StoredNote {
  tenant: string;
  id: string;
  text: string;
  createdAt: string;
}

/**
 * A tiny service on the kit for testing the security gate: notes in memory, one per tenant's
 * request. With `vulnerable`, `GET /notes/{id}` reads any tenant's note (broken object-level
 * authorization, the gate must fail); without it, another tenant's note is 404.
 */
export async function createNotesService(env: Env, options: { vulnerable: boolean }): Promise<ServiceApp> {
  const config = toKitConfig(loadConfig(kitEnvSchema({ service: 'notes' }), env));
  const redis = createRedis(config.redisUrl, config.redisKeyPrefix, () => undefined);
  const notes = new Map<string, StoredNote>();
  const present = ({ id, text, createdAt }: StoredNote) => ({ id, text, createdAt });

  return createServiceApp({
    service: 'notes',
    title: 'Notes',
    config,
    redis,
    dependencies: [],
    routes: (api) => {
      api.post(
        '/notes',
        {
          config: { scopes: ['notes:write'] },
          schema: {
            operationId: 'createNote',
            summary: 'Create a note',
            body: {
              type: 'object',
              properties: { text: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' } },
              required: ['text'],
              additionalProperties: false,
            },
            response: { 201: note },
          },
        } as const,
        async (request, reply) => {
          const stored = {
            tenant: tenantOf(request),
            id: randomUUID(),
            text: request.body.text,
            createdAt: new Date().toISOString(),
          };
          notes.set(stored.id, stored);
          return reply.code(201).send(present(stored));
        },
      );
      api.get(
        '/notes',
        {
          config: { scopes: ['notes:read'] },
          schema: {
            operationId: 'listNotes',
            summary: 'List notes',
            response: { 200: { type: 'object', properties: { items: { type: 'array', items: note } } } },
          },
        } as const,
        async (request) => ({
          items: [...notes.values()].filter((stored) => stored.tenant === tenantOf(request)).map(present),
        }),
      );
      api.get(
        '/notes/:id',
        {
          config: { scopes: ['notes:read'] },
          schema: {
            operationId: 'getNote',
            summary: 'Get a note',
            params: {
              type: 'object',
              properties: { id: { type: 'string', format: 'uuid' } },
              required: ['id'],
            },
            response: { 200: note },
          },
        } as const,
        async (request) => {
          const stored = notes.get(request.params.id);
          const visible = stored && (options.vulnerable || stored.tenant === tenantOf(request));
          if (!visible) throw notFound(`note ${request.params.id} does not exist`);
          return present(stored);
        },
      );
    },
  });
}
