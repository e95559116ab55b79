// Who may use the playground: its own page, on this machine. Any page the
// person visits can send requests here (a form, or a fetch in "no-cors" mode
// with a text/plain body needs no permission), and a site that makes its name
// resolve to 127.0.0.1 (DNS rebinding) can even read the replies. So every
// request must name this playground as its Host, and every request that can
// change something must come from the playground's own origin with a JSON body,
// which a foreign page cannot send without a CORS preflight this server refuses.

import type { IncomingMessage } from 'node:http';

/** The Host a request for this playground names: localhost or 127.0.0.1, on its port. */
export function ownHosts(port: number): string[] {
  const hosts = [`localhost:${port}`, `127.0.0.1:${port}`];
  // Browsers leave out the default port.
  return port === 80 ? [...hosts, 'localhost', '127.0.0.1'] : hosts;
}

/** Why the request is refused (answered 403, nothing done), or undefined when it may proceed. */
export function refusal(request: IncomingMessage, port: number): string | undefined {
  const host = request.headers.host ?? '';
  if (!ownHosts(port).includes(host.toLowerCase())) return `The playground answers only at http://localhost:${port}.`;
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  // Everything else can change state (and OPTIONS is a foreign page's preflight).
  const origin = request.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host.toLowerCase()}`)
    return 'Only the playground page itself may change the playground.';
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return 'The playground takes changes as JSON only (content-type: application/json).';
  return undefined;
}
