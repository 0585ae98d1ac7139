import { readNumber, unresolvedMessage } from '../../engine/checks.js';
import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks } from '../../engine/values.js';

export const launchTemplateMetadataHopLimit = defineRule({
  id: 'launch-template-metadata-hop-limit',
  title: 'Instance metadata answers the node only, not the containers on it',
  severity: 'medium',
  resourceTypes: ['aws_launch_template'],
  anchors: ['CKV_AWS_341'],
  parameters: { maximumHops: 1 },
  help: "With a response hop limit above 1, IMDSv2 tokens reach containers behind the node's network namespace, so every pod can take the node role. Pods get AWS credentials from EKS Pod Identity instead. Leave metadata_options.http_put_response_hop_limit unset or set it to 1.",
  check(template, context, { maximumHops }) {
    const options = blocks(template.values.metadata_options)[0];
    const read = readNumber(context, options?.http_put_response_hop_limit);
    const path = 'metadata_options.http_put_response_hop_limit';
    switch (read.kind) {
      case 'absent':
        return pass();
      case 'unknown':
        return unknown(unresolvedMessage(path, read.expression));
      case 'invalid':
        return fail(`${path} is ${JSON.stringify(read.value)}, not a number`);
      case 'number':
        return read.value <= maximumHops
          ? pass()
          : fail(
              `${path} is ${read.value}; at most ${maximumHops} keeps the metadata service away from pods`,
            );
    }
  },
});
