import type { Resource } from '../../engine/model.js';
import { blocks, stringMap, valueAt } from '../../engine/values.js';

/**
 * The ALB is not a Terraform resource when the AWS Load Balancer Controller creates it: its listeners,
 * TLS policy, health check and attributes are annotations of a kubernetes_ingress_v1.
 */
export const ANNOTATION = 'alb.ingress.kubernetes.io/';

export interface Listener {
  protocol: string;
  port: number;
}

export interface AlbIngress {
  annotations: Record<string, string>;
  listeners: Listener[] | { invalid: string };
  /** `load-balancer-attributes`, as key → value. */
  attributes: Map<string, string>;
  /** Whether rules or tls blocks name hosts (the controller can discover certificates for them). */
  hasHosts: boolean;
}

export const INGRESS_TYPES = ['kubernetes_ingress_v1', 'kubernetes_ingress'] as const;

/** The ALB settings of an Ingress served by the AWS Load Balancer Controller; undefined for other ingress classes. */
export function albIngress(resource: Resource): AlbIngress | undefined {
  const annotations = stringMap(valueAt(resource.values, 'metadata.annotations'));
  const ingressClass =
    valueAt(resource.values, 'spec.ingress_class_name') ?? annotations['kubernetes.io/ingress.class'];
  const annotated = Object.keys(annotations).some((key) => key.startsWith(ANNOTATION));
  if (ingressClass !== 'alb' && !annotated) return undefined;
  const spec = blocks(resource.values.spec)[0] ?? {};
  const hasHosts =
    blocks(spec.rule).some((rule) => typeof rule.host === 'string') ||
    blocks(spec.tls).some((tls) => Array.isArray(tls.hosts) && tls.hosts.length > 0);
  return {
    annotations,
    listeners: parseListeners(annotations),
    attributes: parseAttributes(annotations[`${ANNOTATION}load-balancer-attributes`]),
    hasHosts,
  };
}

export function annotation(ingress: AlbIngress, name: string): string | undefined {
  return ingress.annotations[`${ANNOTATION}${name}`];
}

function parseListeners(annotations: Record<string, string>): AlbIngress['listeners'] {
  const raw = annotations[`${ANNOTATION}listen-ports`];
  if (raw === undefined) {
    // The controller listens on HTTPS:443 when a certificate is given, HTTP:80 otherwise.
    const hasCertificate = annotations[`${ANNOTATION}certificate-arn`] !== undefined;
    return [hasCertificate ? { protocol: 'HTTPS', port: 443 } : { protocol: 'HTTP', port: 80 }];
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return { invalid: raw };
    return parsed.flatMap((entry) =>
      typeof entry === 'object' && entry !== null
        ? Object.entries(entry).map(([protocol, port]) => ({
            protocol: protocol.toUpperCase(),
            port: Number(port),
          }))
        : [],
    );
  } catch {
    return { invalid: raw };
  }
}

function parseAttributes(raw: string | undefined): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const pair of (raw ?? '').split(',')) {
    const [key, ...rest] = pair.split('=');
    if (key && rest.length > 0) attributes.set(key.trim(), rest.join('=').trim());
  }
  return attributes;
}

/** aws_lb resources that are application load balancers (the default type). */
export function isApplicationLoadBalancer(resource: Resource): boolean {
  return (resource.values.load_balancer_type ?? 'application') === 'application';
}
