/**
 * The studio's settings: the one place for names, addresses, links and numbers.
 * Validated on load, so a typo here stops the build with a clear message.
 *
 * SITE_URL and SITE_BASE may override `url` and `base` for previews and for the
 * base-path test build, and SITE_API_PAGE_SIZE the API's page size for the test
 * build (so its pagination has several pages), and SITE_FEED_ITEMS the feeds' length
 * for a test build; everything else is edited here.
 *
 * SITE_SETTINGS_FILE names a JSON file whose top-level fields replace these
 * (tests build with made-up studios from tests/fixtures/settings/, so no test
 * needs the studio's real addresses and none are invented here).
 *
 * Each studio's street address, map position, phone, opening hours and photo
 * are optional: pages show what is set. The README lists what to fill in.
 */
import { siteSchema, type SiteConfig, type SiteConfigInput } from './schema/site.ts';

const settings: SiteConfigInput = {
  title: 'Wellness Rituals',
  description:
    'Notes on massage, Thai yoga massage and assisted stretching from the Wellness Rituals studios in Orlando and Longwood, Florida.',
  url: 'https://www.myrituals.me',
  base: '/',
  lang: 'en-US',
  timezone: 'America/New_York',
  locations: [
    { name: 'Orlando', bookingUrl: 'https://www.vagaro.com/mywellnessrituals' },
    { name: 'Longwood', bookingUrl: 'https://www.vagaro.com/wellnessrituals-longwood' },
  ],
  textToBook: { display: '407-535-2331', e164: '+14075352331' },
  socials: [
    { label: 'Facebook', url: 'https://www.facebook.com/wellnessritualsme' },
    { label: 'Instagram', url: 'https://www.instagram.com/wellnessritualsme' },
  ],
  postsPerPage: 10,
  feedItems: 30,
  apiPageSize: 20,
  relatedPosts: 3,
  // PLACEHOLDER: the studio must put an address it reads here before running `npm run check -- --online`
  // or `npm run cite` (docs/writing.md, "Sources and evidence"). Crossref and PubMed use it to reach us about our lookups.
  contact: 'citations-contact@example.com',
  evidence: {
    claimWords: [
      'cure',
      'cures',
      'cured',
      'heals',
      'detox',
      'detoxes',
      'detoxify',
      'toxins',
      'proven',
      'clinically',
      'boosts immunity',
      'boosts the immune system',
      'reduces inflammation',
      'anti-inflammatory',
      'treats',
      'prevents',
      'guaranteed',
    ],
    researchTags: ['research'],
    reviewMaxAgeDays: 365,
    disclaimer:
      'This article is for general information and is not medical advice. Talk to your doctor before starting massage or stretching if you are pregnant, injured or managing a health condition.',
  },
  palette: { background: '#f6f1ea', ink: '#1f2a24', accent: '#2f6b4f' },
};

type Env = Record<string, string | undefined>;

/** The fields of SITE_SETTINGS_FILE, read on the server only (the editor's page also loads this module). */
function settingsFile(env: Env): Partial<SiteConfigInput> {
  const file = env.SITE_SETTINGS_FILE;
  const fs = file ? globalThis.process?.getBuiltinModule?.('node:fs') : undefined;
  if (!file || !fs) return {};
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SiteConfigInput>;
  } catch (error) {
    throw new Error(`SITE_SETTINGS_FILE ${file} could not be read as JSON: ${(error as Error).message}`, { cause: error });
  }
}

function withEnvironment(base: SiteConfigInput, env: Env): SiteConfigInput {
  const input = { ...base, ...settingsFile(env) };
  return {
    ...input,
    url: env.SITE_URL || input.url,
    base: env.SITE_BASE || input.base,
    feedItems: env.SITE_FEED_ITEMS ? Number(env.SITE_FEED_ITEMS) : input.feedItems,
    apiPageSize: env.SITE_API_PAGE_SIZE ? Number(env.SITE_API_PAGE_SIZE) : input.apiPageSize,
  };
}

function load(input: SiteConfigInput, source: string): SiteConfig {
  const result = siteSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${source} has problems:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** The settings a build with these environment variables uses (tests read a fixture build's this way). */
export function siteSettings(env: Env): SiteConfig {
  const source = env.SITE_SETTINGS_FILE ? `src/site.config.ts with ${env.SITE_SETTINGS_FILE}` : 'src/site.config.ts';
  return load(withEnvironment(settings, env), source);
}

export const site: SiteConfig = siteSettings(typeof process === 'undefined' ? {} : process.env);
export default site;
