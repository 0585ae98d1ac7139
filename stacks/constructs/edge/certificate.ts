import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate/index.js';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation/index.js';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record/index.js';
import { TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';
import { SpecError } from '../../../config/spec.js';

export interface ApiCertificateProps {
  domainName: string;
  /** The stack writes the validation records here and waits for ACM to issue the certificate. */
  hostedZoneId?: string | undefined;
  /** An issued certificate for the domain, brought instead (no hosted zone of ours). */
  certificateArn?: string | undefined;
}

/** What a spec that deploys the API certificate must name, as the one-line problem of a spec. */
export const CERTIFICATE_SOURCE_PROBLEM =
  'apiGateway.hostedZoneId: name the Route 53 hosted zone of apiGateway.domainName (the stack writes the ' +
  "certificate's validation records there), or set apiGateway.certificateArn to an issued ACM certificate";

/**
 * The API's TLS certificate, used by the ALB's HTTPS listener and the HTTP API's custom domain. With
 * a hosted zone: RSA 2048, DNS-validated through records this stack writes, in the certificate
 * transparency logs, replaced before it is destroyed. Without one, the spec brings an issued
 * certificate's ARN; a validation nobody can complete (ACM waits 75 minutes, then fails) is never made.
 */
export class ApiCertificate extends Construct {
  /** Issued: referencing it waits for ACM's validation when this stack requests the certificate. */
  readonly certificateArn: string;

  constructor(scope: Construct, id: string, props: ApiCertificateProps) {
    super(scope, id);
    if (props.certificateArn) {
      this.certificateArn = props.certificateArn;
      return;
    }
    if (!props.hostedZoneId) throw new SpecError('spec', [CERTIFICATE_SOURCE_PROBLEM]);
    const certificate = new AcmCertificate(this, 'certificate', {
      domainName: props.domainName,
      validationMethod: 'DNS',
      keyAlgorithm: 'RSA_2048',
      options: { certificateTransparencyLoggingPreference: 'ENABLED' },
      lifecycle: { createBeforeDestroy: true },
    });
    const options = TerraformIterator.fromComplexList(certificate.domainValidationOptions, 'domain_name');
    const records = new Route53Record(this, 'validation-record', {
      forEach: options,
      zoneId: props.hostedZoneId,
      name: options.getString('resource_record_name'),
      type: options.getString('resource_record_type'),
      records: [options.getString('resource_record_value')],
      ttl: 60,
      allowOverwrite: true,
    });
    this.certificateArn = new AcmCertificateValidation(this, 'validation', {
      certificateArn: certificate.arn,
      validationRecordFqdns: Token.asList(TerraformIterator.fromResources(records).pluckProperty('fqdn')),
    }).certificateArn;
  }
}
