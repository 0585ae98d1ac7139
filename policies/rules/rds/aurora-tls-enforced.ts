import { unresolvedMessage } from '../../engine/checks.js';
import { fail, pass, type Resource, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';
import { engineFamily } from './cluster-parts.js';

const TLS_PARAMETER = {
  postgresql: { name: 'rds.force_ssl', accepted: ['1'] },
  mysql: { name: 'require_secure_transport', accepted: ['ON', '1'] },
} as const;

export const auroraTlsEnforced = defineRule({
  id: 'aurora-tls-enforced',
  title: 'Aurora refuses connections without TLS',
  severity: 'high',
  resourceTypes: ['aws_rds_cluster'],
  requirement: REQUIREMENTS.tlsInTransit,
  anchors: ['CKV2_AWS_69'],
  help: 'Point db_cluster_parameter_group_name at an aws_rds_cluster_parameter_group of the same stack that sets rds.force_ssl = 1 (PostgreSQL) or require_secure_transport = ON (MySQL). The default parameter groups accept plaintext connections.',
  check(cluster, context) {
    const family = engineFamily(cluster);
    if (family === 'unknown')
      return unknown(`engine ${String(cluster.values.engine)} is neither PostgreSQL nor MySQL`);
    const resolved = context.resolve(cluster.values.db_cluster_parameter_group_name);
    if (resolved.kind === 'absent')
      return fail('no db_cluster_parameter_group_name: the default parameter group allows plaintext');
    if (resolved.kind === 'unresolved' || resolved.kind === 'template') {
      return unknown(unresolvedMessage('db_cluster_parameter_group_name', resolved.expression));
    }
    const group =
      resolved.kind === 'reference'
        ? resolved.target
        : context
            .ofType('aws_rds_cluster_parameter_group')
            .find((candidate) => candidate.values.name === resolved.value);
    if (group?.type !== 'aws_rds_cluster_parameter_group') {
      return unknown(
        `parameter group ${String(resolved.kind === 'literal' ? resolved.value : resolved.expression)} is not defined in this stack`,
      );
    }
    return checkParameter(group, TLS_PARAMETER[family]);
  },
});

function checkParameter(group: Resource, expected: { name: string; accepted: readonly string[] }) {
  const parameter = blocks(group.values.parameter).find((block) => block.name === expected.name);
  if (!parameter) return fail(`${group.address} does not set ${expected.name}`);
  const value = String(parameter.value);
  if (value.includes('${')) return unknown(unresolvedMessage(`${group.address} ${expected.name}`, value));
  return expected.accepted.includes(value.toUpperCase())
    ? pass()
    : fail(`${group.address} sets ${expected.name} = ${value}; needs ${expected.accepted.join(' or ')}`);
}
