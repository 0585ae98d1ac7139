import type { RuleCase } from './index.js';

// Failing cases reproduce Checkov's failing Terraform examples for the same check where it has one
// (tests/terraform/checks/resource/kubernetes/example_*/main.tf), applied to the prod-kubernetes
// fixture: a Deployment with an init container, a migration Job, and the external-secrets chart.
const STACK = 'prod-kubernetes';
const DEPLOYMENT = 'kubernetes_deployment_v1.crm';
const JOB = 'kubernetes_job_v1.crm_migration';
const RELEASE = 'helm_release.external_secrets';
const POD = 'spec.template.spec';
const CONTAINER = `${POD}.container.0`;
const INIT_CONTAINER = `${POD}.init_container.0`;

const onDeployment = (set: RuleCase['mutation']['set'], unset?: string[]) => ({
  stack: STACK,
  address: DEPLOYMENT,
  set,
  unset,
});
const onJob = (set: RuleCase['mutation']['set'], unset?: string[]) => ({
  stack: STACK,
  address: JOB,
  set,
  unset,
});
/** A Helm `set` entry on the release, as `helm --set name=value` would give. */
const onRelease = (name: string, value: string) => ({
  stack: STACK,
  address: RELEASE,
  set: [['set', [{ name, value }]]] as [string, unknown][],
});

export const FAILING_CASES: RuleCase[] = [
  {
    rule: 'pod-no-privileged-containers',
    title: 'Checkov example: privileged = true',
    mutation: onDeployment([[`${CONTAINER}.security_context.privileged`, true]]),
    message: /container crm runs privileged/,
  },
  {
    rule: 'pod-no-privileged-containers',
    title: 'an init container of the migration job',
    mutation: {
      stack: STACK,
      address: JOB,
      set: [
        [
          `${POD}.init_container`,
          [{ name: 'setup', image: 'busybox@sha256:0', security_context: { privileged: true } }],
        ],
      ],
    },
    message: /init container setup runs privileged/,
  },
  {
    rule: 'pod-no-privileged-containers',
    title: "a chart's pod, from a Helm set entry",
    mutation: onRelease('webhook.securityContext.privileged', 'true'),
    message: /webhook: container webhook runs privileged/,
  },
  {
    rule: 'pod-no-host-namespaces',
    title: 'Checkov example: host_pid = true',
    mutation: onDeployment([[`${POD}.host_pid`, true]]),
    message: /process ID namespace/,
  },
  {
    rule: 'pod-no-host-namespaces',
    title: 'host_network on the migration job',
    mutation: onJob([[`${POD}.host_network`, true]]),
    message: /network namespace/,
  },
  {
    rule: 'pod-no-host-namespaces',
    title: "a chart's hostNetwork value",
    mutation: onRelease('hostNetwork', 'true'),
    message: /controller: host_network/,
  },
  {
    rule: 'container-no-privilege-escalation',
    title: 'Checkov example: allow_privilege_escalation = true',
    mutation: onDeployment([[`${CONTAINER}.security_context.allow_privilege_escalation`, true]]),
    message: /container crm allows privilege escalation/,
  },
  {
    rule: 'container-no-privilege-escalation',
    title: 'left unset on an init container',
    mutation: onDeployment([], [`${INIT_CONTAINER}.security_context.allow_privilege_escalation`]),
    message: /init container wait-for-settings does not set allow_privilege_escalation/,
  },
  {
    rule: 'container-read-only-root-filesystem',
    title: 'Checkov example: read_only_root_filesystem = false',
    mutation: onDeployment([[`${CONTAINER}.security_context.read_only_root_filesystem`, false]]),
  },
  {
    rule: 'container-read-only-root-filesystem',
    title: 'the migration job',
    mutation: onJob([], [`${CONTAINER}.security_context.read_only_root_filesystem`]),
    message: /container migrate has a writable root filesystem/,
  },
  {
    rule: 'container-drops-all-capabilities',
    title: 'Checkov example: drop = ["NET_BIND_SERVICE"]',
    mutation: onDeployment([[`${CONTAINER}.security_context.capabilities.drop`, ['NET_BIND_SERVICE']]]),
  },
  {
    rule: 'container-drops-all-capabilities',
    title: 'Checkov example: no capabilities block (NET_RAW kept)',
    mutation: onDeployment([], [`${CONTAINER}.security_context.capabilities`]),
  },
  {
    rule: 'container-no-added-capabilities',
    title: 'Checkov example: add = ["NET_BIND_SERVICE"]',
    mutation: onDeployment([[`${CONTAINER}.security_context.capabilities.add`, ['NET_BIND_SERVICE']]]),
    message: /adds NET_BIND_SERVICE/,
  },
  {
    rule: 'container-no-sys-admin',
    title: 'Checkov example: add = ["SYS_ADMIN"]',
    mutation: onDeployment([[`${CONTAINER}.security_context.capabilities.add`, ['SYS_ADMIN']]]),
    message: /adds SYS_ADMIN/,
  },
  {
    rule: 'pod-no-host-port',
    title: 'Checkov example: host_port = 8080',
    mutation: onDeployment([[`${CONTAINER}.port.0.host_port`, 8080]]),
    message: /binds host port 8080/,
  },
  {
    rule: 'pod-no-host-path-volumes',
    title: 'Checkov example: the Docker socket',
    mutation: onDeployment([
      [`${POD}.volume.1`, { name: 'docker', host_path: { path: '/var/run/docker.sock' } }],
    ]),
    message: /container runtime socket \/var\/run\/docker.sock/,
  },
  {
    rule: 'pod-security-context',
    title: 'Checkov example: a container without security_context',
    mutation: onDeployment([], [`${CONTAINER}.security_context`]),
    message: /container crm has no security_context/,
  },
  {
    rule: 'pod-security-context',
    title: 'a job pod without security_context',
    mutation: onJob([], [`${POD}.security_context`]),
    message: /the pod has no security_context/,
  },
  {
    rule: 'pod-runs-as-non-root',
    title: 'run_as_non_root left out',
    mutation: onDeployment(
      [],
      [`${POD}.security_context.run_as_non_root`, `${CONTAINER}.security_context.run_as_non_root`],
    ),
    message: /container crm does not set run_as_non_root/,
  },
  {
    rule: 'pod-runs-as-non-root',
    title: 'user 0',
    mutation: onJob([[`${POD}.security_context.run_as_user`, '0']]),
    message: /runs as user 0/,
  },
  {
    rule: 'pod-runs-as-high-uid',
    mutation: onJob([[`${POD}.security_context.run_as_user`, '1000']]),
    message: /runs as UID 1000/,
  },
  {
    rule: 'pod-seccomp-profile',
    mutation: onDeployment([[`${POD}.security_context.seccomp_profile.type`, 'Unconfined']]),
    message: /seccomp profile Unconfined/,
  },
  {
    rule: 'pod-service-account-token-not-mounted',
    title: 'the pod turns the token back on',
    mutation: onDeployment([[`${POD}.automount_service_account_token`, true]]),
  },
  {
    rule: 'pod-service-account-token-not-mounted',
    title: 'neither the pod nor its account turns it off',
    mutation: {
      stack: STACK,
      address: JOB,
      unset: [`${POD}.automount_service_account_token`],
      remove: ['kubernetes_service_account_v1.crm'],
    },
  },
  {
    rule: 'default-service-account-unused',
    title: 'Checkov example: a managed default account that mounts its token',
    mutation: {
      stack: STACK,
      add: [
        {
          type: 'kubernetes_service_account_v1',
          name: 'default',
          values: { metadata: { name: 'default', namespace: 'promptsales' } },
        },
      ],
    },
    address: 'kubernetes_service_account_v1.default',
  },
  {
    rule: 'default-service-account-unused',
    title: 'a pod naming no account',
    mutation: onJob([], [`${POD}.service_account_name`]),
    message: /runs as default/,
  },
  {
    rule: 'namespace-not-default',
    title: 'Checkov example: no namespace',
    mutation: onDeployment([], ['metadata.namespace']),
  },
  {
    rule: 'namespace-not-default',
    title: 'a Service in default',
    mutation: {
      stack: STACK,
      address: 'kubernetes_service_v1.crm',
      set: [['metadata.namespace', 'default']],
    },
  },
  {
    rule: 'namespace-not-default',
    title: 'a Helm release in default',
    mutation: { stack: STACK, address: RELEASE, set: [['namespace', 'default']] },
  },
  {
    rule: 'container-image-tag-fixed',
    title: 'Checkov example: image = "nginx"',
    mutation: onDeployment([[`${CONTAINER}.image`, 'nginx']]),
    message: /runs nginx, which is :latest/,
  },
  {
    rule: 'container-image-tag-fixed',
    title: 'Checkov example: nginx:latest on the job',
    mutation: onJob([[`${CONTAINER}.image`, 'nginx:latest']]),
  },
  {
    rule: 'container-image-pull-policy',
    title: 'Checkov example: a tag with the default policy',
    mutation: onDeployment([[`${CONTAINER}.image`, 'nginx:1.7.9']], [`${CONTAINER}.image_pull_policy`]),
    message: /the default IfNotPresent/,
  },
  {
    rule: 'container-image-pull-policy',
    title: 'Checkov example: nginx:latest with Never',
    mutation: onJob([
      [`${CONTAINER}.image`, 'nginx:latest'],
      [`${CONTAINER}.image_pull_policy`, 'Never'],
    ]),
  },
  {
    rule: 'pod-secrets-not-in-env',
    title: 'Checkov example: env from secret_key_ref',
    mutation: onDeployment([
      [
        `${CONTAINER}.env`,
        [{ name: 'DATABASE_URL', value_from: { secret_key_ref: { name: 'crm', key: 'url' } } }],
      ],
    ]),
    message: /reads DATABASE_URL from a Secret/,
  },
  {
    rule: 'pod-secrets-not-in-env',
    title: 'Checkov example: env_from secret_ref',
    mutation: onJob([[`${CONTAINER}.env_from.1`, { secret_ref: { name: 'crm-secrets' } }]]),
    message: /loads Secret crm-secrets/,
  },
  {
    rule: 'tiller-not-deployed',
    title: 'Checkov example: a tiller image',
    mutation: onDeployment([[`${CONTAINER}.image`, 'tiller-image']]),
    message: /runs a Tiller image/,
  },
  {
    rule: 'tiller-not-deployed',
    title: 'Checkov example: pod labels app=helm',
    mutation: onDeployment([[`${POD.replace('.spec', '')}.metadata.labels.app`, 'helm']]),
  },
  {
    rule: 'tiller-not-deployed',
    title: 'Checkov example: a Service labelled app=helm, name=tiller',
    mutation: {
      stack: STACK,
      address: 'kubernetes_service_v1.crm',
      set: [['metadata.labels', { app: 'helm', name: 'tiller' }]],
    },
  },
  {
    rule: 'container-no-git-sync-exec',
    title: 'Checkov example: env GITSYNC_GIT',
    mutation: onDeployment([[`${CONTAINER}.env`, [{ name: 'GITSYNC_GIT', value: '/tmp/evil' }]]]),
  },
  {
    rule: 'container-resources',
    title: 'no CPU limit on the migration job',
    mutation: onJob([], [`${CONTAINER}.resources.limits.cpu`]),
    message: /has no limits.cpu/,
  },
  {
    rule: 'container-resources',
    title: "a chart's pod without resources",
    mutation: onRelease('webhook.resources', ''),
    message: /webhook: container webhook has no requests.cpu/,
  },
];
