/**
 * The editor's two collections, posts and authors, described from their zod
 * schemas (fields.ts). The labels below, and their order, are all that is
 * written by hand.
 */
import { describeFields, type EditorField, type FieldLabels } from './fields.ts';
import { authorSchema } from '../../schema/author.ts';
import { postSchema } from '../../schema/post.ts';

export const CITATION_LABELS: FieldLabels = {
  key: { label: 'Key', note: 'The name the text cites it by, as [@key]; leave empty for the first author and year' },
  authors: { label: 'Authors', note: 'One a line' },
  year: { label: 'Year' },
  title: { label: 'Title' },
  container: { label: 'Journal or publisher' },
  volume: { label: 'Volume' },
  issue: { label: 'Issue' },
  pages: { label: 'Pages' },
  article: { label: 'Article number' },
  doi: { label: 'DOI', note: 'Give a DOI or a web address' },
  pmid: { label: 'PubMed ID' },
  url: { label: 'Web address' },
};

/** In the order the form shows them and files list them (as the posts in content/ do). */
export const POST_LABELS: FieldLabels = {
  title: { label: 'Title' },
  description: { label: 'Description', multiline: true },
  author: { label: 'Author', kind: 'reference', note: 'Pick one from Authors' },
  date: { label: 'Date', kind: 'date' },
  updated: { label: 'Updated', kind: 'date' },
  tags: { label: 'Tags', note: 'Pick tags already in use where one fits; a new one is lowercase words joined by hyphens' },
  readTime: { label: 'Read time (minutes)', note: 'Leave empty to let the site count' },
  citations: { label: 'Sources', itemLabel: 'Source', fields: CITATION_LABELS },
  reviewedBy: { label: 'Reviewed by', kind: 'reference', note: 'A qualified person from Authors, for health content' },
  lastReviewed: { label: 'Last reviewed', kind: 'date' },
  image: {
    label: 'Hero picture',
    fields: { src: { label: 'Picture', kind: 'picture' }, alt: { label: 'Alt text', multiline: true } },
  },
  draft: { label: 'Draft' },
  canonical: { label: 'Canonical address' },
  slug: { label: 'Address (slug)' },
  previousSlugs: { label: 'Previous addresses' },
  redirectFrom: { label: 'Addresses on the old site', note: 'Filled in by the import; each forwards to this post' },
  importedFrom: { label: 'Imported from', fields: { source: { label: 'Original post' }, hash: { label: 'Fingerprint' } } },
};

export const AUTHOR_LABELS: FieldLabels = {
  name: { label: 'Name' },
  role: { label: 'Role' },
  bio: { label: 'Bio', multiline: true },
  avatar: { label: 'Photo', kind: 'picture' },
  links: { label: 'Links', itemLabel: 'Link', fields: { label: { label: 'Label' }, url: { label: 'Web address' } } },
  credentials: {
    label: 'Credentials',
    itemLabel: 'Credential',
    fields: {
      type: { label: 'Licence or qualification' },
      abbreviation: { label: 'Letters after the name' },
      number: { label: 'Licence number' },
      issuedBy: { label: 'Issued by' },
    },
  },
};

/** The Markdown after a post's frontmatter: not in the schema, which describes the frontmatter only. */
export const BODY_FIELD: EditorField = {
  name: 'body',
  label: 'Text',
  kind: 'markdown',
  required: true,
  hint: '',
};

export interface PostFieldOptions {
  timeZone: string;
  /** Tags the existing posts use, offered as suggestions. */
  tags?: string[];
}

export function postEditorFields({ timeZone, tags = [] }: PostFieldOptions): EditorField[] {
  return [...describeFields(postSchema, POST_LABELS, { timeZone, suggestions: { tags }, where: 'posts' }), BODY_FIELD];
}

export function authorEditorFields({ timeZone }: { timeZone: string }): EditorField[] {
  return describeFields(authorSchema, AUTHOR_LABELS, { timeZone, where: 'authors' });
}
