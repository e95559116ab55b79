// The playground's web server: the page, its script, and the API. The add-on
// itself runs in the engine worker (engine-worker.ts) on the local runtime.

import http from 'node:http';
import path from 'node:path';
import { handleApi } from './api/routes';
import { refusal } from './api/guard';
import { send, sendJson } from './api/http';
import { bundlePlayground, type Bundles } from './bundle';
import { Engine } from './engine-host';

export interface PlaygroundOptions {
  port: number;
  /** Default 127.0.0.1: the playground is for this machine only. */
  host?: string;
  /** Where state.json and the bundled worker go (default <project>/.playground). */
  stateDir: string;
  /** The built add-on. */
  dist: string;
  /** Seed a fresh demo instead of loading the saved state. */
  reset?: boolean;
  /** A fixed clock for tests. */
  now?: Date;
}

export interface Playground {
  url: string;
  port: number;
  stateFile: string;
  /** A problem met on start (a corrupt state file set aside), for the console. */
  notice: string | undefined;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use. Stop the program using it, or choose another port: npm start -- --port 8081 (or PORT=8081 npm start).`,
    );
  }
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const host = options.host ?? '127.0.0.1';
  const stateFile = path.join(options.stateDir, 'state.json');
  const server = http.createServer();
  // Serves requests once the engine is ready; until then they are answered 503.
  let serve: ((request: http.IncomingMessage, response: http.ServerResponse, url: URL) => void) | undefined = undefined;
  let port = options.port;
  // Answers from the moment the port opens: the browser `npm start` opens may ask at once.
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const refused = refusal(request, port);
    if (refused) return sendJson(response, 403, { error: refused });
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (serve) serve(request, response, url);
    else notReady(response, url);
  });
  // Listen first: a port in use is reported before any work is done.
  await listen(server, options.port, host);
  port = (server.address() as { port: number }).port;
  let bundles: Bundles;
  try {
    bundles = await bundlePlayground(path.join(options.stateDir, 'build'));
  } catch (error) {
    server.close();
    throw error;
  }
  const engine = new Engine(bundles.workerFile, {
    dist: options.dist,
    stateFile,
    reset: options.reset ?? false,
    ...(options.now ? { nowMs: options.now.getTime() } : {}),
  });
  try {
    await engine.ready;
  } catch (error) {
    server.close();
    await engine.close();
    throw error;
  }
  serve = (request, response, url) => {
    void handleApi(engine, request, response, url).then((handled) => {
      if (handled) return;
      if (url.pathname === '/' || url.pathname === '/index.html') return send(response, 'text/html', bundles.indexHtml);
      if (url.pathname === '/app.js') return send(response, 'text/javascript', bundles.clientJs);
      if (url.pathname === '/app.css') return send(response, 'text/css', bundles.clientCss);
      if (url.pathname === '/favicon.ico') return response.writeHead(204).end();
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    });
  };
  return {
    url: `http://localhost:${port}`,
    port,
    stateFile,
    notice: engine.notice,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.close();
    },
  };
}

/** While the playground starts: 503 with Retry-After, and a page that tries again by itself. */
function notReady(response: http.ServerResponse, url: URL): void {
  const headers = { 'retry-after': '1', 'cache-control': 'no-store' };
  if (url.pathname.startsWith('/api/')) {
    response.writeHead(503, { ...headers, 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ error: 'The playground is starting; try again in a moment.' }));
    return;
  }
  response.writeHead(503, { ...headers, 'content-type': 'text/html; charset=utf-8' });
  response.end('<!doctype html><meta http-equiv="refresh" content="1"><title>Starting…</title><p>The playground is starting…</p>');
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
