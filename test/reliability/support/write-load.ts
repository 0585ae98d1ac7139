const PROBLEM_JSON = 'application/problem+json';

export interface StoredWrite {
  id: string;
  marker: string;
}

/** A non-2xx answer, as the client saw it. */
export interface FailedWrite {
  status: number;
  contentType: string;
  /** The problem's `type`, when the answer is problem+json. */
  problemType: string | undefined;
}

export interface WriteLoadReport {
  attempted: number;
  acknowledged: StoredWrite[];
  failed: FailedWrite[];
  /** Requests that got no HTTP answer at all (connection refused or reset, timeout). */
  transportErrors: string[];
}

export interface WriteLoadOptions {
  url: string;
  headers: Record<string, string>;
  body(marker: string): object;
  markerOf(created: Record<string, unknown>): string;
  /** Markers are `<runId>-<n>`, so rows of this run can be told apart from seeded ones. */
  runId: string;
  workers: number;
  /** Keeps writing until this resolves. */
  until: Promise<unknown>;
}

/**
 * Closed-loop writers that remember exactly what the service acknowledged (201 with the created
 * resource) and how every other request ended, so the database can be checked against it.
 */
export async function runWriteLoad(options: WriteLoadOptions): Promise<WriteLoadReport> {
  const report: WriteLoadReport = { attempted: 0, acknowledged: [], failed: [], transportErrors: [] };
  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  options.until.then(stop, stop);

  const writer = async () => {
    while (!stopped) {
      const marker = `${options.runId}-${report.attempted++}`;
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { ...options.headers, 'content-type': 'application/json' },
          body: JSON.stringify(options.body(marker)),
          signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        const contentType = response.headers.get('content-type') ?? '';
        if (response.status === 201) {
          const created = JSON.parse(text) as Record<string, unknown>;
          report.acknowledged.push({ id: String(created.id), marker: options.markerOf(created) });
        } else {
          const problemType = contentType.startsWith(PROBLEM_JSON)
            ? (JSON.parse(text) as { type?: string }).type
            : undefined;
          report.failed.push({ status: response.status, contentType, problemType });
        }
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        report.transportErrors.push(cause?.code ?? (error as Error).name);
        // A process that is gone refuses at once; do not spin on it.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: options.workers }, writer));
  return report;
}

/** Status counts, e.g. `{ 201: 812, 503: 14 }`, for messages and the summary. */
export function statusCounts(report: WriteLoadReport): Record<string, number> {
  const counts: Record<string, number> = { 201: report.acknowledged.length };
  for (const { status } of report.failed) counts[status] = (counts[status] ?? 0) + 1;
  if (report.transportErrors.length > 0) counts['no answer'] = report.transportErrors.length;
  return counts;
}
