import { Signer } from '@aws-sdk/rds-signer';
import { z } from 'zod';
import { type Env, loadConfig } from './config.js';
import type { DatabaseAuth, ServiceRole } from './database-roles.js';

/**
 * `DATABASE_AUTH=iam` (Aurora): the service signs in as the user of DATABASE_URL with an RDS IAM
 * token from its pod's role instead of a password; AWS_REGION names the cluster's region. Locally
 * (`password`, the default) the URL's own credentials are used.
 */
export const databaseAuthVariables = {
  DATABASE_AUTH: z.enum(['password', 'iam']).default('password'),
  AWS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1')
    .optional(),
};

export interface DatabaseAuthConfig {
  auth: DatabaseAuth;
  region?: string | undefined;
}

/** A token provider for the URL's host, port and user; each call signs a fresh 15-minute token. */
export function iamTokenProvider(connectionString: string, region: string): () => Promise<string> {
  const url = new URL(connectionString);
  const signer = new Signer({
    hostname: url.hostname,
    port: Number(url.port),
    username: decodeURIComponent(url.username),
    region,
  });
  return () => signer.getAuthToken();
}

/** The region IAM auth needs, or a clear error naming the variable. */
export function iamRegion(config: DatabaseAuthConfig): string {
  if (!config.region) throw new Error('AWS_REGION: is required when DATABASE_AUTH is iam');
  return config.region;
}

const serviceRoleVariables = z.object({
  ...databaseAuthVariables,
  DATABASE_APP_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a database role name such as promptads_app')
    .optional(),
  DATABASE_APP_PASSWORD: z.string().min(1).optional(),
});

/** How the service's own pool signs in (`DATABASE_AUTH`, `AWS_REGION`). */
export function loadDatabaseAuth(env: Env = process.env): DatabaseAuthConfig {
  const parsed = loadConfig(z.object(databaseAuthVariables), env);
  return { auth: parsed.DATABASE_AUTH, region: parsed.AWS_REGION };
}

/**
 * The role a migration job creates and grants after the migrations (`DATABASE_APP_ROLE`, signing in
 * as `DATABASE_AUTH` says; `DATABASE_APP_PASSWORD` for a local server); none when unset.
 */
export function loadServiceRole(env: Env = process.env): ServiceRole | undefined {
  const parsed = loadConfig(serviceRoleVariables, env);
  if (!parsed.DATABASE_APP_ROLE) return undefined;
  return {
    name: parsed.DATABASE_APP_ROLE,
    auth: parsed.DATABASE_AUTH,
    ...(parsed.DATABASE_APP_PASSWORD ? { password: parsed.DATABASE_APP_PASSWORD } : {}),
  };
}
