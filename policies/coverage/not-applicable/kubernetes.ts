import type { NotApplicable } from './declaration.js';

/**
 * Every CKV_K8S check of the catalogue has a rule under policies/rules/kubernetes/ (Tiller's two
 * checks too: tiller-not-deployed is a real check, failing on Helm v2's labels, images and Service),
 * so none is declared not applicable.
 */
export const KUBERNETES_CHECKS: NotApplicable[] = [];
