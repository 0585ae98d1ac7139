import { fail, pass } from '../../engine/model.js';
import { defineRule, EVERY_BLOCK } from '../../engine/rule.js';
import { list } from '../../engine/values.js';

/**
 * `aws_x.name`, `data.aws_x.name` or `module.name`, bare: what Terraform's JSON syntax accepts in
 * depends_on. A `${…}` template is an expression, even around a plain reference.
 */
const STATIC_REFERENCE = /^(?:(?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*|module\.[A-Za-z_][\w-]*)$/;

export const staticDependsOn = defineRule({
  id: 'depends-on-static-reference',
  title: 'Every depends_on entry is a single static reference',
  severity: 'high',
  resourceTypes: [EVERY_BLOCK],
  anchors: [],
  deployReadiness: true,
  help: `\`terraform init\` rejects a depends_on entry that is an expression ("A single static variable reference is required"): an attribute, an index, a function or a \${…} template. cdktf writes a bare address for a resource's dependsOn but a template for a TerraformOutput's, so an output must not use dependsOn: read its value from a data source that depends on what it needs. Resources, data sources and outputs are all checked.`,
  check(block) {
    const entries = list(block.values.depends_on);
    const bad = entries.filter((entry) => typeof entry !== 'string' || !STATIC_REFERENCE.test(entry));
    return bad.length === 0
      ? pass()
      : fail(
          ...bad.map((entry) => `depends_on entry ${JSON.stringify(entry)} is not a single static reference`),
        );
  },
});
