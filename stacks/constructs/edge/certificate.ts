import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate/index.js';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation/index.js';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record/index.js';
import { TerraformIterator, TerraformOutput, Token } from 'cdktf';
import { Construct } from 'constructs';

export interface ApiCertificateProps {
  domainName: string;
  /** With a hosted zone the validation records are written here; without, someone adds them by hand. */
  hostedZoneId?: string;
}

/**
 * The API's TLS certificate, used by the ALB's HTTPS listener and the HTTP API's custom domain:
 * RSA 2048, DNS-validated, in the certificate transparency logs, replaced before it is destroyed.
 */
export class ApiCertificate extends Construct {
  readonly certificate: AcmCertificate;
  /** Completes once ACM has issued the certificate; reference its ARN to wait for that. */
  readonly validation: AcmCertificateValidation;

  constructor(scope: Construct, id: string, props: ApiCertificateProps) {
    super(scope, id);
    this.certificate = new AcmCertificate(this, 'certificate', {
      domainName: props.domainName,
      validationMethod: 'DNS',
      keyAlgorithm: 'RSA_2048',
      options: { certificateTransparencyLoggingPreference: 'ENABLED' },
      lifecycle: { createBeforeDestroy: true },
    });
    const options = TerraformIterator.fromComplexList(
      this.certificate.domainValidationOptions,
      'domain_name',
    );
    if (props.hostedZoneId) {
      const records = new Route53Record(this, 'validation-record', {
        forEach: options,
        zoneId: props.hostedZoneId,
        name: options.getString('resource_record_name'),
        type: options.getString('resource_record_type'),
        records: [options.getString('resource_record_value')],
        ttl: 60,
        allowOverwrite: true,
      });
      this.validation = new AcmCertificateValidation(this, 'validation', {
        certificateArn: this.certificate.arn,
        validationRecordFqdns: Token.asList(TerraformIterator.fromResources(records).pluckProperty('fqdn')),
      });
    } else {
      new TerraformOutput(this, 'validation-records', {
        description: 'DNS records to create so that ACM can issue the API certificate',
        value: this.certificate.domainValidationOptions,
      });
      this.validation = new AcmCertificateValidation(this, 'validation', {
        certificateArn: this.certificate.arn,
      });
    }
  }
}
