/**
 * What the editor's preview shows around a post's text, in the markup of the
 * post page (src/pages/posts/[slug].astro, ByLine, Sources), so the site's own
 * stylesheet lays it out: tags, title, byline with date and read time, and the
 * Sources list in APA style. Pure: the admin script (src/admin/preview.ts) puts
 * the HTML into the CMS's preview pane, around the text the CMS renders.
 */
import { citationSchema } from '../../schema/citation.ts';
import { formatCitationHtml } from '../citations.ts';
import { formatLongDate } from '../format-date.ts';
import { escapeHtml } from '../html.ts';
import { resolvePublishDate } from '../publish-date.ts';
import { readingMinutes } from '../reading-time.ts';

export interface PreviewContext {
  timeZone: string;
  locale: string;
  /** Author ids to names, from content/authors/ when the site was built. */
  authorNames: Record<string, string>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));

function dateHtml(value: unknown, ctx: PreviewContext): string {
  const parsed = resolvePublishDate(text(value), ctx.timeZone);
  return parsed.ok
    ? `<time datetime="${escapeHtml(parsed.instant.toISOString())}">${escapeHtml(formatLongDate(parsed.instant, ctx.timeZone, ctx.locale))}</time>`
    : '<span>No date yet</span>';
}

/** The post header: tags, title, draft note and byline. */
export function previewHeaderHtml(data: Record<string, unknown>, ctx: PreviewContext): string {
  const tags = Array.isArray(data.tags) ? data.tags.map(text).filter(Boolean) : [];
  const authorId = text(data.author);
  const author = ctx.authorNames[authorId] ?? (authorId || 'No author yet');
  const minutes = typeof data.readTime === 'number' ? data.readTime : readingMinutes(text(data.body));
  const updated = data.updated ? `<span class="updated">Updated ${dateHtml(data.updated, ctx)}</span>` : '';
  const draft = data.draft === true ? '<span class="badge badge-draft">Draft: not published</span>' : '';
  return [
    '<header class="post-header">',
    `<p class="post-tags">${tags.map((t) => `<a>#${escapeHtml(t)}</a>`).join('')}</p>`,
    `<h1>${escapeHtml(text(data.title)) || 'Untitled post'}</h1>`,
    draft,
    `<p class="byline"><span>By <a rel="author">${escapeHtml(author)}</a></span> <span aria-hidden="true" class="sep">·</span> ${dateHtml(data.date, ctx)} <span aria-hidden="true" class="sep">·</span> <span>${minutes} min read</span>${updated}</p>`,
    '</header>',
  ].join('');
}

/** The Sources list as the post page shows it; a source the schema would refuse is shown as typed so far. */
export function previewSourcesHtml(citations: unknown): string {
  if (!Array.isArray(citations) || citations.length === 0) return '';
  const items = citations.map((c) => {
    const parsed = citationSchema.safeParse(c);
    if (parsed.success) return `<li>${formatCitationHtml(parsed.data)}</li>`;
    const raw = (c ?? {}) as Record<string, unknown>;
    const authors = Array.isArray(raw.authors) ? raw.authors.map(text).join(', ') : '';
    return `<li>${escapeHtml([authors, raw.year ? `(${text(raw.year)})` : '', text(raw.title)].filter(Boolean).join(' ')) || 'A source still being filled in'}</li>`;
  });
  return `<section class="sources" aria-labelledby="sources-heading"><h2 id="sources-heading">Sources</h2><ol>${items.join('')}</ol></section>`;
}
