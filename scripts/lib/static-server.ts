/**
 * Serves a built dist/ folder on 127.0.0.1 the way a static host does, under
 * the site's base path (a site built for /blog/ answers at /blog/…, and nothing
 * outside it), so root-relative links are checked exactly as readers follow them.
 * The link check and the browser tests use it; nothing here reaches the network.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { normaliseBase } from '../../src/lib/site-paths.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** http://127.0.0.1:PORT, without the base path. */
  origin: string;
  /** The site's home: origin + base path. */
  url: string;
  /** Every path requested so far, in order (for tests that check what a page fetched). */
  requests: string[];
  close(): Promise<void>;
}

async function kindOf(path: string): Promise<'file' | 'dir' | undefined> {
  try {
    const st = await stat(path);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves `dir` at `base`: `/blog/posts/a/` → posts/a/index.html, `/blog/posts/a`
 * → 301 to the slash form, anything missing or outside the base → 404 with the
 * site's 404.html.
 */
export async function serveDist(dir: string, base = '/'): Promise<StaticServer> {
  const root = resolve(dir);
  const prefix = normaliseBase(base);
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    const send = (status: number, file: string | undefined, headers: Record<string, string> = {}): void => {
      const type = file ? (TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream') : 'text/plain; charset=utf-8';
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      if (req.method !== 'HEAD' && file) createReadStream(file).pipe(res);
      else res.end(file ? undefined : `${status}\n`);
    };
    const notFound = async () => {
      const page = join(root, '404.html');
      send(404, (await kindOf(page)) === 'file' ? page : undefined);
    };
    const redirect = () => send(301, undefined, { location: `${url.pathname}/${url.search}` });

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, undefined, { allow: 'GET, HEAD' });
    if (`${url.pathname}/` === prefix) return redirect();
    if (!url.pathname.startsWith(prefix)) return notFound();
    let file: string;
    try {
      file = resolve(root, decodeURIComponent(url.pathname.slice(prefix.length)));
    } catch {
      return send(400, undefined);
    }
    if (file !== root && !file.startsWith(root + sep)) return send(400, undefined);
    const kind = await kindOf(file);
    if (kind === 'file') return send(200, file);
    if (kind === 'dir') {
      if (!url.pathname.endsWith('/')) return redirect();
      const index = join(file, 'index.html');
      if ((await kindOf(index)) === 'file') return send(200, index);
    }
    return notFound();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${prefix}`,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** The same, with the options shape the browser tests use. */
export function serveStatic(root: string, options: { base?: string } = {}): Promise<StaticServer> {
  return serveDist(root, options.base ?? '/');
}
