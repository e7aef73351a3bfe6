/**
 * Debian's Chromium, as the browser tests and `npm run lighthouse` start it: where it is, the
 * flags that keep it headless and quiet, and the guard that keeps it on this machine. Nothing
 * ever downloads a browser.
 *
 * Some of Chromium's own services call Google even with these flags (account list, GCM
 * check-in, preconnects). Every request Chromium would send off the machine goes to a guard on
 * 127.0.0.1 instead (`--proxy-server`), which refuses it and writes it down: loopback addresses
 * skip a proxy in Chromium, so the site under test is reached directly, and anything else (an
 * update check, a font from a CDN, a beacon) fails at once rather than waiting on a network
 * that is not there.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where Chromium is: CHROMIUM_PATH if set, else Debian's package location. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The flag that sends Chromium's requests for other machines to the guard. */
export const guardFlag = (port: number): string => `--proxy-server=http://127.0.0.1:${port}`;

/** A proxy that answers every request with 403 and remembers where it was going (host and port). */
export async function startGuard(): Promise<{ server: Server; port: number; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    // A plain-http request through a proxy names the whole URL.
    seen.push(URL.canParse(req.url ?? '') ? hostAndPort(new URL(req.url!)) : (req.url ?? '?'));
    res.writeHead(403, { 'content-type': 'text/plain' }).end('No network for a browser under test.\n');
  });
  // HTTPS goes through CONNECT: refuse the tunnel.
  server.on('connect', (req, socket) => {
    seen.push(req.url ?? '?'); // host:port
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  return { server, port: (server.address() as AddressInfo).port, seen };
}

/** Each item once, with how many times it came (`host:443 ×3`). */
export function countEach(items: string[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, n]) => (n > 1 ? `${item} ×${n}` : item));
}

const hostAndPort = (url: URL) => `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
