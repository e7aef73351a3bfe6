/**
 * The studio's settings: the one place for names, addresses, links and numbers.
 * Validated on load, so a typo here stops the build with a clear message.
 *
 * SITE_URL and SITE_BASE may override `url` and `base` for previews and for the
 * base-path test build, and SITE_API_PAGE_SIZE the API's page size for the test
 * build (so its pagination has several pages), and SITE_FEED_ITEMS the feeds' length
 * for a test build; everything else is edited here.
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

function withEnvironment(input: SiteConfigInput): SiteConfigInput {
  const env = typeof process === 'undefined' ? {} : process.env;
  return {
    ...input,
    url: env.SITE_URL || input.url,
    base: env.SITE_BASE || input.base,
    feedItems: env.SITE_FEED_ITEMS ? Number(env.SITE_FEED_ITEMS) : input.feedItems,
    apiPageSize: env.SITE_API_PAGE_SIZE ? Number(env.SITE_API_PAGE_SIZE) : input.apiPageSize,
  };
}

function load(input: SiteConfigInput): SiteConfig {
  const result = siteSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`src/site.config.ts has problems:\n${lines.join('\n')}`);
  }
  return result.data;
}

export const site: SiteConfig = load(withEnvironment(settings));
export default site;
