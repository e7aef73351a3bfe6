/**
 * HTML that leaves the site (the feeds, the JSON API) goes through an
 * allow-list: a feed reader or an app may show it without the site's
 * Content-Security-Policy around it, so raw HTML a writer pasted into Markdown
 * (<script>, <iframe>, javascript: links, onclick=…) must not travel with it.
 * The pages themselves keep their policy, which blocks such code.
 */
import sanitizeHtml from 'sanitize-html';

/** Elements a post's body may carry to a feed reader: text, structure, links and pictures. */
export const SYNDICATED_TAGS = [
  'a',
  'abbr',
  'address',
  'article',
  'aside',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'data',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'footer',
  'header',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'picture',
  'pre',
  'q',
  's',
  'section',
  'small',
  'source',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr',
] as const;

/** Link schemes a feed may carry; any other (javascript:, data:, vbscript:) is dropped. */
export const SYNDICATED_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...SYNDICATED_TAGS],
  allowedAttributes: {
    // role and aria-* keep links to sources and back links meaningful to screen readers in a feed reader too.
    '*': ['id', 'class', 'lang', 'dir', 'title', 'role', 'aria-*'],
    a: ['href', 'rel', 'hreflang'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
    source: ['srcset', 'sizes', 'type', 'media', 'width', 'height'],
    time: ['datetime'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    ol: ['start', 'reversed'],
    blockquote: ['cite'],
    q: ['cite'],
  },
  allowedSchemes: [...SYNDICATED_SCHEMES],
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // What is dropped goes with its content: a script's text is not a paragraph.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template'],
  disallowedTagsMode: 'discard',
};

export function sanitizeForSyndication(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
