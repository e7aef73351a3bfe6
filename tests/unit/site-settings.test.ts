/**
 * The studio's settings: the optional details of each studio are checked when
 * set, and a fixture file replaces fields for test builds.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteSchema, type SiteConfigInput } from '../../src/schema/site.ts';
import { siteSettings } from '../../src/site.config.ts';
import { FIXTURES } from '../support/paths.ts';
import { VALID_SITE_INPUT } from './support/site-input.ts';

const base = VALID_SITE_INPUT;

function problems(change: (s: SiteConfigInput) => SiteConfigInput): string[] {
  const result = siteSchema.safeParse(change(structuredClone(base)));
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const withLocation = (extra: Record<string, unknown>) => (s: SiteConfigInput) => ({ ...s, locations: [{ ...s.locations[0]!, ...extra }] });

describe("a studio's details", () => {
  it('are all optional, and the type defaults to DaySpa', () => {
    const parsed = siteSchema.parse(base);
    expect(parsed.locations[0]).toEqual({ name: 'North', bookingUrl: 'https://book.example.com/north', businessType: 'DaySpa' });
  });

  it('accept a full address, position, phone, hours and photo', () => {
    expect(
      problems(
        withLocation({
          address: { street: '1 Test Street', locality: 'Testville', region: 'FL', postalCode: '00001', country: 'US' },
          geo: { latitude: 28.5, longitude: -81.4 },
          phone: { display: '(555) 010-0100', e164: '+15550100100' },
          hours: [{ days: ['Monday', 'Friday'], opens: '09:00', closes: '24:00' }],
          photo: { src: 'src/assets/places/north.jpg', alt: 'The treatment room with two tables' },
        }),
      ),
    ).toEqual([]);
  });

  it('name what is wrong with each detail', () => {
    expect(problems(withLocation({ geo: { latitude: 128, longitude: 0 } }))).toEqual([
      expect.stringMatching(/^locations\.0\.geo\.latitude: /),
    ]);
    expect(problems(withLocation({ phone: { display: '555 0100', e164: '5550100' } }))).toEqual([
      'locations.0.phone.e164: must be the number in international form, like +14075552331',
    ]);
    expect(problems(withLocation({ hours: [{ days: ['Mon'], opens: '9am', closes: '17:00' }] }))).toEqual([
      expect.stringMatching(/^locations\.0\.hours\.0\.days\.0: must be one of Monday, /),
      'locations.0.hours.0.opens: must be a time on the 24-hour clock, like "09:00" or "19:30"',
    ]);
    expect(problems(withLocation({ hours: [{ days: ['Monday'], opens: '18:00', closes: '09:00' }] }))).toEqual([
      'locations.0.hours.0.closes: `closes` must be later than `opens` on the same day',
    ]);
    expect(problems(withLocation({ hours: [{ days: ['Monday', 'Monday'], opens: '09:00', closes: '10:00' }] }))).toEqual([
      'locations.0.hours.0.days: names a day twice',
    ]);
    expect(
      problems(
        withLocation({ address: { street: '1 Test Street', locality: 'Testville', region: 'FL', postalCode: '00001', country: 'USA' } }),
      ),
    ).toEqual(['locations.0.address.country: must be a two-letter country code such as US']);
    expect(problems(withLocation({ photo: { src: 'north.gif', alt: 'Room' } }))).toEqual([
      'locations.0.photo.src: must be a path to a JPEG, PNG, WebP or AVIF file, like src/assets/places/orlando.jpg',
      'locations.0.photo.alt: must say what the photo shows, for people who cannot see it',
    ]);
    expect(problems(withLocation({ businessType: 'MassageParlour' }))).toEqual([expect.stringMatching(/^locations\.0\.businessType: /)]);
  });
});

describe('the newsletter', () => {
  it('is one of the known services, each with what its form needs', () => {
    expect(problems((s) => ({ ...s, newsletter: { provider: 'buttondown', username: 'studio' } }))).toEqual([]);
    expect(
      problems((s) => ({ ...s, newsletter: { provider: 'mailchimp', action: 'https://x.us1.list-manage.com/subscribe/post' } })),
    ).toEqual([]);
    expect(problems((s) => ({ ...s, newsletter: { provider: 'substack' } }) as unknown as SiteConfigInput)).toEqual([
      'newsletter.provider: provider must be one of buttondown, mailchimp, mailerlite, other',
    ]);
    expect(problems((s) => ({ ...s, newsletter: { provider: 'mailchimp', action: 'not a url' } }))).toEqual([
      'newsletter.action: must be a full web address starting with https://',
    ]);
  });
});

describe('SITE_SETTINGS_FILE', () => {
  it('replaces the fields it names, keeps the rest, and is validated like the settings themselves', () => {
    const fixture = siteSettings({ SITE_SETTINGS_FILE: join(FIXTURES, 'settings/site.json') });
    const plain = siteSettings({});
    expect(fixture.locations.map((l) => l.name)).toEqual(['Fixture North', 'Fixture South']);
    expect(fixture.newsletter).toEqual({ provider: 'buttondown', username: 'fixture-journal' });
    expect(fixture.title).toBe(plain.title);
  });

  it('names the file when it cannot be read', () => {
    expect(() => siteSettings({ SITE_SETTINGS_FILE: join(FIXTURES, 'settings/missing.json') })).toThrow(
      /SITE_SETTINGS_FILE .*missing\.json could not be read as JSON/,
    );
  });
});
