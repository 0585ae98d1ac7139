import { fail, pass } from '../../engine/model.js';
import { defineRule } from '../../engine/rule.js';

export const acmKeyLength = defineRule({
  id: 'acm-key-length',
  title: 'Certificates use RSA 2048+ or ECDSA keys',
  severity: 'medium',
  resourceTypes: ['aws_acm_certificate'],
  anchors: ['FSBP:acm-rsa-certificate-key-length-atleast-2048'],
  parameters: {
    acceptedAlgorithms: ['RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_prime256v1', 'EC_secp384r1', 'EC_secp521r1'],
  },
  help: 'key_algorithm defaults to RSA_2048; anything weaker (RSA_1024) is refused by modern clients.',
  check(certificate, _context, { acceptedAlgorithms }) {
    const algorithm = certificate.values.key_algorithm;
    if (algorithm === undefined) return pass();
    return (acceptedAlgorithms as readonly unknown[]).includes(algorithm)
      ? pass()
      : fail(`key_algorithm ${String(algorithm)} is weaker than RSA 2048`);
  },
});
