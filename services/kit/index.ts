export { createServiceApp, type ServiceApp, type ServiceAppOptions } from './app.js';
export { type AuthConfig, type Principal, requireScopes } from './auth.js';
export { ReadThroughCache, TenantCache } from './cache.js';
export { processesFromEnv, superviseProcesses } from './cluster.js';
export {
  ConfigError,
  type Env,
  envInt,
  type KitConfig,
  type KitEnv,
  kitEnvSchema,
  loadConfig,
  toKitConfig,
} from './config.js';
export { isConnectionError } from './connection-errors.js';
export {
  type DatabaseAuthConfig,
  iamTokenProvider,
  loadDatabaseAuth,
  loadServiceRole,
} from './database-auth.js';
export {
  type DatabaseAuth,
  grantMysqlServiceRole,
  grantPostgresServiceRole,
  type ServiceRole,
} from './database-roles.js';
export {
  createMysqlPool,
  createPgPool,
  createRedis,
  type Dependency,
  mysqlDependency,
  pgDependency,
  redisDependency,
} from './dependencies.js';
export { ConflictError, NotFoundError, UnprocessableError } from './domain-errors.js';
export { domainErrorToProblem, translateDomainErrors } from './domain-problems.js';
export { toHttpProblem } from './errors.js';
export { EXEMPT_ROUTES, type ExemptRoute, isExemptRoute } from './exempt-routes.js';
export {
  ClientCredentialsTokenSource,
  FacadeHttpClient,
  type JsonResponse,
  type TokenSource,
} from './http-client.js';
export {
  IDEMPOTENCY_HEADER,
  type IdempotencyStore,
  idempotencyTableStatements,
  installIdempotency,
  mysqlIdempotencyStore,
  pgIdempotencyStore,
  rowLevelSecurityStatements,
  STALE_RESERVATION_SECONDS,
  type StoredOutcome,
} from './idempotency.js';
export { exitOnStartupFailure, isMainModule, listen, shutdownOnSignals } from './lifecycle.js';
export {
  ensureMysqlDatabase,
  ensurePostgresDatabase,
  type Migration,
  type MigrationResult,
  migrateMysql,
  migratePostgres,
  sqlStatements,
} from './migrations.js';
export {
  CURSOR_PART,
  type CursorPosition,
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  MAX_PAGE_SIZE,
  type Page,
  pageSchema,
  paginationQueryProperties,
  toPage,
} from './pagination.js';
export { isoFromPgTimestamp, PG_TEXT, textArrayFromPg } from './pg-text.js';
export {
  badRequest,
  conflict,
  DependencyUnavailableError,
  forbidden,
  HttpProblem,
  notFound,
  PROBLEM_CONTENT_TYPE,
  type ProblemDetails,
  problemResponses,
  problemSchema,
  problemType,
} from './problem.js';
export { created, createRoute, getRoute, listRoute, type PageQuery, scopeConfigs } from './routes.js';
export {
  centsSchema,
  enumOf,
  INT4_MAX,
  INT8_SAFE_MAX,
  idParams,
  integerIn,
  listQuery,
  nullableUuidSchema,
  routeProblems,
  timestampSchema,
  UINT4_MAX,
  uuidSchema,
} from './schemas.js';
export {
  DEFAULT_TENANT,
  isTenantId,
  rateLimitKey,
  TENANT_HEADER,
  TENANT_ID_PATTERN,
  tenantIdSchema,
  tenantOf,
} from './tenancy.js';
export {
  inMysqlTransaction,
  inPgTransaction,
  inTenantPgTransaction,
  isTransientConflict,
  readInTenantPg,
  TRANSACTION_ATTEMPTS,
} from './transactions.js';
export type { KitTypeProvider, ServiceApi } from './type-provider.js';
