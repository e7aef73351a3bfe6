/**
 * Posts from a WordPress export (WXR: RSS 2.0 with WordPress's own elements),
 * read with fast-xml-parser; feedsmith knows RSS but not those elements. Only
 * posts are taken (not pages or menu items); a post that was not public on
 * WordPress comes in as a draft. Featured pictures are attachments elsewhere in
 * the file, found by id.
 */
import { XMLParser } from 'fast-xml-parser';
import { plainTitle } from './feed.ts';
import type { SourcePicture, SourcePost } from './source-post.ts';

/** True when the XML is a WordPress export rather than a plain feed. */
export function isWxr(xml: string): boolean {
  return /xmlns:wp\s*=\s*["']http:\/\/wordpress\.org\/export\//.test(xml.slice(0, 4000));
}

type Node = Record<string, unknown>;

const LISTS = new Set(['item', 'category', 'wp:postmeta', 'wp:author']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => LISTS.has(name),
});

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return str((value as Node)['#text']);
  return undefined;
}

function list(value: unknown): Node[] {
  return Array.isArray(value) ? (value as Node[]) : [];
}

function meta(item: Node, key: string): string | undefined {
  return str(list(item['wp:postmeta']).find((m) => str(m['wp:meta_key']) === key)?.['wp:meta_value']);
}

/** `2024-01-02 14:00:00` in UTC, as WordPress writes post_date_gmt; unset dates are zeros. */
function gmtDate(value: string | undefined): string | undefined {
  if (!value || value.startsWith('0000')) return undefined;
  return `${value.replace(' ', 'T')}Z`;
}

/**
 * WordPress's classic editor stores paragraphs as blank-line-separated text and
 * adds the <p> tags when it shows the post; do the same when none are there.
 */
function withParagraphs(html: string): string {
  if (/<p[\s>]/i.test(html)) return html;
  return html
    .replace(BLOCK_OPEN, '\n\n$1')
    .replace(BLOCK_CLOSE, '$1\n\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => (STARTS_WITH_BLOCK.test(block) ? block : `<p>${block.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
}

const BLOCK_TAGS = 'h[1-6]|ul|ol|blockquote|pre|figure|table|div|hr';
const BLOCK_OPEN = new RegExp(`(<(?:${BLOCK_TAGS})[\\s>/])`, 'gi');
const STARTS_WITH_BLOCK = new RegExp(`^<(?:${BLOCK_TAGS})[\\s>/]`, 'i');
const BLOCK_CLOSE = new RegExp(`(</(?:${BLOCK_TAGS})>)`, 'gi');

/** `[caption]<img …> Words[/caption]`, WordPress's picture with a caption, as a figure. */
function captions(html: string): string {
  return html.replace(/\[caption[^\]]*\]([\s\S]*?)\[\/caption\]/g, (_m, inner: string) => {
    const match = /^(\s*(?:<a[^>]*>)?\s*<img[^>]*>\s*(?:<\/a>)?)([\s\S]*)$/i.exec(inner);
    return match ? `<figure>${match[1]}<figcaption>${match[2]!.trim()}</figcaption></figure>` : inner;
  });
}

export function readWxr(xml: string): { ok: true; link?: string | undefined; posts: SourcePost[] } | { ok: false; reason: string } {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    return { ok: false, reason: `is not a readable WordPress export (${(e as Error).message.split('\n')[0]})` };
  }
  const channel = ((doc.rss as Node | undefined)?.channel ?? undefined) as Node | undefined;
  if (!channel) return { ok: false, reason: 'is not a WordPress export (it has no <rss><channel>)' };

  const authors = new Map(list(channel['wp:author']).map((a) => [str(a['wp:author_login']) ?? '', str(a['wp:author_display_name'])]));
  const items = list(channel.item);
  const attachments = new Map<string, SourcePicture>();
  for (const item of items) {
    if (str(item['wp:post_type']) !== 'attachment') continue;
    const url = str(item['wp:attachment_url']);
    const id = str(item['wp:post_id']);
    if (url && id) attachments.set(id, { url, alt: meta(item, '_wp_attachment_image_alt') });
  }

  const posts: SourcePost[] = [];
  for (const item of items) {
    if (str(item['wp:post_type']) !== 'post') continue;
    const status = str(item['wp:status']) ?? 'publish';
    // Deleted and never-saved posts are not posts anyone wrote.
    if (status === 'trash' || status === 'auto-draft') continue;
    const url = str(item.link);
    const id = str(item.guid) ?? url;
    if (!id) continue;
    const login = str(item['dc:creator']);
    const categories = list(item.category)
      .filter((c) => c['@domain'] === 'category' || c['@domain'] === 'post_tag')
      .filter((c) => str(c['@nicename']) !== 'uncategorized')
      .map((c) => str(c) ?? '')
      .filter(Boolean);
    const thumbnail = meta(item, '_thumbnail_id');
    const body = str(item['content:encoded']);
    posts.push({
      id,
      url,
      title: plainTitle(str(item.title)),
      html: body ? withParagraphs(captions(body)) : undefined,
      summaryOnly: !body,
      excerpt: str(item['excerpt:encoded']),
      authorName: (login && authors.get(login)) || login,
      // The local date has no zone: it is read in the studio's, the likeliest to be WordPress's too.
      published: gmtDate(str(item['wp:post_date_gmt'])) ?? gmtDate(str(item['wp:post_date']))?.replace('Z', '') ?? str(item.pubDate),
      categories: [...new Set(categories)],
      hero: thumbnail ? attachments.get(thumbnail) : undefined,
      notPublic: status === 'publish' || status === 'future' ? undefined : `it was "${status}" on WordPress, not published`,
    });
  }
  return { ok: true, link: str(channel.link), posts };
}
