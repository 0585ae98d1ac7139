/** One HTTP exchange with a service under attack. */
export interface Answer {
  status: number;
  text: string;
  json: unknown;
  bytes: number;
  ms: number;
}

export async function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return {
    status: response.status,
    text,
    json,
    bytes: Buffer.byteLength(text),
    ms: performance.now() - started,
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const is2xx = (status: number) => status >= 200 && status < 300;

/** The ids of a list answer's items (`{ items: [{ id }] }`), or of a single object. */
export function idsIn(json: unknown): string[] {
  if (!json || typeof json !== 'object') return [];
  const items = (json as { items?: unknown }).items;
  const list = Array.isArray(items) ? items : [json];
  return list.flatMap((item) =>
    item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string'
      ? [(item as { id: string }).id]
      : [],
  );
}

/** `403 (token lacks …)`: the status and the problem's detail, for a report line. */
export function answerText(answer: Answer): string {
  const detail = (answer.json as { detail?: unknown } | undefined)?.detail;
  return typeof detail === 'string' ? `${answer.status} (${detail.slice(0, 160)})` : String(answer.status);
}
