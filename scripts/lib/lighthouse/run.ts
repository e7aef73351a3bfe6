/**
 * One Lighthouse run on one address, in the mobile preset (Lighthouse's default: a
 * mid-range phone on a throttled connection, simulated) or the desktop one, in a new tab
 * of an already running Chromium (./chrome.ts).
 */
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import type { AuditTarget } from './pages.ts';
import { CATEGORIES, summarise, type Category, type PageScores, type Preset } from './scores.ts';

export interface RunOptions {
  /** The debugging port of the Chromium to use. */
  port: number;
  preset: Preset;
  /** Only these categories (fewer audits, a shorter run); all four by default. */
  categories?: readonly Category[];
}

export async function runLighthouse(url: string, target: Pick<AuditTarget, 'skipAudits'>, options: RunOptions): Promise<Result> {
  const flags: Flags = {
    port: options.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...(options.categories ?? CATEGORIES)],
    // The list of everything the page requested, whichever categories are measured.
    onlyAudits: ['network-requests'],
    // The full-page screenshot is only for the HTML report, which is not written here.
    disableFullPageScreenshot: true,
    ...(target.skipAudits ? { skipAudits: target.skipAudits } : {}),
  };
  const result = await lighthouse(url, flags, options.preset === 'desktop' ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  return lhr;
}

/** Runs Lighthouse on one page of a served site and returns its scores. */
export async function auditPage(siteUrl: string, target: AuditTarget, options: RunOptions): Promise<PageScores> {
  const lhr = await runLighthouse(new URL(target.path, siteUrl).href, target, options);
  return summarise(lhr, target.name, target.path, options.preset);
}
