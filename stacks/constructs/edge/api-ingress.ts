import { DataAwsLb } from '@cdktf/provider-aws/lib/data-aws-lb/index.js';
import { DataAwsLbListener } from '@cdktf/provider-aws/lib/data-aws-lb-listener/index.js';
import { IngressV1 } from '@cdktf/provider-kubernetes/lib/ingress-v1/index.js';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { DeploymentPlan } from '../../../calculators/plan-types.js';
import { ALB_INGRESS_CLASS } from '../workloads/addons/load-balancer-controller.js';
import { type AlbAnnotationInputs, albAnnotations } from './alb-annotations.js';
import { HTTPS_PORT } from './alb-listeners.js';

export const INGRESS_NAME = 'api';

export interface ApiIngressProps extends AlbAnnotationInputs {
  namespace: string;
  deployments: DeploymentPlan[];
  /** What the ALB needs before it is created (the access-log bucket's policy). */
  dependsOn?: ITerraformDependable[];
}

/**
 * The Ingress the load balancer controller turns into the API's ALB: one path rule per service
 * version, `/api/<service>/v<N>` to the `<service>-api-v<N>` Service. Terraform waits until the
 * controller has published the ALB, then looks it and its HTTPS listener up by the fixed name.
 */
export class ApiIngress extends Construct {
  readonly ingress: IngressV1;
  readonly loadBalancer: DataAwsLb;
  readonly httpsListener: DataAwsLbListener;

  constructor(scope: Construct, id: string, props: ApiIngressProps) {
    super(scope, id);
    this.ingress = new IngressV1(this, 'ingress', {
      metadata: {
        // The ALB's own name may hold capitals; a Kubernetes name may not.
        name: INGRESS_NAME,
        namespace: props.namespace,
        annotations: albAnnotations(props),
      },
      spec: {
        ingressClassName: ALB_INGRESS_CLASS,
        rule: [
          {
            http: {
              path: props.deployments.map((deployment) => ({
                path: deployment.path,
                pathType: 'Prefix',
                backend: { service: { name: deployment.name, port: { number: deployment.port } } },
              })),
            },
          },
        ],
      },
      waitForLoadBalancer: true,
      dependsOn: props.dependsOn,
    });
    this.loadBalancer = new DataAwsLb(this, 'load-balancer', {
      name: props.loadBalancerName,
      dependsOn: [this.ingress],
    });
    this.httpsListener = new DataAwsLbListener(this, 'https-listener', {
      loadBalancerArn: this.loadBalancer.arn,
      port: HTTPS_PORT,
    });
  }
}
