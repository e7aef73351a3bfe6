/**
 * One post as the old blog describes it, whatever the format it came in (RSS,
 * Atom, a WordPress export, a post's own page). Every reader in this folder
 * produces these; everything after works from them alone.
 */

export interface SourcePicture {
  /** Absolute address of the picture. */
  url: string;
  alt?: string | undefined;
}

export interface SourcePost {
  /** What identifies the post across imports: the feed's guid or id, else its address. */
  id: string;
  /** The post's page on the old site, absolute. */
  url?: string | undefined;
  title?: string | undefined;
  /** The body as HTML. */
  html?: string | undefined;
  /** True when `html` is only a summary, so the post's page must be read for the full text. */
  summaryOnly?: boolean | undefined;
  /** A summary (text or HTML) for the description. */
  excerpt?: string | undefined;
  authorName?: string | undefined;
  /** When it was published, as the source wrote it (RFC 822, ISO 8601, …). */
  published?: string | undefined;
  /** Category and tag names as the old blog shows them. */
  categories: string[];
  /** The featured picture, when the source names one apart from the body. */
  hero?: SourcePicture | undefined;
  /** Why the post should stay a draft here (it was not public on the old blog). */
  notPublic?: string | undefined;
}

/** A source that could not be read at all, or one post of it that could not. */
export interface ReadFailure {
  ok: false;
  /** What went wrong, in words for the summary. */
  reason: string;
}

export type SourceRead = { ok: true; kind: SourceKind; posts: SourcePost[]; failures: { id: string; reason: string }[] } | ReadFailure;

export type SourceKind = 'rss' | 'atom' | 'rdf' | 'wxr' | 'url-list';
