/**
 * Polite HTTP for the import: a few requests at a time, a User-Agent that says
 * who is asking, a time limit on each, a size limit on what is read, and
 * patience when a server says "too many requests" (429) or is briefly down
 * (503): it waits as long as Retry-After asks, or longer after each try.
 * Every failure comes back as words for the summary, never as an exception.
 */

export interface FetcherOptions {
  userAgent: string;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Limit for one attempt, headers and body, in ms. */
  timeoutMs?: number;
  /** Tries after the first, for 429, 502, 503, 504 and dropped connections. */
  retries?: number;
  /** First wait when the server gives no Retry-After; doubled after each try. */
  backoffMs?: number;
  /** A server asking for a longer wait than this is given up on (and said so). */
  maxWaitMs?: number;
  /** How to wait; tests pass one that records instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock, for Retry-After given as a date. */
  now?: () => number;
}

export type Fetched =
  { ok: true; url: string; contentType: string; body: Uint8Array } | { ok: false; reason: string; status?: number | undefined };

export interface Fetcher {
  get(url: string, opts?: { maxBytes?: number | undefined; accept?: string | undefined }): Promise<Fetched>;
}

const RETRY_STATUS = new Set([429, 502, 503, 504]);
const DEFAULTS = { concurrency: 4, timeoutMs: 20_000, retries: 3, backoffMs: 1_000, maxWaitMs: 60_000 };

/** Retry-After in ms: seconds, or an HTTP date. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function statusReason(status: number): string {
  if (status === 404 || status === 410) return `not found (HTTP ${status})`;
  if (status === 401 || status === 403) return `refused: the server needs a login or blocks the import (HTTP ${status})`;
  if (status === 429) return 'the server still says "too many requests" (HTTP 429); wait a while and run the import again';
  if (status >= 500) return `the server had an error (HTTP ${status}); try again later`;
  return `the server answered HTTP ${status}`;
}

function networkReason(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${duration(timeoutMs)}`;
  const code = e.cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no such web address (the host name is unknown)';
  if (code === 'ECONNREFUSED') return 'could not connect (connection refused)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was dropped';
  return `could not fetch it (${e.cause?.message ?? e.message ?? 'network error'})`;
}

class TooLarge extends Error {}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new TooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new TooLarge();
      chunks.push(chunk);
    }
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function size(bytes: number): string {
  return bytes < 1_048_576 ? `${Math.round(bytes / 1024)} kB` : `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

export function createFetcher(options: FetcherOptions): Fetcher {
  const opts = { ...DEFAULTS, ...options };
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = opts.now ?? Date.now;
  let active = 0;
  const waiting: (() => void)[] = [];
  const acquire = async () => {
    if (active >= opts.concurrency) await new Promise<void>((r) => waiting.push(r));
    active++;
  };
  const release = () => {
    active--;
    waiting.shift()?.();
  };

  async function attempt(url: string, maxBytes: number, accept: string): Promise<Fetched & { retryInMs?: number | undefined }> {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { 'user-agent': opts.userAgent, accept },
        redirect: 'follow',
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
    } catch (error) {
      const reason = networkReason(error, opts.timeoutMs);
      return { ok: false, reason, retryInMs: reason === 'the connection was dropped' ? 0 : undefined };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      const retry = RETRY_STATUS.has(response.status) ? (retryAfterMs(response.headers.get('retry-after'), now()) ?? 0) : undefined;
      return { ok: false, reason: statusReason(response.status), status: response.status, retryInMs: retry };
    }
    try {
      const body = await readLimited(response, maxBytes);
      return { ok: true, url: response.url || url, contentType: response.headers.get('content-type') ?? '', body };
    } catch (error) {
      if (error instanceof TooLarge) return { ok: false, reason: `larger than the limit of ${size(maxBytes)}` };
      return { ok: false, reason: networkReason(error, opts.timeoutMs) };
    }
  }

  return {
    async get(url, { maxBytes = 20 * 1_048_576, accept = '*/*' } = {}) {
      await acquire();
      try {
        for (let tryNo = 0; ; tryNo++) {
          const result = await attempt(url, maxBytes, accept);
          if (result.ok || result.retryInMs === undefined || tryNo >= opts.retries) {
            const { retryInMs: _unused, ...answer } = result;
            if (!answer.ok && result.retryInMs !== undefined && tryNo > 0)
              return { ...answer, reason: `${answer.reason} (after ${tryNo + 1} tries)` };
            return answer;
          }
          const wait = Math.max(result.retryInMs, opts.backoffMs * 2 ** tryNo);
          if (wait > opts.maxWaitMs) {
            return {
              ok: false,
              status: result.status,
              reason: `the server asks to wait ${Math.ceil(wait / 1000)} s before the next request; run the import again later`,
            };
          }
          await sleep(wait);
        }
      } finally {
        release();
      }
    },
  };
}

/** Text from fetched bytes, in the charset the server named (UTF-8 when none or unknown). */
export function decodeText(body: Uint8Array, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
