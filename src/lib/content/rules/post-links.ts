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
import type { CheckedPost, Problem } from '../types.ts';
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

function timingProblem(link: BodyLink, post: CheckedPost, target: CheckedPost, ctx: RuleContext): { message: string; severity: 'error' | 'warning' } | undefined {
  if (!post.data || !target.data || post.data.draft) return undefined;
  const sourceLive = dueAt(post, ctx.now);
  const held = ctx.hasErrors(target);
  const targetLive = dueAt(target, ctx.now) && !held;
  const targetWhen = () =>
    held
      ? `has problems of its own (listed under its file), so it is held back`
      : target.data!.draft
        ? 'is a draft'
        : `is scheduled for ${localStamp(target.data!.date, ctx.timeZone)}`;
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

export const postLinks: PostRule = {
  id: 'post-links',
  afterOthers: true,
  check(post, ctx) {
    const out: Problem[] = [];
    for (const link of scanBody(post).links) {
      if (link.kind !== 'link') continue;
      const target = targetOf(link, post, ctx);
      if (!target) continue;
      const line = bodyLineNumber(post, link.index);
      if ('problem' in target) {
        out.push(problemAt(post, line, 'body', target.problem));
        continue;
      }
      const linked = ctx.bySlug.get(target.slug);
      const moved = linked ? undefined : movedTo(target.slug, ctx);
      if (moved) {
        out.push(problemAt(post, line, 'body', `links to "${link.url}", an old address of ${moved.file}; it forwards, but link to ../${moved.slug}/ directly`, 'warning'));
        continue;
      }
      if (!linked) {
        out.push(problemAt(post, line, 'body', missingTarget(link, target.slug, post, ctx)));
        continue;
      }
      const timing = timingProblem(link, post, linked, ctx);
      if (timing) out.push(problemAt(post, line, 'body', timing.message, timing.severity));
    }
    return out;
  },
};
