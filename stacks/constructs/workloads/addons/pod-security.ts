/**
 * The Pod Security Standards restricted profile as Helm values, for the add-on charts' pods: a
 * non-root high UID (65534, nobody: the charts' images are static binaries readable by any user),
 * the runtime's seccomp profile, no privilege escalation, no capabilities, a read-only root.
 * Each chart names these keys differently; policies/rules/kubernetes/helm-charts.ts records where.
 */
export const CHART_POD_SECURITY_CONTEXT = {
  runAsNonRoot: true,
  runAsUser: 65534,
  runAsGroup: 65534,
  fsGroup: 65534,
  seccompProfile: { type: 'RuntimeDefault' },
};

export const CHART_CONTAINER_SECURITY_CONTEXT = {
  runAsNonRoot: true,
  runAsUser: 65534,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

/**
 * Requests equal to limits (Guaranteed QoS, as the API pods): an add-on is never the pod the
 * kubelet evicts first, and never takes more than it asked for.
 */
export function guaranteed(cpu: string, memory: string) {
  const size = { cpu, memory };
  return { requests: size, limits: size };
}
