/**
 * `npm run new`: plan a new post file from a title and a few options, check
 * the plan against the site (authors, addresses, tags, the calendar), and write
 * it without ever replacing a file. Everything but the final write is pure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readContent } from '../content/read-content.ts';
import type { CheckedPost } from '../content/types.ts';
import { postSchema } from '../../schema/post.ts';
import { displayPath } from '../content/files.ts';
import { parseMarkdownSource } from '../content/source-file.ts';
import { resolvePublishDate } from '../publish-date.ts';
import { SLUG_PATTERN, slugify } from '../../schema/slug.ts';
import { closestMatch, didYouMean } from '../suggest.ts';
import { calendarDate } from '../zoned-time.ts';
import { renderFrontmatter } from './frontmatter.ts';
import { nextFreeDay, postsByDay, type ScheduledPost } from './schedule.ts';
import { PLACEHOLDER_DESCRIPTION, placeholderBody } from './template.ts';
import { TAGS_MAX, TITLE_MAX } from '../../schema/post.ts';

export interface NewPostRequest {
  title: string;
  author?: string | undefined;
  /** `2026-11-28`, or a time with its offset; the next free day when left out. */
  date?: string | undefined;
  tags?: readonly string[] | undefined;
  /** The address, when the title's would collide or is too long. */
  slug?: string | undefined;
}

/** The site as the scaffolder sees it. */
export interface SiteState {
  contentDir: string;
  /** Paths in messages are shown relative to this folder. */
  root?: string | undefined;
  timeZone: string;
  now: Date;
  authors: readonly string[];
  posts: readonly CheckedPost[];
}

export type NewPostPlan =
  { ok: true; path: string; file: string; slug: string; day: string; text: string; notes: string[] } | { ok: false; errors: string[] };

/** Slugs longer than this are cut at a word boundary: addresses stay readable and shareable. */
export const SLUG_MAX = 60;

/** A slug cut at a word boundary to at most SLUG_MAX characters. */
export function shortSlug(slug: string): string {
  if (slug.length <= SLUG_MAX) return slug;
  const cut = slug.slice(0, SLUG_MAX + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : SLUG_MAX);
}

function scheduled(posts: readonly CheckedPost[]): ScheduledPost[] {
  // Whether a post has problems does not matter here: it holds its day either way.
  return posts.flatMap((p) =>
    p.data ? [{ slug: p.slug, title: p.data.title, file: p.file, date: p.data.date, draft: p.data.draft, valid: true }] : [],
  );
}

function tagUse(posts: readonly CheckedPost[]): Map<string, number> {
  const use = new Map<string, number>();
  for (const p of posts) for (const t of p.data?.tags ?? []) use.set(t, (use.get(t) ?? 0) + 1);
  return use;
}

function chooseAuthor(req: NewPostRequest, site: SiteState, errors: string[]): string | undefined {
  const known = site.authors;
  const list = known.join(', ') || '(none yet: add a file to content/authors/ first)';
  if (req.author) {
    if (known.includes(req.author)) return req.author;
    const starts = known.filter((id) => id.startsWith(req.author!.toLowerCase()));
    const hint = didYouMean(req.author, known) || (starts.length === 1 ? ` Did you mean \`${starts[0]}\`?` : '');
    errors.push(`"${req.author}" is not an author.${hint} Known authors: ${list}`);
    return undefined;
  }
  if (known.length === 1) return known[0];
  errors.push(
    known.length ? `Which author? Add --author with one of: ${list}` : `There are no authors yet: add a file to content/authors/ first`,
  );
  return undefined;
}

function chooseDate(req: NewPostRequest, site: SiteState, errors: string[], notes: string[]): { value: string; day: string } | undefined {
  if (!req.date) {
    const day = nextFreeDay(scheduled(site.posts), site.now, site.timeZone);
    notes.push(`Date: ${day}, the next day without a post.`);
    return { value: day, day };
  }
  const parsed = resolvePublishDate(req.date, site.timeZone);
  if (!parsed.ok) {
    errors.push(`--date ${parsed.reason}; write a day like 2026-11-28, or a time with its offset like 2026-11-28T07:00:00-05:00`);
    return undefined;
  }
  const day = calendarDate(parsed.instant, site.timeZone);
  if (parsed.instant.getTime() <= site.now.getTime())
    notes.push(`Date: ${req.date} has already passed, so the post goes live with the next build.`);
  const sameDay = postsByDay(scheduled(site.posts), site.timeZone).get(day);
  if (sameDay?.length) notes.push(`${day} already has ${sameDay.map((p) => `"${p.title}"`).join(' and ')}; both will go out that day.`);
  return { value: req.date.trim(), day };
}

function chooseTags(req: NewPostRequest, site: SiteState, errors: string[], notes: string[]): string[] | undefined {
  const use = tagUse(site.posts);
  const known = [...use.keys()];
  if (!req.tags?.length) {
    const top = [...use].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    if (!top) {
      errors.push('Add --tags with one to five topics, like --tags massage,recovery (no post has a tag yet to start from)');
      return undefined;
    }
    notes.push(`Tags: ${top}, the most used tag; change it in the file (tags in use: ${known.sort().join(', ')}).`);
    return [top];
  }
  const tags: string[] = [];
  for (const raw of req.tags) {
    const tag = SLUG_PATTERN.test(raw) ? raw : slugify(raw);
    if (!tag) {
      errors.push(`The tag "${raw}" has no letters or numbers; tags are words like massage or thai-massage`);
      continue;
    }
    if (tag !== raw) notes.push(`Tag "${raw}" written as "${tag}" (tags are lowercase words joined by hyphens).`);
    if (!use.has(tag)) {
      const near = closestMatch(tag, known);
      notes.push(near ? `Tag "${tag}" is new. Did you mean \`${near}\`?` : `Tag "${tag}" is new: this post starts its tag page.`);
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > TAGS_MAX) errors.push(`${tags.length} tags is too many; keep the ${TAGS_MAX} that matter most`);
  return tags;
}

function chooseSlug(req: NewPostRequest, site: SiteState, errors: string[], notes: string[]): string | undefined {
  if (req.slug !== undefined && !SLUG_PATTERN.test(req.slug)) {
    errors.push(`--slug "${req.slug}" must be lowercase words joined by hyphens, like ${slugify(req.slug) || 'massage-after-exercise'}`);
    return undefined;
  }
  const full = req.slug ?? slugify(req.title);
  if (!full) {
    errors.push("The title needs some letters or numbers to make the post's address from; or give one with --slug");
    return undefined;
  }
  const slug = req.slug ?? shortSlug(full);
  if (slug !== full) notes.push(`Address shortened to "${slug}"; choose another with --slug.`);
  const owner = site.posts.find((p) => p.slug === slug);
  const former = site.posts.find((p) =>
    ((p.data as { previousSlugs?: readonly string[] } | undefined)?.previousSlugs ?? []).includes(slug),
  );
  const clash = owner ?? former;
  if (clash) {
    const what = owner ? `already has the address "${slug}"` : `used to have the address "${slug}" (it is in its previousSlugs)`;
    const title = clash.data ? ` ("${clash.data.title}")` : '';
    errors.push(
      `${clash.file}${title} ${what}. Give the new post a different title, or choose its address with --slug ${slug}-2 (any new words will do)`,
    );
    return undefined;
  }
  return slug;
}

export function planNewPost(req: NewPostRequest, site: SiteState): NewPostPlan {
  const errors: string[] = [];
  const notes: string[] = [];
  const title = req.title.trim().replace(/\s+/g, ' ');
  if (title.length < 3) errors.push('Give the post a title of at least 3 characters, in quotes: npm run new -- "Massage after exercise"');
  if (title.length > TITLE_MAX) errors.push(`The title is ${title.length} characters; the most is ${TITLE_MAX}. Shorten it`);
  const author = chooseAuthor(req, site, errors);
  const date = chooseDate(req, site, errors, notes);
  const tags = chooseTags(req, site, errors, notes);
  const slug = title.length >= 3 ? chooseSlug({ ...req, title }, site, errors, notes) : undefined;
  if (errors.length || !author || !date || !tags || !slug) return { ok: false, errors };

  const schema = postSchema;
  const values: Record<string, unknown> = { title, description: PLACEHOLDER_DESCRIPTION, author, date: date.value, tags };
  if (req.slug) values.slug = req.slug;
  const text = `${renderFrontmatter(schema, values)}\n${placeholderBody()}`;

  // The file must be one the checker accepts; if not, that is our bug, not the writer's.
  const parsed = schema.safeParse(parseMarkdownSource('new post', text).data);
  if (!parsed.success) throw new Error(`npm run new produced frontmatter the schema refuses: ${parsed.error.message}`);

  const path = join(site.contentDir, 'posts', `${date.day}-${slug}.md`);
  return { ok: true, path, file: displayPath(path, site.root), slug, day: date.day, text, notes };
}

/** The site as it is on disk now. */
export function readSite(opts: { contentDir: string; timeZone: string; now: Date; root?: string }): SiteState {
  // Only the files are needed here, not the content rules' verdicts.
  const report = readContent({ ...opts, rules: [] });
  return { ...opts, authors: report.authors.map((a) => a.id), posts: report.posts };
}

/** Write the planned file; never replaces one that exists. */
export function writeNewPost(plan: Extract<NewPostPlan, { ok: true }>): { ok: true } | { ok: false; error: string } {
  try {
    mkdirSync(dirname(plan.path), { recursive: true });
    writeFileSync(plan.path, plan.text, { flag: 'wx' });
    return { ok: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      return { ok: false, error: `${plan.file} already exists; nothing was changed. Pick another date or title` };
    throw e;
  }
}
