/**
 * `npm run import`: bring an old blog's posts in. In order:
 *
 * 1. read the source (feed, WordPress export, list of addresses; a web page's feed);
 * 2. match each post with one imported before (by its id, its address, or the old
 *    path a post here already lists); leave alone any that were edited since;
 * 3. read the full text from the post's page where the source has a summary only;
 * 4. decide address, author, date, tags, description; download the pictures;
 *    turn the HTML into Markdown;
 * 5. check every new file with the content check (the `npm run check` code) in a
 *    staging copy of the content folder: a post with errors becomes a draft with
 *    the errors as its to-do list, a draft that still fails is not written;
 * 6. write what changed, each file whole or not at all.
 *
 * Network and files happen here; the decisions are in the modules beside it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { PLACEHOLDER_DESCRIPTION } from '../authoring/template.ts';
import { readContent } from '../content/read-content.ts';
import type { CheckedPost } from '../content/types.ts';
import { postSchema } from '../../schema/post.ts';
import { AUTHOR_FILE, POST_FILE, displayPath, listFiles } from '../content/files.ts';
import type { Problem } from '../content/types.ts';
import { siteAddressAt } from '../redirects/site-routes.ts';
import { calendarDate } from '../zoned-time.ts';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, TAGS_MAX, TITLE_MAX } from '../../schema/post.ts';
import { authorName, matchAuthor, newAuthorFile } from './authors.ts';
import { sourceDate } from './dates.ts';
import { decide } from './decide.ts';
import { decodeText, type Fetcher } from './fetcher.ts';
import { copyFileAtomic, writeFileAtomic } from './files.ts';
import { bodyPictures, htmlToMarkdown, MISSING_ALT, type DoiLink, type PicturePlace } from './html-to-markdown.ts';
import { discoverFeed, readPostPage } from './page.ts';
import { PICTURE_KINDS, originalPictureUrl, pictureBaseNames, sniffPicture } from './pictures.ts';
import { freeSlug, linkKey, oldPath, slugFor, tagsFrom } from './plan.ts';
import { readSourceText } from './read-source.ts';
import { editedSinceImport, renderPost } from './render.ts';
import type { SourceKind, SourcePost } from './source-post.ts';
import { fitDescription, fitTitle } from './text.ts';

export interface ImportOptions {
  /** A feed or page address, or a file: feed, WordPress export, list of addresses. */
  source: string;
  contentDir: string;
  /** Paths in the report are shown relative to this folder. */
  root?: string | undefined;
  site: { url: string; base: string; title: string; timezone: string };
  now: Date;
  /** Replace posts edited since their import. */
  force?: boolean | undefined;
  /** Do everything but write. */
  dryRun?: boolean | undefined;
  /** An author id for every post, whatever the source says. */
  author?: string | undefined;
  fetcher: Fetcher;
  /** Pictures larger than this are left out (and the post held as a draft). */
  maxPictureBytes?: number | undefined;
  /** The tag for posts whose source has no categories. */
  fallbackTag?: string | undefined;
}

export type RowStatus = 'created' | 'updated' | 'unchanged' | 'kept' | 'failed';

export interface ImportRow {
  status: RowStatus;
  /** The post's file, once it has one. */
  file?: string | undefined;
  /** The post on the old blog: its address or id. */
  source: string;
  title?: string | undefined;
  /** Written (or left) as a draft. */
  draft: boolean;
  /** Why it is a draft, kept or failed: what to fix. */
  reasons: string[];
  /** Things done that the writer may want to look at. */
  notes: string[];
}

export interface ImportReport {
  source: string;
  kind?: SourceKind | undefined;
  dryRun: boolean;
  /** Set when the source itself could not be read: nothing was imported. */
  sourceFailure?: string | undefined;
  rows: ImportRow[];
  /** New author files, as display paths. */
  authorsCreated: string[];
}

export const DEFAULT_MAX_PICTURE_BYTES = 10 * 1_048_576;
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
/** JPEG and PNG first: site builders send WebP to browsers that ask for it, and not every tool here reads it. */
const PICTURE_ACCEPT = 'image/jpeg, image/png;q=0.9, image/webp;q=0.8, image/*;q=0.5';

type Loaded =
  { ok: true; kind: SourceKind; posts: SourcePost[]; failures: { id: string; reason: string }[] } | { ok: false; reason: string };

async function loadText(
  source: string,
  fetcher: Fetcher,
): Promise<{ ok: true; text: string; url?: string } | { ok: false; reason: string }> {
  if (/^https?:\/\//i.test(source)) {
    const got = await fetcher.get(source, { accept: FEED_ACCEPT });
    return got.ok
      ? { ok: true, text: decodeText(got.body, got.contentType), url: got.url }
      : { ok: false, reason: `could not be fetched: ${got.reason}` };
  }
  if (!existsSync(source)) return { ok: false, reason: 'is not a file here, nor a web address (https://…)' };
  try {
    return { ok: true, text: readFileSync(source, 'utf8') };
  } catch (error) {
    return { ok: false, reason: `could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}

async function loadSource(source: string, fetcher: Fetcher): Promise<Loaded> {
  let loaded = await loadText(source, fetcher);
  if (!loaded.ok) return loaded;
  let read = readSourceText(loaded.text);
  if (!read.ok && read.kind === 'html') {
    const feed = loaded.url ? discoverFeed(loaded.text, loaded.url) : undefined;
    if (!feed) {
      return {
        ok: false,
        reason:
          "is a web page that names no feed; give the blog's feed (a Wix blog has one at /blog-feed.xml), a WordPress export, or a list of post addresses",
      };
    }
    loaded = await loadText(feed, fetcher);
    if (!loaded.ok) return { ok: false, reason: `names the feed ${feed}, which ${loaded.reason}` };
    read = readSourceText(loaded.text);
  }
  if (!read.ok) return { ok: false, reason: 'reason' in read ? read.reason : 'is a web page, not a feed' };
  // Relative item addresses (rare) are read against the feed's own.
  const base = read.link ?? loaded.url;
  const posts = read.posts.map((p) => ({ ...p, url: p.url && base ? safeUrl(p.url, base) : p.url }));
  return { ok: true, kind: read.kind, posts, failures: read.failures };
}

function safeUrl(url: string, base: string): string | undefined {
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

/** A post already in the content folder, as far as a new import cares. */
interface Existing {
  post: CheckedPost;
  text: string;
  importedFrom?: string | undefined;
}

function indexExisting(posts: readonly CheckedPost[]): { bySource: Map<string, Existing>; byOldPath: Map<string, Existing> } {
  const bySource = new Map<string, Existing>();
  const byOldPath = new Map<string, Existing>();
  for (const post of posts) {
    const raw = post.source.data as { importedFrom?: { source?: unknown }; redirectFrom?: unknown };
    const source = typeof raw.importedFrom?.source === 'string' ? raw.importedFrom.source : undefined;
    const paths = Array.isArray(raw.redirectFrom) ? raw.redirectFrom.filter((p): p is string => typeof p === 'string') : [];
    if (!source && !paths.length) continue;
    const entry: Existing = { post, text: readFileSync(post.path, 'utf8'), importedFrom: source };
    if (source && !bySource.has(source)) bySource.set(source, entry);
    for (const p of paths) if (!byOldPath.has(p)) byOldPath.set(p, entry);
  }
  return { bySource, byOldPath };
}

/** One post on its way in. */
interface Work {
  source: SourcePost;
  row: ImportRow;
  existing?: Existing | undefined;
  slug: string;
  /** Absolute path of the post file. */
  path: string;
  values: Record<string, unknown> & { importedFrom: { source: string } };
  draftReasons: string[];
  heroUrl?: string | undefined;
  heroAlt?: string | undefined;
  pictureUrls: string[];
  pictureNames: Map<string, string>;
  places: Map<string, PicturePlace & { staged?: string; real?: string }>;
  dois: DoiLink[];
  body: string;
  text: string;
  failed?: string | undefined;
}

function posix(path: string): string {
  return path.split(sep).join('/');
}

async function completeFromPage(
  post: SourcePost,
  fetcher: Fetcher,
): Promise<{ ok: true; post: SourcePost } | { ok: false; reason: string }> {
  if (!post.summaryOnly && post.html?.trim()) return { ok: true, post };
  if (!post.url) return { ok: false, reason: 'the source has only a summary and no address to read the full post from' };
  const got = await fetcher.get(post.url, { accept: PAGE_ACCEPT, maxBytes: 5 * 1_048_576 });
  if (!got.ok) return { ok: false, reason: `could not read the post's page: ${got.reason}` };
  const page = readPostPage(decodeText(got.body, got.contentType), got.url);
  if (!page.ok) return { ok: false, reason: page.reason };
  return {
    ok: true,
    post: {
      ...post,
      title: post.title ?? page.title,
      html: page.html,
      excerpt: post.excerpt ?? page.excerpt,
      authorName: post.authorName ?? page.authorName,
      published: post.published ?? page.published,
      hero: post.hero ?? page.hero,
      categories: post.categories.length ? post.categories : page.categories,
    },
  };
}

function problemText(p: Problem): string {
  return p.field ? `${p.field}: ${p.message}` : p.message;
}

export async function importPosts(opts: ImportOptions): Promise<ImportReport> {
  const display = (path: string) => displayPath(path, opts.root);
  const report: ImportReport = { source: opts.source, dryRun: !!opts.dryRun, rows: [], authorsCreated: [] };
  const loaded = await loadSource(opts.source, opts.fetcher);
  if (!loaded.ok) return { ...report, sourceFailure: `${opts.source} ${loaded.reason}` };
  report.kind = loaded.kind;
  for (const f of loaded.failures) report.rows.push({ status: 'failed', source: f.id, draft: false, reasons: [f.reason], notes: [] });

  const timeZone = opts.site.timezone;
  const site = readContent({ contentDir: opts.contentDir, timeZone, now: opts.now, rules: [], ...(opts.root ? { root: opts.root } : {}) });
  const authors = site.authors.map((a) => ({ id: a.id, name: a.data.name }));
  if (opts.author && !authors.some((a) => a.id === opts.author)) {
    const known = authors.map((a) => a.id).join(', ') || '(none yet)';
    return { ...report, sourceFailure: `--author ${opts.author} is not an author here; known authors: ${known}` };
  }
  const { bySource, byOldPath } = indexExisting(site.posts);

  // 2. Match, and leave edited posts alone.
  const seen = new Set<string>();
  const todo: { source: SourcePost; row: ImportRow; existing?: Existing | undefined }[] = [];
  const keptSlugs = new Map<string, string>();
  for (const source of loaded.posts) {
    if (seen.has(source.id)) continue;
    seen.add(source.id);
    const path = oldPath(source.url);
    const existing =
      bySource.get(source.id) ?? (source.url ? bySource.get(source.url) : undefined) ?? (path ? byOldPath.get(path) : undefined);
    const row: ImportRow = { status: 'failed', source: source.url ?? source.id, title: source.title, draft: false, reasons: [], notes: [] };
    report.rows.push(row);
    if (existing && !existing.importedFrom) {
      Object.assign(row, {
        status: 'kept',
        file: existing.post.file,
        reasons: [`${existing.post.file} was written here and already lists ${path} as an old address; the old post was not imported`],
      });
      keptSlugs.set(source.id, existing.post.slug);
      continue;
    }
    if (existing && !opts.force && editedSinceImport(existing.text)) {
      Object.assign(row, {
        status: 'kept',
        file: existing.post.file,
        draft: (existing.post.source.data as { draft?: unknown }).draft === true,
        reasons: ["edited here since it was imported; left as it is (run again with --force to replace it with the old blog's version)"],
      });
      keptSlugs.set(source.id, existing.post.slug);
      continue;
    }
    todo.push({ source, row, existing });
  }

  // 3. Full text from the post's page where the source has a summary only.
  const completed = await Promise.all(todo.map((t) => completeFromPage(t.source, opts.fetcher)));

  // 4. Decide everything that needs no network, in source order so addresses are stable.
  const takenSlugs = new Map<string, string>();
  for (const p of site.posts) {
    takenSlugs.set(p.slug, p.file);
    for (const old of p.data?.previousSlugs ?? []) takenSlugs.set(old, p.file);
  }
  const newAuthors = new Map<string, { text: string; path: string }>();
  const work: Work[] = [];
  todo.forEach((t, i) => {
    const done = completed[i]!;
    if (!done.ok) {
      t.row.reasons.push(done.reason);
      return;
    }
    const w = plan(done.post, t.row, t.existing);
    if (w) work.push(w);
  });

  function plan(source: SourcePost, row: ImportRow, existing: Existing | undefined): Work | undefined {
    const draftReasons: string[] = [];
    const notes = row.notes;
    if (source.notPublic) draftReasons.push(`${source.notPublic}; publish it here only if it should be public`);

    const rawTitle = source.title?.trim() ?? '';
    let title: string;
    if (rawTitle.length >= 3) {
      const fitted = fitTitle(rawTitle, TITLE_MAX);
      title = fitted.title;
      if (fitted.shortenedFrom)
        draftReasons.push(
          `title: the old title had ${fitted.shortenedFrom} characters, more than the ${TITLE_MAX} allowed, and was cut; write a shorter one`,
        );
    } else {
      title = 'Untitled post';
      draftReasons.push('title: the old post had no title; write one');
    }
    row.title = title;

    const date = sourceDate(source.published, timeZone, opts.now);
    const dateValue = date.ok ? date.value : calendarDate(opts.now, timeZone);
    if (!date.ok) draftReasons.push(`date: ${date.reason}; set the day it was first published`);

    let slug: string;
    let path: string;
    if (existing) {
      slug = existing.post.slug;
      path = existing.post.path;
    } else {
      const wanted = slugFor(source.url, title);
      slug = freeSlug(wanted, (s) => takenSlugs.has(s));
      if (slug !== wanted) {
        const owner = takenSlugs.get(wanted)!;
        const old = oldPath(source.url);
        draftReasons.push(
          `slug: the address "${wanted}" belongs to ${owner}, so this post is at "${slug}". If both are the same article, delete this file${old ? ` and add \`redirectFrom: [${old}]\` to ${owner}` : ''}; otherwise keep "${slug}" or choose another`,
        );
      }
      path = join(opts.contentDir, 'posts', `${dateValue.slice(0, 10)}-${slug}.md`);
    }
    takenSlugs.set(slug, display(path));

    // Author: the one asked for, the one with that name, or a new author file.
    let author = opts.author;
    const name = authorName(source.authorName);
    if (!author && name) {
      author = matchAuthor(name, authors);
      if (!author) {
        const made = newAuthorFile(name, opts.site.title);
        const id = freeSlug(made.id, (s) => authors.some((a) => a.id === s));
        authors.push({ id, name });
        const authorPath = join(opts.contentDir, 'authors', `${id}.yaml`);
        newAuthors.set(id, { text: made.text, path: authorPath });
        author = id;
      }
      if (newAuthors.has(author)) notes.push(`by a new author, ${display(newAuthors.get(author)!.path)}: check the role and bio there`);
    }
    if (!author && authors.length === 1) author = authors[0]!.id;
    if (!author) {
      row.reasons.push(
        `the source names no author; run the import again with --author and one of: ${authors.map((a) => a.id).join(', ') || '(add an author file first)'}`,
      );
      return undefined;
    }

    const { tags, left } = tagsFrom(source.categories, TAGS_MAX);
    if (!tags.length) {
      tags.push(opts.fallbackTag ?? 'archive');
      notes.push(`no categories on the old post: tagged "${tags[0]}"; choose better tags`);
    }
    if (left.length) notes.push(`only the first ${TAGS_MAX} categories became tags; left out: ${left.join(', ')}`);

    const html = source.html ?? '';
    const description = fitDescription([source.excerpt, html], DESCRIPTION_MIN, DESCRIPTION_MAX);
    if (!description)
      draftReasons.push(`description: the old post has no summary of ${DESCRIPTION_MIN} characters or more; write one or two sentences`);
    else if (description.cut) notes.push('description: cut in the middle of a sentence; check that it reads well');

    const redirectFrom: string[] = [];
    const old = oldPath(source.url);
    if (old) {
      const owner = byOldPath.get(old);
      const own = siteAddressAt(old, opts.site.base);
      if (owner && owner !== existing) notes.push(`the old address ${old} already leads to ${owner.post.file}; not added here`);
      else if (own)
        notes.push(
          `the old address ${old} is also an address of this site (${own}), so it cannot redirect; link to the new address instead`,
        );
      else redirectFrom.push(old);
    }

    const body = bodyPictures(html, source.url ?? opts.source);
    const heroUrl = source.hero ? originalPictureUrl(source.hero.url) : body[0]?.url;
    const heroAlt = source.hero ? (source.hero.alt ?? body.find((b) => b.url === heroUrl)?.alt) : body[0]?.alt;
    const pictureUrls = [...new Set([...(heroUrl ? [heroUrl] : []), ...body.map((b) => b.url)])];

    const values: Work['values'] = {
      title,
      description: description?.text ?? PLACEHOLDER_DESCRIPTION,
      author,
      date: dateValue,
      tags,
      importedFrom: { source: existing?.importedFrom ?? source.id },
    };
    if (redirectFrom.length) values.redirectFrom = redirectFrom;
    return {
      source: { ...source, html },
      row,
      existing,
      slug,
      path,
      values,
      draftReasons,
      heroUrl,
      heroAlt: heroAlt?.trim() || undefined,
      pictureUrls,
      pictureNames: pictureBaseNames(pictureUrls),
      places: new Map(),
      dois: [],
      body: '',
      text: '',
    };
  }

  const staging = mkdtempSync(join(tmpdir(), 'blog-import-'));
  try {
    // Pictures: reuse a file an earlier import left, else download into the staging folder.
    const maxBytes = opts.maxPictureBytes ?? DEFAULT_MAX_PICTURE_BYTES;
    await Promise.all(
      work.flatMap((w) =>
        w.pictureUrls.map(async (url) => {
          const folder = join('posts', 'images', w.slug);
          const base = w.pictureNames.get(url)!;
          for (const ext of Object.keys(PICTURE_KINDS)) {
            const real = join(opts.contentDir, folder, `${base}.${ext}`);
            if (existsSync(real)) {
              const staged = join(staging, folder, `${base}.${ext}`);
              mkdirSync(dirname(staged), { recursive: true });
              cpSync(real, staged);
              w.places.set(url, { file: relativeFile(w.path, real), staged, real });
              return;
            }
          }
          const got = await opts.fetcher.get(url, { maxBytes, accept: PICTURE_ACCEPT });
          if (!got.ok) {
            w.places.set(url, { failed: `${url}: ${got.reason}` });
            return;
          }
          const ext = sniffPicture(got.body);
          if (!ext) {
            w.places.set(url, { failed: `${url} is not a picture this site can show (JPEG, PNG, GIF, WebP or AVIF)` });
            return;
          }
          const real = join(opts.contentDir, folder, `${base}.${ext}`);
          const staged = join(staging, folder, `${base}.${ext}`);
          mkdirSync(dirname(staged), { recursive: true });
          writeFileSync(staged, got.body);
          w.places.set(url, { file: relativeFile(w.path, real), staged, real });
        }),
      ),
    );

    // Links between imported posts go to their new addresses.
    const slugByKey = new Map<string, string>();
    for (const t of todo) {
      const w = work.find((x) => x.source.id === t.source.id);
      if (!w) continue;
      for (const key of [t.source.url, t.source.id].map((u) => (u ? linkKey(u) : undefined))) if (key) slugByKey.set(key, w.slug);
    }
    for (const source of loaded.posts) {
      const slug = keptSlugs.get(source.id);
      if (slug && source.url) slugByKey.set(linkKey(source.url)!, slug);
    }

    const schema = postSchema;
    const render = (w: Work) => {
      const values = { ...w.values };
      if (w.draftReasons.length) values.draft = true;
      w.text = renderPost(schema, { values, draftReasons: w.draftReasons, dois: w.dois, body: w.body });
    };

    for (const w of work) {
      const hero = w.heroUrl ? w.places.get(w.heroUrl) : undefined;
      if (hero && 'file' in hero) {
        w.values.image = { src: hero.file, alt: w.heroAlt ?? MISSING_ALT };
        if (!w.heroAlt) w.draftReasons.push('image → alt: the hero picture has no alt text; describe what it shows');
      } else if (hero) {
        w.row.notes.push(`the hero picture was left out: ${hero.failed}`);
      }
      const md = htmlToMarkdown(w.source.html ?? '', {
        baseUrl: w.source.url ?? opts.source,
        pictures: w.places,
        skipPicture: hero && 'file' in hero ? w.heroUrl : undefined,
        linkTarget: (url) => {
          const slug = slugByKey.get(linkKey(url) ?? '');
          return slug && slug !== w.slug ? `../${slug}/` : undefined;
        },
      });
      if (!md.markdown.trim()) {
        w.failed = 'the post has no text';
        continue;
      }
      w.body = md.markdown;
      w.dois = md.dois;
      if (md.dois.length)
        w.row.notes.push(
          `${md.dois.length} linked source${md.dois.length === 1 ? '' : 's'} (DOI) proposed as citations, commented out in the frontmatter: complete and uncomment them`,
        );
      if (md.missingAlt)
        w.draftReasons.push(
          `body: ${md.missingAlt} picture${md.missingAlt === 1 ? ' has' : 's have'} no alt text; replace each "${MISSING_ALT}" with what the picture shows`,
        );
      for (const d of md.dropped) w.draftReasons.push(`body: a picture was left out (${d.reason}); add it by hand or leave it out`);
      render(w);
    }
    for (const w of work.filter((x) => x.failed)) w.row.reasons.push(w.failed!);
    let active = work.filter((w) => !w.failed);

    // 5. The content check, on a staging copy of the content folder with the new files in it.
    for (const path of listFiles(join(opts.contentDir, 'posts'), POST_FILE)) cpSync(path, join(staging, relative(opts.contentDir, path)));
    for (const path of listFiles(join(opts.contentDir, 'authors'), AUTHOR_FILE))
      cpSync(path, join(staging, relative(opts.contentDir, path)));
    for (const a of newAuthors.values()) writeFileSync(join(staging, relative(opts.contentDir, a.path)), a.text);
    const stagedPath = (w: Work) => join(staging, relative(opts.contentDir, w.path));
    const stage = (w: Work) => {
      mkdirSync(dirname(stagedPath(w)), { recursive: true });
      writeFileSync(stagedPath(w), w.text);
    };
    active.forEach(stage);
    // Each round drafts or drops at least one post, so this ends; a post is never written with an error.
    for (let round = 0; round <= 2 * active.length + 1; round++) {
      const checked = readContent({
        contentDir: staging,
        root: staging,
        timeZone,
        now: opts.now,
        site: { url: opts.site.url, base: opts.site.base },
      });
      const errors = new Map<string, Problem[]>();
      for (const p of checked.problems) if (p.severity === 'error') errors.set(p.file, [...(errors.get(p.file) ?? []), p]);
      let changed = false;
      for (const w of active) {
        const found = errors.get(posix(relative(staging, stagedPath(w))));
        if (!found?.length) continue;
        changed = true;
        if (!w.draftReasons.length) {
          w.draftReasons.push(...found.map(problemText));
          render(w);
          stage(w);
        } else {
          w.failed = `the content check refuses it even as a draft: ${problemText(found[0]!)}`;
          w.row.reasons.push(w.failed);
          if (w.existing) writeFileSync(stagedPath(w), w.existing.text);
          else rmSync(stagedPath(w));
        }
      }
      active = active.filter((w) => !w.failed);
      if (!changed) break;
    }

    // 6. Decide and write.
    const authorsUsed = new Set<string>();
    for (const w of active) {
      const row = w.row;
      row.file = display(w.path);
      if (!w.existing && existsSync(w.path)) {
        Object.assign(row, {
          status: 'failed',
          reasons: [`${row.file} already exists and was not imported; move it, or give this post another address`],
        });
        continue;
      }
      const decision = decide(w.existing?.text, w.text, !!opts.force);
      row.draft = w.draftReasons.length > 0;
      row.reasons = row.draft ? [...w.draftReasons] : [];
      if (decision.action === 'keep') {
        Object.assign(row, { status: 'kept', reasons: [decision.reason] });
        continue;
      }
      row.status = decision.action === 'create' ? 'created' : decision.action === 'update' ? 'updated' : 'unchanged';
      if (decision.action === 'update' && decision.overwritesEdits)
        row.notes.push('replaced the edits made here since the last import (--force)');
      if (typeof w.values.author === 'string' && newAuthors.has(w.values.author)) authorsUsed.add(w.values.author);
      if (opts.dryRun) continue;
      // A picture deleted since the last import comes back even when the post is unchanged.
      for (const place of w.places.values()) {
        if ('staged' in place && place.staged && place.real && !existsSync(place.real)) copyFileAtomic(place.staged, place.real);
      }
      if (decision.action === 'unchanged') continue;
      writeFileAtomic(w.path, w.text);
    }
    for (const id of authorsUsed) {
      const a = newAuthors.get(id)!;
      report.authorsCreated.push(display(a.path));
      if (!opts.dryRun && !existsSync(a.path)) writeFileAtomic(a.path, a.text);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return report;
}

/** `./images/slug/name.jpg`: a picture's path as the post file refers to it. */
function relativeFile(postPath: string, picturePath: string): string {
  const rel = posix(relative(dirname(postPath), picturePath));
  return rel.startsWith('.') ? rel : `./${rel}`;
}
