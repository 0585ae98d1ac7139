import type { StoredWrite } from './write-load.js';

export interface WriteAudit {
  acknowledged: number;
  /** Acknowledged writes absent from the database, or stored with other content. */
  lost: StoredWrite[];
  /** Rows of this run stored although their request was not acknowledged (its answer was lost). */
  unacknowledgedStored: number;
}

/** Compares what the service acknowledged with the rows of this run (markers `<runId>-…`) in its database. */
export function auditWrites(acknowledged: StoredWrite[], stored: StoredWrite[], runId: string): WriteAudit {
  const ofRun = stored.filter((row) => row.marker.startsWith(`${runId}-`));
  const storedById = new Map(ofRun.map((row) => [row.id, row.marker]));
  const lost = acknowledged.filter((write) => storedById.get(write.id) !== write.marker);
  const acknowledgedIds = new Set(acknowledged.map((write) => write.id));
  return {
    acknowledged: acknowledged.length,
    lost,
    unacknowledgedStored: ofRun.filter((row) => !acknowledgedIds.has(row.id)).length,
  };
}
