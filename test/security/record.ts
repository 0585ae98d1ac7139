import { FINDINGS, type FindingKind, type Severity } from './severity.js';

export type CheckFamily =
  | 'auth'
  | 'tenancy'
  | 'function-authorization'
  | 'mass-assignment'
  | 'injection'
  | 'crafted-input'
  | 'resource-consumption';

/** One check the suite made, as the report lists it. */
export interface CheckRecord {
  service: string;
  operationId: string;
  route: string;
  family: CheckFamily;
  check: string;
  outcome: 'pass' | 'fail' | 'not-run';
  /** What the service answered (status, and why the outcome is what it is). */
  detail: string;
  severity: Severity | 'none';
  finding?: FindingKind;
  owasp?: string;
  api?: string;
}

export interface Subject {
  service: string;
  operationId: string;
  method: string;
  path: string;
}

/** Collects the check records of a run. */
export class Recorder {
  readonly records: CheckRecord[] = [];

  private base(subject: Subject, family: CheckFamily, check: string) {
    return {
      service: subject.service,
      operationId: subject.operationId,
      route: `${subject.method} ${subject.path}`,
      family,
      check,
    };
  }

  pass(subject: Subject, family: CheckFamily, check: string, detail: string): void {
    this.records.push({ ...this.base(subject, family, check), outcome: 'pass', detail, severity: 'none' });
  }

  fail(subject: Subject, family: CheckFamily, check: string, finding: FindingKind, detail: string): void {
    const { severity, owasp, api } = FINDINGS[finding];
    this.records.push({
      ...this.base(subject, family, check),
      outcome: 'fail',
      detail,
      severity,
      finding,
      ...(owasp ? { owasp } : {}),
      api,
    });
  }

  /** A check whose only passing answer is `expected`; anything else is `finding`. */
  expectStatus(
    subject: Subject,
    family: CheckFamily,
    check: string,
    answer: { status: number; detail: string },
    expected: number,
    finding: FindingKind,
  ): void {
    if (answer.status === expected) this.pass(subject, family, check, String(expected));
    else this.fail(subject, family, check, finding, `answered ${answer.detail} instead of ${expected}`);
  }

  /** A check that could not be made (nothing to attack it with): the operation counts as unattacked by it. */
  notRun(subject: Subject, family: CheckFamily, check: string, detail: string): void {
    this.records.push({ ...this.base(subject, family, check), outcome: 'not-run', detail, severity: 'none' });
  }
}
