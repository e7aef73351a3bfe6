/**
 * A stand-in for an old blog, on 127.0.0.1 at a free port: serves files from a
 * folder (text files with `{{origin}}` replaced by the server's own address),
 * or answers from handlers, and records every request. The import's tests and
 * its benchmark use it, so no request leaves the machine.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

export type Handler = (req: IncomingMessage, res: ServerResponse, origin: string) => void;

export interface FixtureServer {
  origin: string;
  /** Paths asked for, in order, with their User-Agent. */
  requests: { path: string; userAgent: string | undefined }[];
  /** Answer `path` with `handler` from now on (replacing a file or an earlier handler). */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.xml': 'application/xml; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
};
const TEXT = new Set(['.xml', '.html', '.txt']);

export async function startFixtureServer(root?: string): Promise<FixtureServer> {
  const routes = new Map<string, Handler>();
  const requests: FixtureServer['requests'] = [];
  let origin = '';
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', origin).pathname);
    requests.push({ path: req.url ?? '/', userAgent: req.headers['user-agent'] });
    const handler = routes.get(req.url ?? '/') ?? routes.get(path);
    if (handler) return handler(req, res, origin);
    const file = root ? join(root, normalize(path).replace(/^(\.\.[/\\])+/, '')) : '';
    const served =
      file && existsSync(file) && statSync(file).isFile()
        ? file
        : file && existsSync(join(file, 'index.html'))
          ? join(file, 'index.html')
          : '';
    if (!served) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not found</title><p>Not found');
      return;
    }
    const ext = extname(served);
    const body = TEXT.has(ext) ? readFileSync(served, 'utf8').replaceAll('{{origin}}', origin) : readFileSync(served);
    res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
