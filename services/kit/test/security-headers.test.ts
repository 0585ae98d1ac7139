import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { helmetHeaders } from '../security-headers.js';

/** The headers helmet's own middleware sets on a real Node response, read back over a socket. */
async function headersOfRealHelmet(): Promise<Record<string, string>> {
  const applyHelmet = helmet();
  const server = createServer((request, response) => {
    applyHelmet(request, response, () => response.end());
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  try {
    const reply = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const all = Object.fromEntries(reply.headers);
    for (const transport of ['connection', 'content-length', 'date', 'keep-alive', 'transfer-encoding'])
      delete all[transport];
    return all;
  } finally {
    await new Promise((closed) => server.close(closed));
  }
}

describe('helmet headers', () => {
  it('are the very headers helmet sets on a response, computed once', async () => {
    const recorded = helmetHeaders();
    expect(recorded).toEqual(await headersOfRealHelmet());
    expect(recorded['content-security-policy']).toContain("default-src 'self'");
    expect(recorded['x-content-type-options']).toBe('nosniff');
  });
});
