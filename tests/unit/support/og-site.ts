import type { CardSite } from '../../../src/lib/og/card.ts';

/** Site settings for the Open Graph unit tests: the studio's, written out so the tests do not follow config edits. */
export const OG_TEST_SITE: CardSite = {
  title: 'Wellness Rituals',
  description: 'Notes on massage, Thai yoga massage and assisted stretching from the studios in Orlando and Longwood, Florida.',
  url: 'https://www.myrituals.me',
  lang: 'en-US',
  timezone: 'America/New_York',
  locations: [{ name: 'Orlando' }, { name: 'Longwood' }],
  palette: { background: '#f6f1ea', ink: '#1f2a24', accent: '#2f6b4f' },
};
