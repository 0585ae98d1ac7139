import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

export type CheckKind = 'load' | 'fault' | 'rolling-restart' | 'bad-input';

/** One line of the suite's summary: what was checked, whether it held, and the figures behind it. */
export interface ReliabilityRecord {
  check: CheckKind;
  subject: string;
  passed: boolean;
  /** Writes acknowledged with 2xx and missing or different in the database afterwards. */
  writesLost?: number;
  /** Fuzzed requests or CLI runs. */
  inputsTried?: number;
  figures: Record<string, number | string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    reliabilityRecordsDir: string;
  }
}

let written = 0;

/** Hands a record to the summary the global teardown prints; call it before asserting. */
export function record(entry: ReliabilityRecord): void {
  const file = join(inject('reliabilityRecordsDir'), `${process.pid}-${Date.now()}-${written++}.json`);
  writeFileSync(file, JSON.stringify(entry));
}
