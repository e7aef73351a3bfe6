/**
 * Routing rules for an Amazon S3 static website (the bucket's "Redirection
 * rules", JSON): a real 301 for each old address.
 *
 * S3 matches a key prefix, not a whole path, and takes the first rule that
 * matches, so longer prefixes go first: `post/massage-after-exercise` must win
 * over `post/massage`. The host name is given because behind CloudFront a rule
 * without one would send readers to the bucket's own endpoint.
 */
import type { Redirect } from './redirects.ts';

/** S3 refuses a website configuration with more routing rules than this. */
export const S3_ROUTING_RULES_MAX = 50;

export interface S3RoutingRule {
  Condition: { KeyPrefixEquals: string };
  Redirect: { Protocol: 'https' | 'http'; HostName: string; ReplaceKeyWith: string; HttpRedirectCode: '301' };
}

/** S3 keys have no leading slash and are not percent-encoded. */
function keyOf(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Keep it as written.
  }
  return decoded.replace(/^\/+/, '');
}

export function s3RoutingRules(redirects: readonly Redirect[], opts: { origin: string }): S3RoutingRule[] {
  const origin = new URL(opts.origin);
  const protocol = origin.protocol === 'http:' ? 'http' : 'https';
  const byPrefix = new Map<string, Redirect>();
  for (const r of redirects) {
    // `post/x` also covers `post/x/` and `post/x/index.html`.
    const prefix = keyOf(r.from).replace(/\/+$/, '');
    if (prefix && !byPrefix.has(prefix)) byPrefix.set(prefix, r);
  }
  return [...byPrefix]
    .sort(([a], [b]) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
    .map(([prefix, r]) => ({
      Condition: { KeyPrefixEquals: prefix },
      Redirect: { Protocol: protocol, HostName: origin.host, ReplaceKeyWith: keyOf(r.to), HttpRedirectCode: '301' },
    }));
}

/** The rules as the S3 console's "Redirection rules" box takes them. */
export function s3RoutingRulesJson(rules: readonly S3RoutingRule[]): string {
  return `${JSON.stringify(rules, null, 2)}\n`;
}
