/**
 * Crossref and NCBI E-utilities on 127.0.0.1, answering from the recorded
 * files in tests/fixtures/citations/. A test can put its own answers in
 * front (a 429, a server that never answers) and read what was asked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FIXTURES } from './paths.ts';

const RECORDED = join(FIXTURES, 'citations');

export interface Asked {
  path: string;
  userAgent: string | undefined;
}

/** A scripted answer; `hang` never answers (the client's timeout must end it). */
export type Scripted = { status: number; headers?: Record<string, string>; body?: string } | 'hang';

export interface CitationServer {
  url: string;
  asked: Asked[];
  /** Answers used, in order, before the recorded ones. */
  script(...answers: Scripted[]): void;
  /** Forgets scripted answers not used yet and what was asked. */
  reset(): void;
  close(): Promise<void>;
}

function recorded(url: URL): { status: number; body: string } {
  const work = /^\/works\/(.+)$/.exec(url.pathname);
  if (work) {
    const file = join(RECORDED, 'crossref', `${decodeURIComponent(work[1]!).replace(/\//g, '_')}.json`);
    return existsSync(file) ? { status: 200, body: readFileSync(file, 'utf8') } : { status: 404, body: 'Resource not found.' };
  }
  if (url.pathname === '/esummary.fcgi') {
    const id = url.searchParams.get('id') ?? '';
    const file = join(RECORDED, 'eutils', `esummary-${id}.json`);
    if (existsSync(file)) return { status: 200, body: readFileSync(file, 'utf8') };
    return { status: 200, body: readFileSync(join(RECORDED, 'eutils', 'esummary-unknown.json'), 'utf8').replaceAll('99999999', id) };
  }
  return { status: 404, body: 'Not here.' };
}

export async function startCitationServer(): Promise<CitationServer> {
  const asked: Asked[] = [];
  const queue: Scripted[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    asked.push({ path: `${url.pathname}${url.search}`, userAgent: req.headers['user-agent'] });
    const next = queue.shift();
    if (next === 'hang') {
      hanging.push(res);
      return;
    }
    const answer = next ?? recorded(url);
    res.writeHead(answer.status, { 'content-type': answer.status === 200 ? 'application/json' : 'text/plain', ...next?.headers });
    res.end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    asked,
    script: (...answers) => queue.push(...answers),
    reset: () => {
      queue.length = 0;
      asked.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
