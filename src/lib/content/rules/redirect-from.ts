/**
 * `redirectFrom` lists a post's old addresses on another site. Each must lead
 * to one post only, and must not be an address this site serves itself (the
 * redirect would hide that page). The format of each path is the schema's job.
 */
import { normaliseBase } from '../../site-paths.ts';
import { siteAddressAt } from '../../redirects/site-routes.ts';
import type { CheckedPost } from '../types.ts';
import type { Problem } from '../types.ts';
import { problemAt, type PostRule, type RuleContext } from './rule.ts';

function pathsOf(post: CheckedPost): readonly string[] {
  return post.data?.redirectFrom ?? [];
}

/** The first post (in file order) to list each old address; built once per check. */
const owners = new WeakMap<readonly CheckedPost[], Map<string, CheckedPost>>();

function ownerOf(path: string, ctx: RuleContext): CheckedPost | undefined {
  let map = owners.get(ctx.posts);
  if (!map) {
    map = new Map();
    for (const post of ctx.posts) for (const p of pathsOf(post)) if (!map.has(p)) map.set(p, post);
    owners.set(ctx.posts, map);
  }
  return map.get(path);
}

export const redirectFrom: PostRule = {
  id: 'redirect-from',
  check(post, ctx) {
    const out: Problem[] = [];
    pathsOf(post).forEach((path, i) => {
      const line = () => post.source.lineOf(['redirectFrom', i]);
      const own = siteAddressAt(path, ctx.site.base);
      if (own) {
        const hint = path.startsWith(`${normaliseBase(ctx.site.base)}posts/`)
          ? ' An old address of a post on this site goes in `previousSlugs`, as the slug alone'
          : ' Remove it, or list the address the post had on the old site';
        out.push(problemAt(post, line(), `redirectFrom #${i + 1}`, `"${path}" is an address of this site (${own}); a redirect there would hide that page.${hint}`));
        return;
      }
      const owner = ownerOf(path, ctx);
      if (owner && owner !== post) {
        out.push(
          problemAt(post, line(), `redirectFrom #${i + 1}`, `"${path}" already forwards to ${owner.file}; an old address can lead to one post only, so remove it from one of the two`),
        );
      }
    });
    return out;
  },
};
