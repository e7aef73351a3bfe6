/**
 * GET requests the way public bibliographic APIs ask to be called: a
 * User-Agent naming the site and a contact address, a few requests at a time
 * and spaced out per host, a timeout, and retries with growing waits on
 * "too many requests" (429) and server errors (5xx), honouring Retry-After.
 * A machine without a connection gets one plain sentence, not a stack trace.
 */

export interface PoliteOptions {
  userAgent: string;
  /** Give up on a request after this long (ms). */
  timeoutMs?: number;
  /** Further tries after the first, on 429 and 5xx. */
  retries?: number;
  /** First wait before a retry (ms); doubled each time. */
  backoffMs?: number;
  /** A Retry-After longer than this (ms) is not waited for. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface HostLimits {
  /** Requests in flight at once. */
  concurrency: number;
  /** At least this long (ms) between the starts of two requests. */
  spacingMs: number;
}

/** No answer: the machine is offline, the name does not resolve, or the host did not reply in time. */
export class OfflineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OfflineError';
  }
}

/** The host answered, but not with something we can use, even after retrying. */
export class LookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LookupError';
  }
}

export interface TextResponse {
  status: number;
  body: string;
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After in seconds or as an HTTP date, as milliseconds from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function networkCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/** Per-host gate: at most `concurrency` requests at once, their starts `spacingMs` apart. */
class HostGate {
  #active = 0;
  #queue: (() => void)[] = [];
  #nextStart = 0;
  readonly #limits: HostLimits;
  constructor(limits: HostLimits) {
    this.#limits = limits;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.#limits.concurrency) await new Promise<void>((resolve) => this.#queue.push(resolve));
    this.#active++;
    try {
      const now = Date.now();
      const start = Math.max(now, this.#nextStart);
      this.#nextStart = start + this.#limits.spacingMs;
      if (start > now) await wait(start - now);
      return await task();
    } finally {
      this.#active--;
      this.#queue.shift()?.();
    }
  }
}

export class PoliteClient {
  readonly #gates = new Map<string, HostGate>();
  readonly #limits: Record<string, HostLimits>;
  readonly #o: Required<PoliteOptions>;

  constructor(options: PoliteOptions, limits: Record<string, HostLimits> = {}) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as PoliteOptions;
    this.#o = { timeoutMs: 10_000, retries: 3, backoffMs: 1_000, maxWaitMs: 60_000, sleep: wait, ...given };
    this.#limits = limits;
  }

  #gate(host: string): HostGate {
    let gate = this.#gates.get(host);
    if (!gate) {
      gate = new HostGate(this.#limits[host] ?? { concurrency: 2, spacingMs: 200 });
      this.#gates.set(host, gate);
    }
    return gate;
  }

  /** One GET with the site's manners; `label` names the service in messages ("Crossref"). */
  async get(url: string, label: string, accept = 'application/json'): Promise<TextResponse> {
    const host = new URL(url).host;
    for (let attempt = 0; ; attempt++) {
      const response = await this.#gate(host).run(() => this.#once(url, host, accept));
      if (!RETRY_STATUS.has(response.status)) return { status: response.status, body: response.body };
      if (attempt >= this.#o.retries) {
        throw new LookupError(
          `${label} answered ${response.status} ${response.status === 429 ? '(too many requests)' : '(a server error)'} ${attempt + 1} times in a row; try again later`,
        );
      }
      const asked = retryAfterMs(response.retryAfter);
      if (asked !== undefined && asked > this.#o.maxWaitMs) {
        throw new LookupError(`${label} asks us to wait ${Math.ceil(asked / 1000)} s before asking again; try again later`);
      }
      await this.#o.sleep(asked ?? this.#o.backoffMs * 2 ** attempt);
    }
  }

  async #once(url: string, host: string, accept: string): Promise<TextResponse & { retryAfter: string | null }> {
    try {
      const response = await fetch(url, {
        headers: { 'User-Agent': this.#o.userAgent, Accept: accept },
        signal: AbortSignal.timeout(this.#o.timeoutMs),
        redirect: 'follow',
      });
      return { status: response.status, body: await response.text(), retryAfter: response.headers.get('retry-after') };
    } catch (error) {
      const name = (error as { name?: unknown })?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new OfflineError(
          `could not reach ${host}: no answer within ${Math.round(this.#o.timeoutMs / 100) / 10} s. Check the internet connection and try again`,
        );
      }
      const code = networkCode(error);
      if (code === undefined || NETWORK_CODES.has(code)) {
        throw new OfflineError(`could not reach ${host}${code ? ` (${code})` : ''}. Check the internet connection and try again`);
      }
      throw error;
    }
  }
}

/** "WellnessRituals-citations/1.0 (+https://www.myrituals.me/; mailto:web@example.com)", the form Crossref asks for. */
export function userAgent(product: string, siteUrl: string, contact: string): string {
  return `${product.replace(/[^A-Za-z0-9!#$%&'*+.^_`|~-]+/g, '')}/1.0 (+${siteUrl}; mailto:${contact})`;
}
