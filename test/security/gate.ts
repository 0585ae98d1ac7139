/**
 * `npm run test:security`: the OWASP gate of the reference document (Compliance: "at most two
 * critical findings, none of them in the OWASP Top 10 2021"). Starts the four services as their
 * own processes on fresh databases, attacks every operation of their OpenAPI documents as two
 * tenants, writes bench/results/security-<date>.json and exits 1 when the rule is broken or an
 * operation went unattacked. docs/security.md explains the checks and the report.
 */
import { fileURLToPath } from 'node:url';
import { isExemptRoute } from '../../services/kit/exempt-routes.js';
import { type AttackContext, allScopes, type Minter, TENANT_A, TENANT_B, tokenFor } from './attack.js';
import { checkAuthentication, checkTenantSwitch } from './checks/auth.js';
import { checkHugeArrays, checkRateLimitBeforeAuth } from './checks/consumption.js';
import { checkFunctionAuthorization } from './checks/functions.js';
import { checkCraftedInputs, checkInjection, checkMassAssignment } from './checks/inputs.js';
import { checkTenancy } from './checks/tenancy.js';
import { type Operation, operationsOf } from './openapi.js';
import { Recorder } from './record.js';
import { buildReport, type SecurityReport, summaryText, writeReport } from './report.js';
import { SEED_ORDER } from './scenario.js';
import { seedTenant } from './seed.js';
import type { Target } from './stage.js';
import { judge } from './verdict.js';

export const RESULTS_DIRECTORY = fileURLToPath(new URL('../../bench/results', import.meta.url));
/** The request limit of the extra process that proves the rate limit answers before authentication. */
export const SMALL_RATE_LIMIT = 10;

export interface GateOptions {
  targets: Target[];
  minter: Minter;
  /** Starts another process of a service with small rate limits (per address and per tenant); its URL and how to stop it. */
  startRateLimited?: (service: string) => Promise<{ url: string; stop: () => Promise<unknown> }>;
  resultsDirectory?: string;
}

export interface GateResult {
  report: SecurityReport;
  file: string;
  exitCode: 0 | 1;
}

/** Whether a documented operation is one of the routes exempt from user tokens. */
export function isExemptOperation(target: Target, op: Operation): boolean {
  return isExemptRoute(op.method, op.path.replace(/\{([^}]+)\}/g, ':$1'), target.prefix);
}

async function attackService(context: AttackContext, exempt: (op: Operation) => boolean): Promise<void> {
  for (const op of context.operations) {
    if (exempt(op)) continue;
    await checkAuthentication(context, op);
    await checkTenantSwitch(context, op);
    await checkTenancy(context, op);
    await checkFunctionAuthorization(context, op);
    await checkMassAssignment(context, op);
    await checkInjection(context, op);
    await checkCraftedInputs(context, op);
    await checkHugeArrays(context, op);
  }
}

export async function runGate(options: GateOptions): Promise<GateResult> {
  const recorder = new Recorder();
  const scopes = allScopes(options.targets.map((target) => target.name));
  const [tokenA, tokenB] = await Promise.all([
    tokenFor(options.minter, TENANT_A, scopes),
    tokenFor(options.minter, TENANT_B, scopes),
  ]);
  const contexts = options.targets.map<AttackContext>((target) => ({
    target,
    operations: operationsOf(target.name, target.document),
    recorder,
    minter: options.minter,
    scopes,
    tokenA,
    tokenB,
    refs: { a: { tenant: TENANT_A, ids: new Map() }, b: { tenant: TENANT_B, ids: new Map() } },
  }));
  const ordered = [...contexts].sort(
    (x, y) => SEED_ORDER.indexOf(x.target.name) - SEED_ORDER.indexOf(y.target.name),
  );
  const setupProblems: string[] = [];
  // Seeding in order: PromptAds asks Business whether tenant A's plan includes campaigns.
  for (const context of ordered) setupProblems.push(...(await seedTenant(context, context.refs.a, tokenA)));

  await Promise.all(
    contexts.map((context) => attackService(context, (op) => isExemptOperation(context.target, op))),
  );

  if (options.startRateLimited) {
    for (const context of contexts) {
      const probe = context.operations.find(
        (op) => op.method === 'GET' && !isExemptOperation(context.target, op),
      );
      if (!probe) continue;
      const limited = await options.startRateLimited(context.target.name);
      try {
        await checkRateLimitBeforeAuth(
          recorder,
          context.target.name,
          limited.url,
          probe,
          SMALL_RATE_LIMIT * 3,
        );
      } finally {
        await limited.stop();
      }
    }
  }

  const verdict = judge(
    recorder.records,
    contexts.flatMap((context) =>
      context.operations.map((op) => ({ op, exempt: isExemptOperation(context.target, op) })),
    ),
  );
  const report = buildReport(recorder.records, verdict, setupProblems);
  const file = await writeReport(report, options.resultsDirectory ?? RESULTS_DIRECTORY);
  return { report, file, exitCode: verdict.passed ? 0 : 1 };
}

async function main(): Promise<void> {
  const { stageServices } = await import('./stage.js');
  const stage = await stageServices('security');
  try {
    const result = await runGate({
      targets: stage.targets,
      minter: stage.fleet.issuer,
      startRateLimited: async (service) => {
        const started = await stage.startAnother(service as Parameters<typeof stage.startAnother>[0], {
          RATE_LIMIT_MAX: String(SMALL_RATE_LIMIT),
          CLIENT_RATE_LIMIT_MAX: String(SMALL_RATE_LIMIT),
        });
        return { url: started.url, stop: started.stop };
      },
    });
    console.log(summaryText(result.report));
    console.log(`report: ${result.file}`);
    process.exitCode = result.exitCode;
  } finally {
    await stage.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
