import { fail, pass, unknown } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

/** The AWS credential patterns Checkov's secret scan and Trivy's squealer share, and private keys. */
const SECRETS: readonly { what: string; pattern: RegExp }[] = [
  {
    what: 'an AWS access key id',
    pattern: /(A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}/,
  },
  {
    what: 'an AWS secret access key',
    pattern:
      /(AWS|aws|Aws)?_?(SECRET|secret|Secret)_?(ACCESS|access|Access)?_?(KEY|key|Key)["']?\s*(:|=>|=)\s*["']?[A-Za-z0-9/+=]{40}/,
  },
  { what: 'a private key', pattern: /-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----/ },
];

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The user data as written and, when it is base64 (as launch templates require), decoded. */
function readable(userData: string): string[] {
  const compact = userData.replace(/\s+/g, '');
  return BASE64.test(compact) && compact.length % 4 === 0
    ? [userData, Buffer.from(compact, 'base64').toString('utf8')]
    : [userData];
}

export const launchTemplateNoSecretsInUserData = defineRule({
  id: 'launch-template-no-secrets-in-user-data',
  title: 'Launch template user data holds no credentials',
  severity: 'critical',
  resourceTypes: ['aws_launch_template'],
  anchors: ['CKV_AWS_46', 'AVD-AWS-0129'],
  help: 'User data is readable by anyone who may describe the launch template and by every process on the node through the metadata service, and it lands in the Terraform state. Nodes get AWS credentials from their instance role and pods from EKS Pod Identity; other secrets belong in Secrets Manager.',
  check(template) {
    const userData = template.values.user_data;
    if (userData === undefined || userData === null) return pass();
    if (typeof userData !== 'string') return unknown('user_data is not a string');
    const found = SECRETS.filter(({ pattern }) => readable(userData).some((text) => pattern.test(text)));
    return found.length === 0
      ? pass()
      : fail(`user_data contains ${found.map(({ what }) => what).join(' and ')}`);
  },
});
