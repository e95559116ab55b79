import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST } from '../../dev/build';
import { startPlayground, type Playground } from '../../dev/playground/server';

/** The demo's clock: late in 2026-Q4, so check-ins, lateness and risk are as the demo means them. */
export const NOW = new Date('2026-11-30T10:00:00Z');

export function tempStateDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'okr-playground-'));
}

export function start(stateDir: string, options: { reset?: boolean; port?: number } = {}): Promise<Playground> {
  return startPlayground({ port: options.port ?? 0, stateDir, dist: DIST, now: NOW, ...(options.reset ? { reset: true } : {}) });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON reply whose shape each test asserts
export async function get<T = any>(playground: Playground, url: string): Promise<T> {
  const response = await fetch(playground.url + url);
  return (await response.json()) as T;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON reply whose shape each test asserts
export async function post<T = any>(playground: Playground, url: string, body: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(playground.url + url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}
