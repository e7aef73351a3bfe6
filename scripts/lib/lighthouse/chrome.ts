/**
 * One Chromium for Lighthouse: Debian's binary, started by chrome-launcher (Lighthouse
 * connects to it by its debugging port and opens a tab per audit). Nothing is downloaded.
 *
 * Every request Chromium would send off the machine goes to a guard on 127.0.0.1 instead,
 * which refuses it and writes it down: loopback addresses skip a proxy in Chromium, so the
 * site under test is reached directly, and anything else (an update check, a font from a
 * CDN, a beacon) fails at once rather than waiting on a network that is not there, and is
 * listed by `escaped()` so the caller can report it.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Launcher, launch } from 'chrome-launcher';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.ts';

/**
 * Chromium services that call Google on start or on each new tab even with CHROMIUM_FLAGS
 * (seen in a net-log of Chromium 150): network time, the AI-mode eligibility check, the
 * optimization guide's models and hints, and the search engine preconnect. Others remain
 * (account list, GCM check-in, one preconnect); the guard refuses them.
 */
const QUIET_FEATURES = [
  'NetworkTimeServiceQuerying',
  'AimEligibilityService',
  'AimServerEligibilityEnabled',
  'AimServerRequestOnStartupEnabled',
  'OptimizationGuideModelDownloading',
  'OptimizationHintsFetching',
  'OptimizationTargetPrediction',
  'SearchEnginePreconnect2',
];

/**
 * chrome-launcher's own flags, ours, and one --disable-features holding both lists
 * (Chromium reads only the last --disable-features it is given).
 */
export function chromiumFlags(proxyPort: number): string[] {
  const FEATURES = '--disable-features=';
  const defaults = Launcher.defaultFlags();
  const features = defaults.filter((f) => f.startsWith(FEATURES)).flatMap((f) => f.slice(FEATURES.length).split(','));
  return [
    ...defaults.filter((f) => !f.startsWith(FEATURES)),
    `${FEATURES}${[...new Set([...features, ...QUIET_FEATURES])].join(',')}`,
    ...CHROMIUM_FLAGS,
    `--proxy-server=http://127.0.0.1:${proxyPort}`,
  ];
}

export interface LighthouseChrome {
  /** The debugging port Lighthouse connects to. */
  port: number;
  /** Where Chromium tried to go off the machine so far: each `host:port` once, with how many times (`host:443 ×3`). */
  escaped(): string[];
  close(): Promise<void>;
}

/** A proxy that answers every request with 403 and remembers where it was going (host and port). */
export async function startGuard(): Promise<{ server: Server; port: number; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    // A plain-http request through a proxy names the whole URL.
    seen.push(URL.canParse(req.url ?? '') ? hostAndPort(new URL(req.url!)) : (req.url ?? '?'));
    res.writeHead(403, { 'content-type': 'text/plain' }).end('No network while measuring.\n');
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

export async function launchLighthouseChrome(chromePath = CHROMIUM_PATH): Promise<LighthouseChrome> {
  if (!existsSync(chromePath)) {
    throw new Error(
      `Lighthouse needs Chromium at ${chromePath}, and it is not there. ` +
        "Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH; nothing is ever downloaded.",
    );
  }
  const guard = await startGuard();
  try {
    const chrome = await launch({
      chromePath,
      chromeFlags: chromiumFlags(guard.port),
      ignoreDefaultFlags: true,
      logLevel: 'silent',
      handleSIGINT: false,
    });
    return {
      port: chrome.port,
      escaped: () => countEach(guard.seen),
      close: async () => {
        chrome.kill();
        await new Promise<void>((ok) => {
          guard.server.close(() => ok());
          guard.server.closeAllConnections();
        });
      },
    };
  } catch (error) {
    guard.server.close();
    throw error;
  }
}

function countEach(items: string[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, n]) => (n > 1 ? `${item} ×${n}` : item));
}

const hostAndPort = (url: URL) => `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
