/**
 * Validates every post and author file against the same zod schemas Astro uses,
 * without Astro: fast enough to run before each build and on every save, and
 * able to report every problem in every file at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { createAuthorSchema, type AuthorData } from '../../schema/author.ts';
import { createPostSchema, type PostData } from '../../schema/post.ts';
import { fieldsAt } from '../../schema/introspect.ts';
import { slugFromFileName } from '../slugs.ts';
import { AUTHOR_FILE, POST_FILE, displayPath, listFiles } from './files.ts';
import { problemsFromZod, type Problem } from './problems.ts';
import { RULES, type PostRule, type RuleContext } from './rules/index.ts';
import { previousSlugProblems } from './previous-slugs.ts';
import { parseMarkdownSource, parseYamlSource, type SourceFile } from './source-file.ts';

/** Outside Astro an image field is a path; we check the file exists ourselves. */
const imagePath = () => z.string({ error: 'must be a path to a picture, like ./images/hero.jpg' }).min(1);

const authorSchema = createAuthorSchema(imagePath);

export interface CheckedAuthor {
  id: string;
  file: string;
  data: AuthorData;
}

/** A post with its standalone-parsed data (author is an id, image.src a path). */
export type StandalonePostData = Omit<PostData, 'author' | 'image'> & {
  author: string;
  image?: { src: string; alt: string };
};

export interface CheckedPost {
  slug: string;
  file: string;
  path: string;
  source: SourceFile;
  /** Present when the frontmatter passed the schema. */
  data?: StandalonePostData;
}

export interface ContentReport {
  posts: CheckedPost[];
  authors: CheckedAuthor[];
  problems: Problem[];
}

export interface CheckOptions {
  contentDir: string;
  timeZone: string;
  /** Paths in messages are shown relative to this folder. */
  root?: string;
  /** The moment to check against (what is live, what is scheduled); the clock by default. */
  now?: Date;
  /** Where the site is served, to recognise links to its own posts; "/" on an unknown origin by default. */
  site?: { url: string; base: string };
  /** The rules to run beyond the schema; all of them by default. */
  rules?: readonly PostRule[];
}

/** The post schema as the standalone checker and the scaffolder use it: author is an id, image.src a path. */
export function createStandalonePostSchema(timeZone: string) {
  return createPostSchema({
    image: imagePath,
    author: z.string({ error: 'is missing; add `author:` with the name of a file in content/authors/ (without .yaml)' }),
    reviewer: z.string({ error: 'must be the id of an author file in content/authors/ (without .yaml), like lauren-walker' }),
    timeZone,
  });
}

function readSource(path: string, display: string, parse: (file: string, text: string) => SourceFile): SourceFile {
  return parse(display, readFileSync(path, 'utf8'));
}

function syntaxProblems(source: SourceFile): Problem[] {
  return source.syntaxErrors.map((e) => ({ file: source.file, line: e.line, field: '', message: e.message, severity: 'error' as const }));
}

function checkImage(source: SourceFile, fileDir: string, src: string, path: PropertyKey[]): Problem[] {
  if (/^https?:\/\//.test(src)) {
    return [{ file: source.file, line: source.lineOf(path), field: 'image → src', message: 'must be a picture in the project, not a web address; save the file next to the post and write ./images/name.jpg', severity: 'error' }];
  }
  if (!existsSync(resolve(fileDir, src))) {
    return [{ file: source.file, line: source.lineOf(path), field: path.join(' → '), message: `points to "${src}", which does not exist; check the file name and that the path starts with ./`, severity: 'error' }];
  }
  return [];
}

export function checkAuthors(opts: CheckOptions): { authors: CheckedAuthor[]; problems: Problem[] } {
  const authors: CheckedAuthor[] = [];
  const problems: Problem[] = [];
  for (const path of listFiles(join(opts.contentDir, 'authors'), AUTHOR_FILE)) {
    const source = readSource(path, displayPath(path, opts.root), (f, t) => parseYamlSource(f, t));
    problems.push(...syntaxProblems(source));
    if (source.syntaxErrors.length) continue;
    const result = authorSchema.safeParse(source.data);
    if (!result.success) {
      problems.push(...problemsFromZod(source.file, result.error, source.lineOf, (p) => fieldsAt(authorSchema, p)));
      continue;
    }
    if (result.data.avatar) problems.push(...checkImage(source, dirname(path), result.data.avatar as string, ['avatar']));
    authors.push({ id: basename(path).replace(AUTHOR_FILE, ''), file: source.file, data: result.data });
  }
  return { authors, problems };
}

export function checkContent(opts: CheckOptions): ContentReport {
  const { authors, problems } = checkAuthors(opts);
  const postSchema = createStandalonePostSchema(opts.timeZone);
  const posts: CheckedPost[] = [];
  const bySlug = new Map<string, CheckedPost>();

  for (const path of listFiles(join(opts.contentDir, 'posts'), POST_FILE)) {
    const source = readSource(path, displayPath(path, opts.root), parseMarkdownSource);
    const rawSlug = (source.data as { slug?: unknown }).slug;
    const slug = typeof rawSlug === 'string' && rawSlug ? rawSlug : slugFromFileName(path);
    const post: CheckedPost = { slug, file: source.file, path, source };
    posts.push(post);
    problems.push(...syntaxProblems(source));
    if (source.syntaxErrors.length) continue;

    if (!bySlug.has(slug)) bySlug.set(slug, post);

    const result = postSchema.safeParse(source.data);
    if (!result.success) {
      problems.push(...problemsFromZod(source.file, result.error, source.lineOf, (p) => fieldsAt(postSchema, p)));
      continue;
    }
    const data = result.data as StandalonePostData;
    post.data = data;
    if (data.image) problems.push(...checkImage(source, dirname(path), data.image.src, ['image', 'src']));
    problems.push(...ambiguousMidnight(source));
  }
  const claims = posts.flatMap((p) =>
    p.data
      ? [
          {
            slug: p.slug,
            file: p.file,
            previousSlugs: p.data.previousSlugs,
            // Looked up only for a message: finding lines is the slow part of reading YAML.
            get line() {
              return p.source.lineOf(['previousSlugs']);
            },
          },
        ]
      : [],
  );
  problems.push(...previousSlugProblems(claims));
  problems.push(...runRules(posts, authors, bySlug, opts));
  // One file's problems together, top to bottom, whichever check found them.
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { posts, authors, problems };
}

function runRules(posts: CheckedPost[], authors: CheckedAuthor[], bySlug: Map<string, CheckedPost>, opts: CheckOptions): Problem[] {
  const tagUse = new Map<string, number>();
  for (const p of posts) for (const t of p.data?.tags ?? []) tagUse.set(t, (tagUse.get(t) ?? 0) + 1);
  const ctx: RuleContext = {
    posts,
    authors,
    bySlug,
    tagUse,
    now: opts.now ?? new Date(),
    timeZone: opts.timeZone,
    site: opts.site ?? { url: 'https://site.invalid', base: '/' },
    contentDir: opts.contentDir,
    root: opts.root,
  };
  const out: Problem[] = [];
  for (const post of posts) {
    if (post.source.syntaxErrors.length) continue;
    for (const rule of opts.rules ?? RULES) out.push(...rule.check(post, ctx));
  }
  return out;
}

/**
 * Astro's YAML reader turns `2026-11-27T00:00:00Z` into the same value as the
 * plain day `2026-11-27`, which the site reads as midnight in the studio's zone.
 * Refuse the explicit UTC-midnight form so the two can never be confused.
 */
function ambiguousMidnight(source: SourceFile): Problem[] {
  const out: Problem[] = [];
  for (const field of ['date', 'updated'] as const) {
    const raw = (source.data as Record<string, unknown>)[field];
    if (typeof raw === 'string' && /T00:00(:00(\.0+)?)?\s*(Z|[+-]00:?00)$/.test(raw.trim())) {
      out.push({
        file: source.file,
        line: source.lineOf([field]),
        field,
        message: `"${raw}" is midnight UTC, which the site cannot tell apart from a plain day; write the day alone (2026-11-27) or a time with the studio's offset (2026-11-27T07:00:00-05:00)`,
        severity: 'error',
      });
    }
  }
  return out;
}
