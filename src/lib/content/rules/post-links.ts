/**
 * Links from a post to another post must reach a page that exists when a
 * reader follows them: the address must belong to a post, and that post must
 * be public whenever the linking post is (not a draft, not scheduled later).
 *
 * Posts live at <base>posts/<slug>/, so `../slug/` is the link that works
 * wherever the site is served; `/posts/slug/` breaks when the site moves under a
 * folder such as /blog/.
 */
import { basename, dirname, resolve } from 'node:path';
import { decodePercent } from '../../percent-decode.ts';
import { slugFromFileName } from '../../slugs.ts';
import { closestMatch, didYouMean } from '../../suggest.ts';
import type { CheckedPost } from '../types.ts';
import type { BodyLink } from '../body-links.ts';
import { bodyLineNumber, problemAt, scanBody, type PostRule, type RuleContext } from './rule.ts';
import { dueAt, localStamp } from './when.ts';

const NOT_A_PAGE = /^(#|mailto:|tel:|sms:|javascript:|data:)/i;
const ORIGIN = 'https://site.invalid';

type Target = { slug: string } | { problem: string } | undefined;

function targetOf(link: BodyLink, post: CheckedPost, ctx: RuleContext): Target {
  const url = link.url.trim();
  if (!url || NOT_A_PAGE.test(url)) return undefined;
  const base = ctx.site.base.endsWith('/') ? ctx.site.base : `${ctx.site.base}/`;

  if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && /\.mdx?(?:[#?].*)?$/i.test(url)) {
    const file = resolve(dirname(post.path), decodePercent(url.replace(/[#?].*$/, '')));
    const linked = ctx.posts.find((p) => p.path === file);
    if (linked) return { problem: `links to the file ${basename(file)}; link to the post's address instead: ../${linked.slug}/` };
    const near = closestMatch(slugFromFileName(file), [...ctx.bySlug.keys()].filter((s) => s !== post.slug));
    return { problem: `links to the file ${url}, which is not a post here; link to a post's address instead${near ? `, like ../${near}/` : ' (../ then the part of its file name after the date)'}` };
  }

  let resolved: URL;
  try {
    resolved = new URL(url, `${ORIGIN}${base}posts/${post.slug}/`);
  } catch {
    return undefined;
  }
  // A full address counts when it points at this site; any other website is not ours to check.
  if (resolved.origin !== ORIGIN && resolved.origin !== new URL(ctx.site.url).origin) return undefined;

  const prefix = `${base}posts/`;
  if (url.startsWith('/') && base !== '/' && url.startsWith('/posts/')) {
    const slug = url.slice('/posts/'.length).split(/[/#?]/)[0];
    return {
      problem: `starts with /posts/, but the site is served under ${base}, so the link would be broken; write ../${slug}/ instead, which works wherever the site lives`,
    };
  }
  if (!resolved.pathname.startsWith(prefix)) return undefined;
  const segments = resolved.pathname.slice(prefix.length).split('/').filter(Boolean).map(decodePercent);
  if (!segments.length) return undefined;
  if (segments.length > 1 && segments[0] === post.slug && !url.startsWith('/') && !/^[a-z]+:/i.test(url)) {
    return {
      problem: `points inside this post's own address (posts/${segments.join('/')}/); to link to another post write ../${segments[1]}/`,
    };
  }
  return { slug: segments[0]! };
}

/** Old addresses listed in `previousSlugs` forward to the post that has moved. */
function movedTo(slug: string, ctx: RuleContext): CheckedPost | undefined {
  return ctx.posts.find((p) => ((p.data as { previousSlugs?: readonly string[] } | undefined)?.previousSlugs ?? []).includes(slug));
}

function missingTarget(link: BodyLink, slug: string, post: CheckedPost, ctx: RuleContext): string {
  const renamed = ctx.posts.find((p) => p.slug !== slug && slugFromFileName(p.path) === slug);
  const hint = renamed
    ? ` ${renamed.file} sets \`slug: ${renamed.slug}\`, so its address is ../${renamed.slug}/.`
    : didYouMean(slug, [...ctx.bySlug.keys()].filter((s) => s !== post.slug));
  return `links to "${link.url}", but no post has the address "${slug}".${hint} Fix the link or remove it`;
}

/**
 * A post held back for problems of its own (a schema error, a YAML slip, any
 * error) is in no output, its address included. The linking post still goes
 * out: holding it back too would take a page readers may already know off the
 * site for someone else's slip, and break every link to it from outside. The
 * build shows such a Markdown link as its plain text (held-back-links.ts), so
 * no page links to a missing page or names the held-back post's address; the
 * writer gets a warning naming the file to fix, and the link comes back by
 * itself once that post is fixed. An HTML <a> is copied as written and cannot
 * be left out like that, so there it is an error.
 */
function heldBackProblem(link: BodyLink, target: CheckedPost): { message: string; severity: 'error' | 'warning' } {
  const whose = `whose post is held back for problems of its own (listed under ${target.file})`;
  return link.syntax === 'html'
    ? {
        severity: 'error',
        message: `links to "${link.url}", ${whose}; an HTML <a> link would lead nowhere, so this post waits too. Fix ${target.file}, or write the link in Markdown ([text](${link.url})), which the site shows as plain text until that post is out`,
      }
    : {
        severity: 'warning',
        message: `links to "${link.url}", ${whose}; this post still goes out, with the link shown as plain text until that post is fixed. Fix ${target.file}, or remove the link`,
      };
}

function timingProblem(link: BodyLink, post: CheckedPost, target: CheckedPost, ctx: RuleContext): { message: string; severity: 'error' | 'warning' } | undefined {
  if (!post.data || post.data.draft) return undefined;
  if (!target.data || target.source.syntaxErrors.length || ctx.hasErrors(target)) return heldBackProblem(link, target);
  const sourceLive = dueAt(post, ctx.now);
  const targetLive = dueAt(target, ctx.now);
  const targetWhen = () => (target.data!.draft ? 'is a draft' : `is scheduled for ${localStamp(target.data!.date, ctx.timeZone)}`);
  if (sourceLive && !targetLive) {
    return {
      severity: 'error',
      message: `links to "${link.url}", which ${targetWhen()} and not on the site yet; this post is live, so readers would meet a broken link. Remove the link until that post is out, or change the dates`,
    };
  }
  if (!sourceLive && (target.data.draft || target.data.date.getTime() > post.data.date.getTime())) {
    return {
      severity: 'warning',
      message: `links to "${link.url}", which ${targetWhen()}, after this post goes live (${localStamp(post.data.date, ctx.timeZone)}); the link would be broken in between. Publish that post first or move this one later`,
    };
  }
  return undefined;
}

/** A post whose file could not be read as YAML still has an address (from its file name): it is held back, not missing. */
function unreadablePostAt(slug: string, ctx: RuleContext): CheckedPost | undefined {
  return ctx.posts.find((p) => p.source.syntaxErrors.length > 0 && p.slug === slug);
}

interface LinkFinding {
  link: BodyLink;
  problem?: { message: string; severity: 'error' | 'warning' } | undefined;
  /** The link leads to a post held back for its own problems. */
  heldBack?: boolean;
}

function linkFindings(post: CheckedPost, ctx: RuleContext): LinkFinding[] {
  const out: LinkFinding[] = [];
  for (const link of scanBody(post).links) {
    if (link.kind !== 'link') continue;
    const target = targetOf(link, post, ctx);
    if (!target) continue;
    if ('problem' in target) {
      out.push({ link, problem: { message: target.problem, severity: 'error' } });
      continue;
    }
    const linked = ctx.bySlug.get(target.slug) ?? unreadablePostAt(target.slug, ctx);
    const moved = linked ? undefined : movedTo(target.slug, ctx);
    if (moved) {
      out.push({ link, problem: { message: `links to "${link.url}", an old address of ${moved.file}; it forwards, but link to ../${moved.slug}/ directly`, severity: 'warning' } });
      continue;
    }
    if (!linked) {
      out.push({ link, problem: { message: missingTarget(link, target.slug, post, ctx), severity: 'error' } });
      continue;
    }
    const heldBack = !linked.data || linked.source.syntaxErrors.length > 0 || ctx.hasErrors(linked);
    out.push({ link, problem: timingProblem(link, post, linked, ctx), heldBack });
  }
  return out;
}

/**
 * The links (as written) the build must show as plain text: Markdown links to a
 * post held back for its own problems. Read once every post's errors are known.
 */
export function linksToHeldBackPosts(post: CheckedPost, ctx: RuleContext): string[] {
  return [...new Set(linkFindings(post, ctx).flatMap((f) => (f.heldBack && f.link.syntax !== 'html' ? [f.link.url] : [])))].sort();
}

export const postLinks: PostRule = {
  id: 'post-links',
  afterOthers: true,
  check(post, ctx) {
    return linkFindings(post, ctx).flatMap(({ link, problem }) => (problem ? [problemAt(post, bodyLineNumber(post, link.index), 'body', problem.message, problem.severity)] : []));
  },
};
