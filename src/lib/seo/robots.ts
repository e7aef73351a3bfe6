/** robots.txt: every page may be crawled; the sitemap says which pages exist. */
export function robotsTxt(options: { sitemapUrl: string; disallow?: readonly string[] }): string {
  const lines = ['User-agent: *'];
  const disallow = options.disallow ?? [];
  if (disallow.length === 0) lines.push('Allow: /');
  for (const path of disallow) lines.push(`Disallow: ${path}`);
  lines.push('', `Sitemap: ${options.sitemapUrl}`, '');
  return lines.join('\n');
}
