import { fail, pass, unknown } from '../../engine/model.js';
import { isExpression } from '../../engine/references.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';

export const launchTemplateImdsv2 = defineRule({
  id: 'launch-template-imdsv2',
  title: 'Launch templates require IMDSv2 session tokens',
  severity: 'high',
  resourceTypes: ['aws_launch_template'],
  anchors: ['CKV_AWS_79', 'AVD-AWS-0130'],
  help: 'IMDSv1 answers any request from the instance, so a server-side request forgery in a pod can read the node role credentials. Set metadata_options.http_tokens = "required" (or disable the endpoint with http_endpoint = "disabled").',
  check(template) {
    const options = blocks(template.values.metadata_options)[0];
    if (!options) return fail('metadata_options is not set: IMDSv1 is enabled by default');
    const { http_endpoint: endpoint, http_tokens: tokens } = options;
    if (endpoint === 'disabled') return pass();
    if (tokens === 'required') return pass();
    if (isExpression(tokens) || isExpression(endpoint))
      return unknown(
        `metadata_options.http_tokens is ${String(tokens)}, which cannot be resolved from the synthesized output`,
      );
    return fail(
      tokens === undefined
        ? 'metadata_options.http_tokens is not set (defaults to optional): IMDSv1 is enabled'
        : `metadata_options.http_tokens is ${JSON.stringify(tokens)}; needs "required"`,
    );
  },
});
