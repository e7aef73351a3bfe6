/**
 * Hosts cap how many redirect rules they take: S3 refuses a website
 * configuration with more than 50 routing rules, Cloudflare Pages takes at most
 * 2,000 static redirects. The build still writes every file (the redirect
 * pages work on any host); these warnings say which host file cannot be used
 * as it is and what to do instead.
 */
import { CLOUDFLARE_STATIC_REDIRECTS_MAX } from './netlify.ts';
import { S3_ROUTING_RULES_MAX } from './s3.ts';

export interface RuleCounts {
  /** Lines of `_redirects` (each path form counts once). */
  redirectsFileRules: number;
  /** Rules in s3-routing-rules.json. */
  s3Rules: number;
}

export function hostLimitWarnings(counts: RuleCounts): string[] {
  const out: string[] = [];
  if (counts.s3Rules > S3_ROUTING_RULES_MAX) {
    out.push(
      `s3-routing-rules.json has ${counts.s3Rules} rules, and an S3 website takes at most ${S3_ROUTING_RULES_MAX}: do not paste it into the bucket (S3 would refuse the whole configuration). The redirect pages in the output still forward every old address; for real 301s, serve the bucket through CloudFront and redirect there (a CloudFront Function with the map in api/v1/redirects.json), see docs/publishing.md`,
    );
  }
  if (counts.redirectsFileRules > CLOUDFLARE_STATIC_REDIRECTS_MAX) {
    out.push(
      `_redirects has ${counts.redirectsFileRules} rules, and Cloudflare Pages takes at most ${CLOUDFLARE_STATIC_REDIRECTS_MAX}: on Cloudflare, do not count on the rules past that (the redirect pages still forward those addresses, without a real 301). Move the old addresses into a Cloudflare Bulk Redirect list (it takes the same from/to pairs, from api/v1/redirects.json), see docs/publishing.md; Netlify has no such limit`,
    );
  }
  return out;
}
