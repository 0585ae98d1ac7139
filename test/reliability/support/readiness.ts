export interface Readiness {
  status: number;
  checks: Record<string, 'up' | 'down'>;
}

/** `/readyz` as a load balancer sees it; status 0 when the process does not answer at all. */
export async function readiness(baseUrl: string): Promise<Readiness> {
  try {
    const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
    const body = (await response.json()) as { checks?: Record<string, 'up' | 'down'> };
    return { status: response.status, checks: body.checks ?? {} };
  } catch {
    return { status: 0, checks: {} };
  }
}

/** Polls `/readyz` until `expected` holds; resolves with the last answer either way. */
export async function awaitReadiness(
  baseUrl: string,
  expected: (answer: Readiness) => boolean,
  timeoutMs = 15_000,
): Promise<Readiness & { reached: boolean }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await readiness(baseUrl);
    if (expected(answer)) return { ...answer, reached: true };
    if (Date.now() > deadline) return { ...answer, reached: false };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
