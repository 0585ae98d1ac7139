import { unresolvedMessage } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { valueAt } from '../../engine/values.js';
import { REQUIREMENTS } from '../requirements.js';

export const atlasMinimumTls = defineRule({
  id: 'atlas-minimum-tls',
  title: 'Atlas refuses TLS older than 1.2',
  severity: 'high',
  resourceTypes: ['mongodbatlas_advanced_cluster'],
  requirement: REQUIREMENTS.tlsInTransit,
  anchors: ['Prowler:clusters_tls_enabled'],
  parameters: { accepted: ['TLS1_2', 'TLS1_3'] },
  help: 'Pin advanced_configuration.minimum_enabled_tls_protocol to "TLS1_2" (or "TLS1_3") so that the floor does not depend on the project\'s defaults.',
  check(cluster, context, { accepted }) {
    const path = 'advanced_configuration.minimum_enabled_tls_protocol';
    const resolved = context.resolve(valueAt(cluster.values, path));
    if (resolved.kind !== 'literal' && resolved.kind !== 'absent')
      return unknown(unresolvedMessage(path, resolved.expression));
    if (resolved.kind === 'absent') return fail(`${path} is not set`);
    const protocol = String(resolved.kind === 'literal' ? resolved.value : '');
    return (accepted as readonly string[]).includes(protocol)
      ? pass()
      : fail(`${path} is ${protocol}; needs ${accepted.join(' or ')}`);
  },
});
