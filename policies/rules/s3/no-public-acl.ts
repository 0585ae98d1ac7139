import { attachedTo } from '../../engine/checks.js';
import { combine, fail, pass, type Resource, type Verdict } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';
import { blocks, valueAt } from '../../engine/values.js';

const PUBLIC_CANNED_ACLS = ['public-read', 'public-read-write', 'authenticated-read', 'website'];
const PUBLIC_GROUPS = [
  'http://acs.amazonaws.com/groups/global/AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
];

function aclVerdict(resource: Resource): Verdict {
  const acl = resource.values.acl;
  if (typeof acl === 'string' && PUBLIC_CANNED_ACLS.includes(acl))
    return fail(`${resource.address} sets the canned ACL ${acl}`);
  const grantees = [
    ...blocks(resource.values.grant).map((grant) => grant.uri),
    ...blocks(valueAt(resource.values, 'access_control_policy.grant')).map((grant) =>
      valueAt(grant, 'grantee.uri'),
    ),
  ];
  const exposed = grantees.filter((uri) => PUBLIC_GROUPS.includes(String(uri)));
  return exposed.length > 0 ? fail(`${resource.address} grants to ${exposed.join(', ')}`) : pass();
}

export const s3NoPublicAcl = defineRule({
  id: 's3-no-public-acl',
  title: 'No S3 bucket ACL grants read or write to everyone',
  severity: 'high',
  resourceTypes: ['aws_s3_bucket'],
  anchors: ['CKV_AWS_20', 'CKV_AWS_57', 'AVD-AWS-0092'],
  help: 'Remove public-read, public-read-write, authenticated-read and website canned ACLs and grants to the AllUsers or AuthenticatedUsers groups, from the bucket and its aws_s3_bucket_acl; disable ACLs altogether with an aws_s3_bucket_ownership_controls of BucketOwnerEnforced.',
  check(bucket, context) {
    const { attached } = attachedTo(context, 'aws_s3_bucket_acl', 'bucket', bucket, ['bucket']);
    return combine([bucket, ...attached].map(aclVerdict));
  },
});
