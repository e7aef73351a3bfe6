/**
 * One Chromium for Lighthouse: Debian's binary, started by chrome-launcher (Lighthouse
 * connects to it by its debugging port and opens a tab per audit). Nothing is downloaded.
 *
 * Every request Chromium would send off the machine goes to the guard (../chromium.ts),
 * which refuses it and writes it down, listed by `escaped()` so the caller can report it.
 */
import { existsSync } from 'node:fs';
import { Launcher, launch } from 'chrome-launcher';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, countEach, guardFlag, startGuard } from '../chromium.ts';

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
    guardFlag(proxyPort),
  ];
}

export interface LighthouseChrome {
  /** The debugging port Lighthouse connects to. */
  port: number;
  /** Where Chromium tried to go off the machine so far: each `host:port` once, with how many times (`host:443 ×3`). */
  escaped(): string[];
  close(): Promise<void>;
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
