import type { SiteConfigInput } from '../../../src/schema/site.ts';

/** Valid settings of a studio that exists only in the tests: each test changes what it is about. */
export const VALID_SITE_INPUT: SiteConfigInput = {
  title: 'Test Studio',
  description: 'A studio that exists only in these tests.',
  url: 'https://example.com',
  base: '/',
  lang: 'en-US',
  timezone: 'America/New_York',
  locations: [{ name: 'North', bookingUrl: 'https://book.example.com/north' }],
  services: ['massage'],
  postsPerPage: 10,
  feedItems: 20,
  apiPageSize: 20,
  contact: 'web@example.com',
  evidence: { reviewMaxAgeDays: 365, disclaimer: 'A disclaimer long enough to pass the check.' },
  palette: { background: '#ffffff', ink: '#000000', accent: '#336655' },
};
