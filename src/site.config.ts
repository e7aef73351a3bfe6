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
 * are optional: pages show what is set. docs/studio.md lists what to fill in.
 */
import { SettingsError, settingsProblemLines, type SettingsOrigins } from './lib/settings/problems.ts';
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
  services: ['massage', 'Thai yoga massage', 'table-top stretch'],
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

/** Fields an environment variable may replace (previews, test builds), and the variable. */
const ENV_FIELDS = { url: 'SITE_URL', base: 'SITE_BASE', feedItems: 'SITE_FEED_ITEMS', apiPageSize: 'SITE_API_PAGE_SIZE' } as const;
const NUMBER_FIELDS: ReadonlySet<string> = new Set(['feedItems', 'apiPageSize']);

/** node:fs on the server; undefined where this module is loaded without Node (the editor's page also loads it). */
const fileSystem = () => globalThis.process?.getBuiltinModule?.('node:fs');

/** A path as messages show it: relative to the project folder when inside it. */
function shown(path: string): string {
  const cwd = globalThis.process?.cwd?.();
  return cwd && path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
}

/** The SITE_SETTINGS_FILE: its text and fields. */
function settingsFile(env: Env): { path: string; text: string; fields: Partial<SiteConfigInput> } | undefined {
  const file = env.SITE_SETTINGS_FILE;
  const fs = file ? fileSystem() : undefined;
  if (!file || !fs) return undefined;
  try {
    const text = fs.readFileSync(file, 'utf8');
    return { path: file, text, fields: JSON.parse(text) as Partial<SiteConfigInput> };
  } catch (error) {
    throw new Error(`SITE_SETTINGS_FILE ${file} could not be read as JSON: ${(error as Error).message}`, { cause: error });
  }
}

function withEnvironment(input: SiteConfigInput, env: Env): SiteConfigInput {
  const out: Record<string, unknown> = { ...input };
  for (const [field, variable] of Object.entries(ENV_FIELDS)) {
    const value = env[variable];
    if (value) out[field] = NUMBER_FIELDS.has(field) ? Number(value) : value;
  }
  return out as SiteConfigInput;
}

/** Where each setting was written, for messages about it. */
function origins(env: Env, file: ReturnType<typeof settingsFile>): SettingsOrigins {
  let configText: string | undefined;
  try {
    configText = fileSystem()?.readFileSync('src/site.config.ts', 'utf8');
  } catch {
    // Run from another folder: the problems are still named, on line 1.
  }
  return {
    // The settings object above is what this file's problems are about.
    config: { file: 'src/site.config.ts', text: configText, start: configText?.indexOf('const settings') },
    file: file && { file: shown(file.path), text: file.text, fields: new Set(Object.keys(file.fields)) },
    env: new Map(
      Object.entries(ENV_FIELDS).flatMap(([field, variable]) => (env[variable] ? [[field, { variable, value: env[variable] }]] : [])),
    ),
  };
}

/** The settings a build with these environment variables uses (tests read a fixture build's this way). */
export function siteSettings(env: Env): SiteConfig {
  const file = settingsFile(env);
  const result = siteSchema.safeParse(withEnvironment({ ...settings, ...file?.fields }, env));
  if (!result.success) throw new SettingsError(settingsProblemLines(siteSchema, result.error, origins(env, file)));
  return result.data;
}

export const site: SiteConfig = siteSettings(typeof process === 'undefined' ? {} : process.env);
export default site;
