/**
 * The one reader of the content. Every post and author file is read here, once
 * per build (or per `npm run check`), with one set of rules: the YAML reading,
 * the schema, the slug, the dates in the studio's zone, the checks across
 * posts. The build, the command-line tools and the dev server all take what
 * it returns, so what `npm run check` passes is what the build publishes.
 *
 * It reports every problem in every file at once, in the words a marketer
 * needs (file:line, field, fix), and never throws for anything a writer did.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { authorSchema } from '../../schema/author.ts';
import { DATE_FIX_HINT } from '../../schema/date-text.ts';
import { fieldsAt } from '../../schema/introspect.ts';
import { postSchema } from '../../schema/post.ts';
import { SLUG_PATTERN, slugify } from '../../schema/slug.ts';
import { hasNonTextCharacters, textSafe } from '../html.ts';
import { resolvePublishDate } from '../publish-date.ts';
import { slugFromFileName } from '../slugs.ts';
import { AUTHOR_FILE, NOT_A_POST_FILE, POST_FILE, displayPath, listFiles } from './files.ts';
import { mdxProblems } from './mdx-check.ts';
import { pictureFileProblem } from './picture-file.ts';
import { previousSlugProblems } from './previous-slugs.ts';
import { problemsFromZod } from './problems.ts';
import { contentRules, type PostRule, type RuleContext } from './rules/index.ts';
import { linksToHeldBackPosts } from './rules/post-links.ts';
import type { EvidenceSettings } from '../../schema/site.ts';
import { parseMarkdownSource, parseYamlSource, unreadableSource, type SourceFile } from './source-file.ts';
import type { CheckedAuthor, CheckedPost, ContentReport, PostData, Problem } from './types.ts';

export interface ReadOptions {
  contentDir: string;
  timeZone: string;
  /** The moment the content is read for (what is live, what is scheduled): the build's one "now". */
  now: Date;
  /** Paths in messages are shown relative to this folder (the working folder by default). */
  root?: string | undefined;
  /** Where the site is served, to recognise links to its own posts. */
  site?: { url: string; base: string } | undefined;
  /** The rules to run beyond the schema; all of them by default. */
  rules?: readonly PostRule[] | undefined;
  /** The studio's evidence settings (claim words, research tags, review age), for the evidence rules. */
  evidence?: Pick<EvidenceSettings, 'claimWords' | 'researchTags' | 'reviewMaxAgeDays'> | undefined;
}

const DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The file as text; invalid UTF-8 is a problem for the writer, not a silent "�". */
function readText(path: string): { text: string } | { problem: { line: number; message: string } } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { problem: { line: 1, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); check that the file exists and is not locked` } };
  }
  try {
    return { text: DECODER.decode(bytes) };
  } catch {
    const good = Buffer.from(bytes.subarray(0, firstInvalidUtf8(bytes))).toString('utf8');
    const line = good.split('\n').length;
    return { problem: { line, message: 'has characters that are not UTF-8 text; save the file as UTF-8 (in most editors: Save with encoding → UTF-8) and check the accents and quotes on this line' } };
  }
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (!len || i + len > bytes.length) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return bytes.length;
}

/**
 * Characters no feed can carry (a pasted vertical tab, form feed, backspace,
 * U+0001, U+FFFE) or no page may hold (C1 controls such as U+0092, U+FDD0):
 * each line that has one gets a problem, and the text read on is without them.
 * A Markdown post is published without them (a warning); an MDX file is
 * compiled from disk as it is, so there they must be deleted first.
 */
function withoutInvisibleCharacters(text: string, file: string, format: 'md' | 'mdx' | 'yaml'): { text: string; problems: Problem[] } {
  if (!hasNonTextCharacters(text)) return { text, problems: [] };
  const problems: Problem[] = [];
  const lines = text.split('\n');
  const frontmatterEnd = format === 'yaml' ? lines.length : lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l));
  lines.forEach((line, i) => {
    if (!hasNonTextCharacters(line)) return;
    const found = [...new Set([...line].filter((c) => textSafe(c) === ''))];
    const names = found.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
    const inFrontmatter = i <= frontmatterEnd;
    const field = inFrontmatter ? (/^\s*([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1] ?? '') : 'body';
    const what = `has an invisible character (${names}), usually from pasted text, that feeds and some readers cannot take`;
    problems.push(
      format === 'mdx'
        ? { file, line: i + 1, field, message: `${what}; delete it (in most editors: select the line's odd space and retype it)`, severity: 'error' }
        : { file, line: i + 1, field, message: `${what}; it is left out of the site, but delete it from the file to be sure the text reads as meant`, severity: 'warning' },
    );
  });
  return { text: textSafe(text), problems };
}

function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function syntaxProblems(source: SourceFile): Problem[] {
  return source.syntaxErrors.map((e) => ({ file: source.file, line: e.line, field: e.field ?? '', message: e.message, severity: 'error' as const }));
}

function imageProblems(source: SourceFile, fileDir: string, src: string, path: PropertyKey[]): Problem[] {
  const field = path.join(' → ');
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) {
    return [{ file: source.file, line: source.lineOf(path), field, message: `must be a picture in the project, not a web address; save the picture next to the post and write ./images/name.jpg`, severity: 'error' }];
  }
  const file = resolve(fileDir, src);
  if (!existsSync(file)) {
    return [{ file: source.file, line: source.lineOf(path), field, message: `points to "${src}", which does not exist; check the file name and that the path starts with ./`, severity: 'error' }];
  }
  const unreadable = pictureFileProblem(file);
  return unreadable ? [{ file: source.file, line: source.lineOf(path), field, message: `points to "${src}", which ${unreadable}`, severity: 'error' }] : [];
}

/** An author's id is its file name and its address (/authors/<id>/): it must be a slug like a post's. */
function authorIdProblems(id: string, file: string): Problem[] {
  if (SLUG_PATTERN.test(id)) return [];
  const suggestion = slugify(id) || 'author-name';
  return [
    {
      file,
      line: 1,
      field: '',
      message: `has a file name that gives the author id "${id}", which would be the address /authors/${id}/ and has spaces, capitals, accents or other signs; rename the file to ${suggestion}.yaml (lowercase words joined by hyphens), and write \`author: ${suggestion}\` in the posts`,
      severity: 'error',
    },
  ];
}

function readAuthor(path: string, opts: ReadOptions, problems: Problem[]): CheckedAuthor | undefined {
  const file = displayPath(path, opts.root);
  problems.push(...authorIdProblems(basename(path).replace(AUTHOR_FILE, ''), file));
  const read = readText(path);
  if ('problem' in read) {
    problems.push({ file, field: '', severity: 'error', ...read.problem });
    return undefined;
  }
  const clean = withoutInvisibleCharacters(read.text, file, 'yaml');
  problems.push(...clean.problems);
  const source = parseYamlSource(file, clean.text);
  problems.push(...syntaxProblems(source));
  if (source.syntaxErrors.length) return undefined;
  const result = authorSchema.safeParse(source.data);
  if (!result.success) {
    problems.push(...problemsFromZod(file, result.error, source.lineOf, (p) => fieldsAt(authorSchema, p)));
    return undefined;
  }
  if (result.data.avatar) problems.push(...imageProblems(source, dirname(path), result.data.avatar, ['avatar']));
  return { id: basename(path).replace(AUTHOR_FILE, ''), file, path, data: result.data };
}

/** The address a post is published at: `slug:` when set, else the file name without its date. */
export function postSlug(path: string, data: unknown): string {
  const slug = (data as { slug?: unknown } | null)?.slug;
  return typeof slug === 'string' && slug ? slug : slugFromFileName(path);
}

/** A file name that gives no valid address cannot be published as it is (spaces, capitals, accents). */
function fileNameProblems(post: CheckedPost, data: unknown): Problem[] {
  const out: Problem[] = [];
  const ext = extname(post.path);
  if (ext !== ext.toLowerCase()) {
    out.push({ file: post.file, line: 1, field: '', message: `ends in "${ext}"; rename the file so it ends in "${ext.toLowerCase()}" (lowercase)`, severity: 'error' });
  }
  const hasSlugField = typeof (data as { slug?: unknown } | null)?.slug === 'string';
  if (!hasSlugField && !SLUG_PATTERN.test(post.slug)) {
    const suggestion = slugify(post.slug) || 'post';
    const date = /^(\d{4}-\d{2}-\d{2}-)/.exec(basename(post.path))?.[1] ?? '';
    out.push({
      file: post.file,
      line: 1,
      field: '',
      message: `has a file name that gives the address "${post.slug}", which has spaces, capitals, accents or other signs; rename the file to ${date}${suggestion}${ext.toLowerCase()} (lowercase words joined by hyphens), or set \`slug: ${suggestion}\``,
      severity: 'error',
    });
  }
  return out;
}

/** Frontmatter that passed the schema, with its dates as instants; date problems go to `problems`. */
function resolveData(source: SourceFile, frontmatter: ReturnType<typeof postSchema.parse>, timeZone: string, problems: Problem[]): PostData | undefined {
  const date = resolvePublishDate(frontmatter.date, timeZone);
  const updated = frontmatter.updated === undefined ? undefined : resolvePublishDate(frontmatter.updated, timeZone);
  const reviewed = frontmatter.lastReviewed === undefined ? undefined : resolvePublishDate(frontmatter.lastReviewed, timeZone);
  // The schema has checked the text already; this only fails for a developer's mistake.
  if (!date.ok || (updated && !updated.ok) || (reviewed && !reviewed.ok)) throw new Error(`${source.file}: a date passed the schema but could not be resolved`);
  if (updated?.ok && updated.instant.getTime() < date.instant.getTime()) {
    problems.push({
      file: source.file,
      line: source.lineOf(['updated']),
      field: 'updated',
      message: `is before \`date\`; a post cannot be updated before it is published, so fix one of the two (${DATE_FIX_HINT})`,
      severity: 'error',
    });
    return undefined;
  }
  return {
    ...frontmatter,
    date: date.instant,
    dateHasTime: date.hasTime,
    updated: updated?.ok ? updated.instant : undefined,
    lastReviewed: reviewed?.ok ? reviewed.instant : undefined,
  };
}

function readPost(path: string, opts: ReadOptions, problems: Problem[]): CheckedPost {
  const file = displayPath(path, opts.root);
  const format = extname(path).toLowerCase() === '.mdx' ? 'mdx' : 'md';
  const read = readText(path);
  const text = 'text' in read ? read.text : '';
  const clean = withoutInvisibleCharacters(text, file, format);
  problems.push(...clean.problems);
  const source = 'text' in read ? parseMarkdownSource(file, clean.text) : unreadableSource(file, read.problem);
  const post: CheckedPost = { slug: postSlug(path, source.data), file, path, format, digest: digestOf(text), source };
  problems.push(...syntaxProblems(source), ...fileNameProblems(post, source.data));
  if (source.syntaxErrors.length) return post;
  // MDX is compiled by the build whatever its frontmatter says, so its body is checked whatever it says too.
  if (format === 'mdx') problems.push(...mdxProblems(file, source.body, source.bodyLine, path));
  const result = postSchema.safeParse(source.data);
  // The picture is checked whatever else is wrong: every problem at once, not one fix at a time.
  const src = result.success ? result.data.image?.src : (source.data as { image?: { src?: unknown } } | null)?.image?.src;
  if (typeof src === 'string' && src) problems.push(...imageProblems(source, dirname(path), src, ['image', 'src']));
  if (!result.success) {
    problems.push(...problemsFromZod(file, result.error, source.lineOf, (p) => fieldsAt(postSchema, p)));
    return post;
  }
  post.data = resolveData(source, result.data, opts.timeZone, problems);
  return post;
}

function notPostFiles(dir: string, root: string | undefined): Problem[] {
  return listFiles(dir, NOT_A_POST_FILE).map((path) => ({
    file: displayPath(path, root),
    line: 1,
    field: '',
    message: `is not read as a post: posts end in .md (or .mdx); rename it to ${basename(path).replace(/\.[^.]+$/, '.md')} to publish it`,
    severity: 'warning' as const,
  }));
}

function ruleContext(
  posts: CheckedPost[],
  { authors, brokenAuthors }: AuthorsRead,
  opts: ReadOptions,
  failing: ReadonlySet<string>,
): RuleContext {
  const bySlug = new Map<string, CheckedPost>();
  const tagUse = new Map<string, number>();
  for (const p of posts) {
    if (p.source.syntaxErrors.length) continue;
    if (!bySlug.has(p.slug)) bySlug.set(p.slug, p);
    for (const t of p.data?.tags ?? []) tagUse.set(t, (tagUse.get(t) ?? 0) + 1);
  }
  return {
    posts,
    authors,
    brokenAuthors,
    bySlug,
    tagUse,
    now: opts.now,
    timeZone: opts.timeZone,
    site: opts.site ?? { url: 'https://site.invalid', base: '/' },
    hasErrors: (post) => failing.has(post.file),
    contentDir: opts.contentDir,
    root: opts.root,
  };
}

/**
 * A rule that throws is a fault in the site's code, but the post it stopped on
 * is the one that found it: that post is held back with a line that names the
 * rule and the fault, and every other post is still checked (and published).
 */
function ruleCrashProblem(rule: PostRule, post: CheckedPost, error: unknown): Problem {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    file: post.file,
    line: post.source.bodyLine,
    field: 'body',
    message: `could not be checked: the site's "${rule.id}" check stopped on this post (${what.split(/\r?\n/)[0]!.slice(0, 200)}). This is a fault in the site's code, not in the post; report this line to whoever looks after the site. The post is held back until then`,
    severity: 'error',
  };
}

function runRules(rules: readonly PostRule[], posts: CheckedPost[], ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  for (const post of posts) {
    if (post.source.syntaxErrors.length) continue;
    for (const rule of rules) {
      try {
        out.push(...rule.check(post, ctx));
      } catch (error) {
        out.push(ruleCrashProblem(rule, post, error));
      }
    }
  }
  return out;
}

function filesWithErrors(problems: readonly Problem[]): Set<string> {
  return new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
}

interface AuthorsRead {
  authors: CheckedAuthor[];
  brokenAuthors: Map<string, string>;
}

/** Every author file; one with an error of its own is left out of `authors`, so its posts are held back with it. */
function readAuthors(opts: ReadOptions, problems: Problem[]): AuthorsRead {
  const read: AuthorsRead = { authors: [], brokenAuthors: new Map() };
  for (const path of listFiles(join(opts.contentDir, 'authors'), AUTHOR_FILE)) {
    const own: Problem[] = [];
    const author = readAuthor(path, opts, own);
    problems.push(...own);
    if (author && !own.some((p) => p.severity === 'error')) read.authors.push(author);
    else read.brokenAuthors.set(basename(path).replace(AUTHOR_FILE, ''), displayPath(path, opts.root));
  }
  return read;
}

export function readContent(opts: ReadOptions): ContentReport {
  const problems: Problem[] = [];
  const authorsRead = readAuthors(opts, problems);
  const { authors, brokenAuthors } = authorsRead;
  const postsDir = join(opts.contentDir, 'posts');
  const posts = listFiles(postsDir, POST_FILE).map((path) => readPost(path, opts, problems));
  problems.push(...notPostFiles(postsDir, opts.root));
  problems.push(
    ...previousSlugProblems(
      posts.flatMap((p) =>
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
      ),
    ),
  );

  // Rules that look only at a post run first; rules that depend on whether other
  // posts are publishable (a link to a post held back for its own problems) run
  // once those are known, again until no more posts change.
  const rules = opts.rules ?? contentRules(opts.evidence);
  const early = rules.filter((r) => !r.afterOthers);
  const late = rules.filter((r) => r.afterOthers);
  problems.push(...runRules(early, posts, ruleContext(posts, authorsRead, opts, filesWithErrors(problems))));
  let lateProblems: Problem[] = [];
  for (let round = 0; round <= posts.length; round++) {
    const failing = filesWithErrors([...problems, ...lateProblems]);
    const next = runRules(late, posts, ruleContext(posts, authorsRead, opts, failing));
    const stable = filesWithErrors([...problems, ...next]).size === failing.size;
    lateProblems = next;
    if (stable) break;
  }
  problems.push(...lateProblems);
  // Only a post with errors is held back, so without one there is no link to leave out.
  const failing = filesWithErrors(problems);
  const finalContext = ruleContext(posts, authorsRead, opts, failing);
  for (const post of failing.size ? posts : []) {
    if (!post.data) continue;
    const links = linksToHeldBackPosts(post, finalContext);
    if (links.length) post.heldBackLinks = links;
  }

  // A value a message quotes may span lines in the file (a | block); the message stays one line.
  for (const p of problems) p.message = p.message.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ↵ ');
  // One file's problems together, top to bottom, whichever check found them.
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { posts, authors, brokenAuthors, problems };
}

/** How many posts name each author, as writer or reviewer. */
function authorUse(report: ContentReport): Map<string, number> {
  const use = new Map<string, number>();
  for (const post of report.posts) {
    const raw = (post.data ?? post.source.data) as { author?: unknown; reviewedBy?: unknown } | null;
    for (const id of new Set([raw?.author, raw?.reviewedBy])) if (typeof id === 'string') use.set(id, (use.get(id) ?? 0) + 1);
  }
  return use;
}

/**
 * Errors that are not about one post: they stop a build whatever its mode. An
 * author file with errors is about the site when two or more posts name that
 * author; named by one post (a new writer's first), it is held back with that
 * post, and named by none, it holds back nothing.
 */
export function siteErrors(report: ContentReport): Problem[] {
  const postFiles = new Set(report.posts.map((p) => p.file));
  const use = authorUse(report);
  const alone = new Set([...(report.brokenAuthors ?? [])].filter(([id]) => (use.get(id) ?? 0) < 2).map(([, file]) => file));
  return report.problems.filter((p) => p.severity === 'error' && !postFiles.has(p.file) && !alone.has(p.file));
}

/** The files of posts with at least one error: the posts a build holds back (or fails on). */
export function postsWithErrors(report: ContentReport): Set<string> {
  const postFiles = new Set(report.posts.map((p) => p.file));
  return new Set(report.problems.filter((p) => p.severity === 'error' && postFiles.has(p.file)).map((p) => p.file));
}
