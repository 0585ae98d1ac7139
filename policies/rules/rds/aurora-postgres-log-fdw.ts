import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

export const auroraPostgresLogFdw = defineRule({
  id: 'aurora-postgres-log-fdw',
  title: 'Aurora PostgreSQL runs a version fixed for the log_fdw privilege escalation',
  severity: 'medium',
  resourceTypes: ['aws_rds_cluster'],
  anchors: ['CKV_AWS_250'],
  help: 'Run Aurora PostgreSQL 10.14, 11.9, 12 or later: the log_fdw extension of older versions let a database user read files as the rdsadmin user (AWS security bulletin AWS-2022-004).',
  check(cluster, context) {
    if (cluster.values.engine !== 'aurora-postgresql') return pass();
    const version = context.resolve(cluster.values.engine_version);
    if (version.kind !== 'literal') return unknown('engine_version is not a literal');
    const [major, minor] = String(version.value).split('.').map(Number);
    if (major === undefined || minor === undefined || Number.isNaN(major) || Number.isNaN(minor))
      return unknown(`engine_version ${String(version.value)} is not <major>.<minor>`);
    const fixed = major >= 12 || (major === 11 && minor > 8) || (major === 10 && minor > 13);
    return fixed ? pass() : fail(`aurora-postgresql ${String(version.value)} has the vulnerable log_fdw`);
  },
});
