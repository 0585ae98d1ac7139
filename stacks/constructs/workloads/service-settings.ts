import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1/index.js';
import type { Construct } from 'constructs';
import { z } from 'zod';
import { ServiceNameSchema } from '../../../config/schema/infrastructure.js';
import { describeIssues, SpecError } from '../../../config/spec.js';
import { PART_OF } from './labels.js';

/** Set by the pod template itself. */
const RESERVED = new Set(['HOST', 'PORT']);

/** Why `name` cannot be a setting, or undefined when it can. */
function problemWith(name: string): string | undefined {
  if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) return 'must be an environment variable name such as OIDC_ISSUER';
  if (RESERVED.has(name)) return 'is set by the pod template';
  // A ConfigMap is readable by anyone who may read the namespace: credentials go to Secrets.
  // An endpoint's address (OIDC_TOKEN_URL) is not one; a URL holding a password is refused by value.
  if (/PASSWORD|SECRET|TOKEN|PRIVATE_KEY/.test(name) && !name.endsWith('_URL')) {
    return 'looks like a credential: use a Secret';
  }
  return undefined;
}

/** `scheme://user:password@host`: a URL with a password in it. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i;

const variables = z.record(z.string(), z.string()).superRefine((settings, context) => {
  for (const [name, value] of Object.entries(settings)) {
    const message = URL_WITH_PASSWORD.test(value) ? 'holds a password: use a Secret' : problemWith(name);
    if (message) context.addIssue({ code: 'custom', path: [name], message });
  }
});

/**
 * Non-secret settings of the API containers, from other stacks' outputs (the token issuer and
 * audience, cache and database endpoints): `shared` for every service, `byService` on top.
 */
export const ServiceSettingsSchema = z
  .object({
    shared: variables.default({}),
    byService: z.partialRecord(ServiceNameSchema, variables).default({}),
  })
  .strict()
  .prefault({});
export type ServiceSettings = z.input<typeof ServiceSettingsSchema>;

export function settingsConfigMapName(service: string): string {
  return `${service}-settings`;
}

/** One ConfigMap per service that has settings, shared by all of its API versions; the names made. */
export function addServiceSettings(
  scope: Construct,
  namespace: string,
  services: string[],
  input: ServiceSettings | undefined,
): Map<string, string> {
  const parsed = ServiceSettingsSchema.safeParse(input);
  if (!parsed.success) throw new SpecError('workloads stack serviceSettings', describeIssues(parsed.error));
  const settings = parsed.data;
  const made = new Map<string, string>();
  for (const service of new Set(services)) {
    const data = { ...settings.shared, ...settings.byService[service as keyof typeof settings.byService] };
    if (Object.keys(data).length === 0) continue;
    const name = settingsConfigMapName(service);
    new ConfigMapV1(scope, `${service}-settings`, {
      metadata: {
        name,
        namespace,
        labels: { 'app.kubernetes.io/name': service, 'app.kubernetes.io/part-of': PART_OF },
      },
      data,
    });
    made.set(service, name);
  }
  return made;
}
