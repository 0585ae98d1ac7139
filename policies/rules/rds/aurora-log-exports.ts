import { unresolvedMessage } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { list } from '../../engine/values.js';
import { engineFamily } from './cluster-parts.js';

export const auroraLogExports = defineRule({
  id: 'aurora-log-exports',
  title: 'Aurora publishes its logs to CloudWatch',
  severity: 'medium',
  resourceTypes: ['aws_rds_cluster'],
  anchors: [
    'AwsSolutions-RDS16',
    'cdk-nag:RDSLoggingEnabled',
    'CKV_AWS_324',
    'CKV_AWS_325',
    'FSBP:aurora-postgresql-db-clusters-should-publish-logs-to-cloudwatch-logs',
    'FSBP:rds-aurora-mysql-audit-logging-enabled',
  ],
  parameters: { postgresqlLogs: ['postgresql'], mysqlLogs: ['audit', 'error', 'slowquery'] },
  help: 'List the engine\'s logs in enabled_cloudwatch_logs_exports: "postgresql" for Aurora PostgreSQL; "audit", "error" and "slowquery" for Aurora MySQL.',
  check(cluster, context, { postgresqlLogs, mysqlLogs }) {
    const resolved = context.resolve(cluster.values.enabled_cloudwatch_logs_exports);
    if (resolved.kind !== 'literal' && resolved.kind !== 'absent') {
      return unknown(unresolvedMessage('enabled_cloudwatch_logs_exports', resolved.expression));
    }
    const exported = resolved.kind === 'literal' ? list(resolved.value).map(String) : [];
    const family = engineFamily(cluster);
    const wanted: readonly string[] =
      family === 'postgresql' ? postgresqlLogs : family === 'mysql' ? mysqlLogs : [];
    if (exported.length === 0) return fail('enabled_cloudwatch_logs_exports is empty');
    const missing = wanted.filter((log) => !exported.includes(log));
    return missing.length === 0
      ? pass()
      : fail(`enabled_cloudwatch_logs_exports is missing ${missing.join(', ')}`);
  },
});
