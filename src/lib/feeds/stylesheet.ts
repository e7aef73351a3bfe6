/**
 * An XSL stylesheet that turns an RSS feed into a readable page when someone
 * opens it in a browser (from the "Subscribe" link, say): what a feed is, the
 * address to copy into a feed reader, and the latest posts. Everything it shows
 * comes from the feed itself, so one stylesheet serves the main, topic and
 * author feeds, at the root or under a base path.
 */
import { escapeXml } from './rss.ts';

export interface StylesheetSettings {
  lang: string;
  palette: { background: string; ink: string; accent: string };
}

export function rssStylesheet({ lang, palette }: StylesheetSettings): string {
  const css = `
    :root { color-scheme: light dark; }
    body { margin: 0; background: ${palette.background}; color: ${palette.ink};
      font: 1.0625rem/1.6 Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif; }
    main { max-width: 40rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
    h1, h2, .note, .meta { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
    h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 .5rem; }
    h2 { font-size: 1.15rem; line-height: 1.3; margin: 0; }
    a { color: ${palette.accent}; }
    .note { background: #fffdf9; border: 1px solid #ddd4c6; border-radius: .5rem; padding: 1rem 1.25rem; margin: 1.5rem 0; font-size: .95rem; color: #1f2a24; }
    .note a { color: #2f6b4f; }
    code { word-break: break-all; font-size: .9em; }
    ol { list-style: none; padding: 0; margin: 0; }
    li { padding: 1.25rem 0; border-top: 1px solid #ddd4c6; }
    li p { margin: .35rem 0 0; }
    .meta { font-size: .85rem; opacity: .8; }
    @media (prefers-color-scheme: dark) {
      body { background: #16201b; color: #ebe6dd; }
      a { color: #8fd1ad; }
      li { border-color: #34443b; }
    }`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <xsl:output method="html" version="5.0" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <html lang="${escapeXml(lang)}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="/rss/channel/title"/> · feed</title>
        <style>${css}</style>
      </head>
      <body>
        <main>
          <h1><xsl:value-of select="/rss/channel/title"/></h1>
          <p><xsl:value-of select="/rss/channel/description"/></p>
          <div class="note">
            <p><strong>This is a feed.</strong> Copy its address into a feed reader app (NetNewsWire, Feedly, Inoreader, Reeder…) to get every new post as it is published:</p>
            <p><code><xsl:value-of select="/rss/channel/atom:link[@rel='self']/@href"/></code></p>
            <p><a><xsl:attribute name="href"><xsl:value-of select="/rss/channel/link"/></xsl:attribute>Back to the website</a></p>
          </div>
          <ol>
            <xsl:for-each select="/rss/channel/item">
              <li>
                <h2><a><xsl:attribute name="href"><xsl:value-of select="link"/></xsl:attribute><xsl:value-of select="title"/></a></h2>
                <p class="meta"><xsl:value-of select="substring(pubDate, 6, 11)"/><xsl:if test="dc:creator"> · <xsl:value-of select="dc:creator"/></xsl:if></p>
                <p><xsl:value-of select="description"/></p>
              </li>
            </xsl:for-each>
          </ol>
          <xsl:if test="not(/rss/channel/item)"><p>No posts yet.</p></xsl:if>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
`;
}
