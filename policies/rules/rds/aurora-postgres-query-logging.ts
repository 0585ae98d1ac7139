import { combine, fail, pass, unknown, type Verdict } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';

const LOGGING_PARAMETERS = ['log_statement', 'log_min_duration_statement'];

export const auroraPostgresQueryLogging = defineRule({
  id: 'aurora-postgres-query-logging',
  title: 'Aurora PostgreSQL logs statements and slow queries',
  severity: 'medium',
  resourceTypes: ['aws_rds_cluster'],
  anchors: ['CKV2_AWS_27'],
  help: 'Set log_statement (e.g. "ddl") and log_min_duration_statement (milliseconds) in the cluster parameter group of an Aurora PostgreSQL cluster, and export the postgresql log: schema changes and slow queries are then on record.',
  check(cluster, context) {
    if (cluster.values.engine !== 'aurora-postgresql') return pass();
    const resolved = context.resolve(cluster.values.db_cluster_parameter_group_name);
    const group =
      resolved.kind === 'reference'
        ? resolved.target
        : resolved.kind === 'literal'
          ? context.ofType('aws_rds_cluster_parameter_group').find((g) => g.values.name === resolved.value)
          : undefined;
    if (resolved.kind === 'absent')
      return fail('no db_cluster_parameter_group_name: the default group logs no statements');
    if (group?.type !== 'aws_rds_cluster_parameter_group')
      return unknown('the cluster parameter group is not in the synthesized output');
    const names = blocks(group.values.parameter).map((parameter) => parameter.name);
    return combine(
      LOGGING_PARAMETERS.map(
        (name): Verdict => (names.includes(name) ? pass() : fail(`${group.address} does not set ${name}`)),
      ),
    );
  },
});
