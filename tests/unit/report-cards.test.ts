import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { publicPostCards } from '../../src/lib/content/report-cards.ts';
import { postCard } from '../../src/lib/og/card.ts';
import { readingMinutes } from '../../src/lib/reading-time.ts';
import { FIXTURES, FIXTURE_NOW } from '../support/paths.ts';
import { OG_TEST_SITE as site } from './support/og-site.ts';

const now = new Date(FIXTURE_NOW);
const report = checkContent({ contentDir: join(FIXTURES, 'content'), timeZone: site.timezone, now });

describe('the Open Graph cards a build draws and writes (from the content check)', () => {
  const entries = publicPostCards(report, site, now);
  const cards = entries.map((e) => e.card);

  it('are named by the slug the post page has', () => {
    expect(entries.map((e) => e.slug)).toEqual(expect.arrayContaining(['fixture-massage-study', 'fixture-mdx-post', 'custom-slug-fixture']));
    expect(entries.find((e) => e.slug === 'custom-slug-fixture')?.card.title).toBe('Fixture post with its own slug');
  });

  it('are the public posts only: no draft, nothing scheduled for later, even later today', () => {
    const titles = cards.map((c) => c.title);
    expect(titles).toContain('Fixture MDX post');
    expect(titles.join(' ')).not.toMatch(/DRAFTMARKER|FUTUREMARKER|LATERTODAYMARKER/);
    expect(cards).toHaveLength(14);
  });

  it('say what the card route says: the author by name, the reading time from the body or the frontmatter', () => {
    const study = report.posts.find((p) => p.slug === 'fixture-massage-study')!;
    expect(cards).toContainEqual(
      postCard({ title: study.data!.title, date: study.data!.date, tags: study.data!.tags, readingMinutes: readingMinutes(study.source.body) }, 'Ada Fixture', site),
    );
    expect(cards.find((c) => c.title === 'Fixture post with its own slug')?.readTime).toBe('7 min read');
  });

  it('come out later, not sooner, when "now" moves on: the evening post is due at 18:00', () => {
    expect(publicPostCards(report, site, new Date('2026-11-27T18:00:00-05:00'))).toHaveLength(15);
  });
});
