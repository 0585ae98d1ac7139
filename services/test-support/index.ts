export {
  type ClientRegistration,
  type LocalIssuer,
  startLocalIssuer,
  type TokenOptions,
} from '../dev/issuer.js';
export {
  asAppRole,
  createTestMysqlDatabase,
  createTestPostgresDatabase,
  MYSQL_ADMIN_URL,
  POSTGRES_ADMIN_URL,
  type TestDatabase,
  type TestPostgresDatabase,
  uniqueName,
} from './databases.js';
export {
  type EdgeCaseTarget,
  itRejectsBadTokens,
  itRejectsInvalidListQueries,
  itRejectsMalformedJson,
} from './edge-cases.js';
export {
  type Charge,
  type PayPalFault,
  type PayPalOperation,
  PayPalStandIn,
  type ReceivedRequest,
  startPayPalStandIn,
} from './paypal-stand-in.js';
export { deleteRedisPrefix, TEST_REDIS_URL, uniqueRedisPrefix } from './redis.js';
export { callerOf, type TableSecurity, tableSecurity } from './row-security.js';
export {
  expectProblem,
  OTHER_TENANT,
  PROBLEM,
  type ServiceHarness,
  startServiceHarness,
  TEST_AUDIENCE,
  TEST_TENANT,
  testServiceEnv,
  throughProxy,
} from './service-harness.js';
export { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
