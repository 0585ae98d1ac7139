import { z } from 'zod';

/** What the stacks provision beyond the capacity figures: environment, services and their versions. */

export const ServiceNameSchema = z.enum(['promptcontent', 'promptads', 'promptcrm', 'business']);
export type ServiceName = z.infer<typeof ServiceNameSchema>;

/** The database each service's critical path runs through (reference document, "Tecnologías"). */
export const SERVICE_DATABASES = {
  promptcontent: 'atlas',
  promptads: 'aurora',
  promptcrm: 'aurora',
  business: 'aurora',
} as const satisfies Record<ServiceName, 'atlas' | 'aurora'>;

export const ServiceVersionSchema = z
  .object({
    version: z.number().int().positive().describe('API version, routed at /api/<service>/v<N>'),
    image: z.string().min(1).describe('Container image of this version'),
    // The reference document sizes one API deployment for the whole requirement; a version that
    // takes only part of the traffic (a canary v2, say) is sized for that share.
    loadShare: z
      .number()
      .gt(0)
      .max(1)
      .default(1)
      .describe('Share of the requirements this deployment serves'),
  })
  .strict();

export const ServiceSchema = z
  .object({
    name: ServiceNameSchema,
    port: z.number().int().min(1).max(65_535),
    versions: z.array(ServiceVersionSchema).min(1),
  })
  .strict()
  .refine((service) => new Set(service.versions.map((v) => v.version)).size === service.versions.length, {
    message: 'each version number may appear only once',
    path: ['versions'],
  });
export type Service = z.infer<typeof ServiceSchema>;

const defaultServices: z.input<typeof ServiceSchema>[] = [
  { name: 'promptcontent', port: 3001, versions: [{ version: 1, image: 'promptsales/promptcontent:v1' }] },
  { name: 'promptads', port: 3002, versions: [{ version: 1, image: 'promptsales/promptads:v1' }] },
  { name: 'promptcrm', port: 3003, versions: [{ version: 1, image: 'promptsales/promptcrm:v1' }] },
  { name: 'business', port: 3004, versions: [{ version: 1, image: 'promptsales/business:v1' }] },
];

export const WorkloadsSchema = z
  .object({
    namespace: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label')
      .default('promptsales'),
    services: z
      .array(ServiceSchema)
      .min(1)
      .prefault(defaultServices)
      .refine((services) => new Set(services.map((s) => s.name)).size === services.length, {
        message: 'each service may appear only once',
      }),
  })
  .strict()
  .prefault({});

export const EnvironmentSchema = z
  .object({
    name: z.enum(['dev', 'prod']).default('dev'),
    // Reference document: AWS, pricing from us-east-1.
    region: z.string().min(1).default('us-east-1'),
  })
  .strict()
  .prefault({});
