/**
 * The import's HTTP client against a loopback server: it waits as long as a
 * 429 or 503 asks (Retry-After), backs off without one, gives up with words
 * rather than an exception, stops reading past the size limit, gives up on a
 * silent server, and keeps only a few requests in flight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { createFetcher, decodeText, retryAfterMs, type FetcherOptions } from '../../src/lib/import/fetcher.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

function fetcher(opts: Partial<FetcherOptions> = {}) {
  const waits: number[] = [];
  const f = createFetcher({ userAgent: 'fetcher-test', backoffMs: 500, sleep: async (ms) => void waits.push(ms), ...opts });
  return { f, waits };
}

/** A route that answers with each status in turn, then 200 "ok". */
function sequence(path: string, answers: { status: number; headers?: Record<string, string> }[]) {
  let i = 0;
  server.route(path, (_req, res) => {
    const answer = answers[i++];
    if (answer) res.writeHead(answer.status, answer.headers ?? {}).end();
    else res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('ok');
  });
}

describe('createFetcher', () => {
  it('waits as Retry-After asks after a 429, then succeeds', async () => {
    sequence('/busy', [
      { status: 429, headers: { 'retry-after': '2' } },
      { status: 503, headers: { 'retry-after': '1' } },
    ]);
    const { f, waits } = fetcher();
    const got = await f.get(`${server.origin}/busy`);
    expect(got.ok && decodeText(got.body, got.contentType)).toBe('ok');
    // 2 s as asked; then 1 s asked, but the backoff has grown to 1 s too.
    expect(waits).toEqual([2000, 1000]);
  });

  it('reads Retry-After as a date too', () => {
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });

  it('backs off, doubling, when the server gives no Retry-After, and gives up in words', async () => {
    sequence('/down', [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }]);
    const { f, waits } = fetcher({ retries: 3 });
    expect(await f.get(`${server.origin}/down`)).toEqual({
      ok: false,
      status: 503,
      reason: 'the server had an error (HTTP 503); try again later (after 4 tries)',
    });
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it('does not wait longer than it may', async () => {
    sequence('/later', [{ status: 429, headers: { 'retry-after': '3600' } }]);
    const { f, waits } = fetcher({ maxWaitMs: 60_000 });
    expect(await f.get(`${server.origin}/later`)).toEqual({
      ok: false,
      status: 429,
      reason: 'the server asks to wait 3600 s before the next request; run the import again later',
    });
    expect(waits).toEqual([]);
  });

  it('does not retry a 404', async () => {
    const { f, waits } = fetcher();
    expect(await f.get(`${server.origin}/nothing-here`)).toEqual({ ok: false, status: 404, reason: 'not found (HTTP 404)' });
    expect(waits).toEqual([]);
  });

  it('stops reading past the size limit, declared or not', async () => {
    server.route('/big-declared', (_req, res) => res.writeHead(200, { 'content-length': '5000' }).end(Buffer.alloc(5000)));
    server.route('/big-streamed', (_req, res) => {
      res.writeHead(200);
      res.write(Buffer.alloc(3000));
      res.end(Buffer.alloc(3000));
    });
    const { f } = fetcher();
    expect(await f.get(`${server.origin}/big-declared`, { maxBytes: 4096 })).toEqual({
      ok: false,
      reason: 'larger than the limit of 4 kB',
    });
    expect(await f.get(`${server.origin}/big-streamed`, { maxBytes: 4096 })).toEqual({
      ok: false,
      reason: 'larger than the limit of 4 kB',
    });
    const fits = await f.get(`${server.origin}/big-streamed`, { maxBytes: 6000 });
    expect(fits.ok && fits.body.byteLength).toBe(6000);
  });

  it('gives up on a server that does not answer in time', async () => {
    server.route('/silent', () => {
      // Never answers; the client's time limit ends it.
    });
    const { f } = fetcher({ timeoutMs: 200, retries: 0 });
    expect(await f.get(`${server.origin}/silent`)).toEqual({ ok: false, reason: 'no answer within 200 ms' });
  });

  it('keeps at most `concurrency` requests in flight, and names itself in each', async () => {
    let inFlight = 0;
    let most = 0;
    server.route('/slow', (_req, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200).end('x');
      }, 20);
    });
    const { f } = fetcher({ concurrency: 2 });
    const before = server.requests.length;
    const all = await Promise.all(Array.from({ length: 6 }, () => f.get(`${server.origin}/slow`)));
    expect(all.every((r) => r.ok)).toBe(true);
    expect(most).toBe(2);
    expect(server.requests.slice(before).map((r) => r.userAgent)).toEqual(Array(6).fill('fetcher-test'));
  });
});
