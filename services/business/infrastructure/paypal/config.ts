import { z } from 'zod';
import { type Env, envInt, loadConfig } from '../../../kit/index.js';

/** PayPal's REST hosts; the OAuth token endpoint and every API live under the same host. */
export const PAYPAL_BASE_URLS = {
  sandbox: 'https://api-m.sandbox.paypal.com',
  live: 'https://api-m.paypal.com',
} as const;

const secret = (what: string) => z.string({ error: 'is required' }).trim().min(1, `must be ${what}`);

const envSchema = z
  .object({
    PAYPAL_ENVIRONMENT: z.enum(['sandbox', 'live'], { error: 'must be "sandbox" or "live"' }).optional(),
    /** A stand-in or proxy instead of PayPal's host: https, or http on the loopback interface only. */
    PAYPAL_BASE_URL: z
      .string()
      .regex(/^https:\/\/[^/\s]+$|^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/, {
        error: 'must be an https:// origin (http:// only on the loopback interface), without a path',
      })
      .optional(),
    PAYPAL_CLIENT_ID: secret('the REST app client id'),
    PAYPAL_CLIENT_SECRET: secret('the REST app secret'),
    PAYPAL_WEBHOOK_ID: secret("the id PayPal gave the app's webhook"),
    PAYPAL_TIMEOUT_MS: envInt(100, 60_000, 10_000),
    PAYPAL_MAX_ATTEMPTS: envInt(1, 5, 3),
    PAYPAL_CIRCUIT_FAILURES: envInt(1, 100, 5),
    PAYPAL_CIRCUIT_OPEN_MS: envInt(1_000, 600_000, 30_000),
  })
  .refine((env) => (env.PAYPAL_ENVIRONMENT === undefined) !== (env.PAYPAL_BASE_URL === undefined), {
    path: ['PAYPAL_ENVIRONMENT'],
    error: 'set exactly one of PAYPAL_ENVIRONMENT (sandbox|live) and PAYPAL_BASE_URL',
  });

export interface PayPalConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  webhookId: string;
  timeoutMs: number;
  maxAttempts: number;
  circuitFailures: number;
  circuitOpenMs: number;
}

/** Reads and validates PayPal's settings (the credentials come from the secret store, never a literal). */
export function loadPayPalConfig(env: Env = process.env): PayPalConfig {
  const parsed = loadConfig(envSchema, env);
  return {
    baseUrl: parsed.PAYPAL_BASE_URL ?? PAYPAL_BASE_URLS[parsed.PAYPAL_ENVIRONMENT ?? 'sandbox'],
    clientId: parsed.PAYPAL_CLIENT_ID,
    clientSecret: parsed.PAYPAL_CLIENT_SECRET,
    webhookId: parsed.PAYPAL_WEBHOOK_ID,
    timeoutMs: parsed.PAYPAL_TIMEOUT_MS,
    maxAttempts: parsed.PAYPAL_MAX_ATTEMPTS,
    circuitFailures: parsed.PAYPAL_CIRCUIT_FAILURES,
    circuitOpenMs: parsed.PAYPAL_CIRCUIT_OPEN_MS,
  };
}
