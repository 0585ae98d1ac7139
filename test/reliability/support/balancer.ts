import {
  Agent,
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal HTTP load balancer on 127.0.0.1, standing in for the ALB in a rolling update: requests
 * go round-robin to the registered backends; `deregister` stops new requests to a backend while
 * the ones it already has finish. An upstream that drops a request is answered 502.
 */
export interface Balancer {
  url: string;
  register(backendUrl: string): void;
  deregister(backendUrl: string): void;
  close(): Promise<void>;
}

export async function startBalancer(): Promise<Balancer> {
  const backends: string[] = [];
  const agents = new Map<string, Agent>();
  let next = 0;

  const forward = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const backend = backends[next++ % backends.length];
    if (!backend) {
      outgoing.writeHead(503).end();
      return;
    }
    const upstream = request(
      `${backend}${incoming.url}`,
      { method: incoming.method, headers: incoming.headers, agent: agents.get(backend) },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end('upstream dropped the request');
    });
    incoming.pipe(upstream);
  };

  const server: Server = createServer(forward);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    register: (backendUrl) => {
      agents.set(backendUrl, new Agent({ keepAlive: true }));
      backends.push(backendUrl);
    },
    deregister: (backendUrl) => {
      // Requests it already has go on to their answers; the backend closes its idle sockets itself.
      backends.splice(backends.indexOf(backendUrl), 1);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const agent of agents.values()) agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
