/** Compliance: who changed what, and when; written in the same transaction as the change. */
export interface ComplianceEntry {
  id: string;
  campaignId: string;
  actor: string;
  action: string;
  changes: Record<string, unknown>;
  requestId: string | null;
  at: string;
}

/** What a use case hands the repository to record alongside a change. */
export interface Actor {
  subject: string;
  requestId: string | null;
}
