/**
 * The browser editor's collections, built field by field from the zod schemas
 * (labels, help text and checks come from src/schema/). The list of fields is
 * written here once; tests/unit/editor-config.test.ts fails if it and the
 * schemas ever disagree on names, required fields, types or allowed values.
 *
 * Paths are relative to the content folder (content/, or CONTENT_DIR).
 */
import { collection, config, fields } from '@keystatic/core';
import { site } from '../site.config.ts';
import { calendarDate } from '../lib/zoned-time.ts';
import { authorShape, citationShape, credentialShape, imageShape, linkShape, postShape } from './schemas.ts';
import {
  describe,
  keptAsIs,
  nameAndId,
  pictureField,
  publishDateField,
  schemaInteger,
  schemaList,
  schemaText,
  textOrNumber,
  titleAndFileName,
  withCheck,
} from './fields.ts';

const p = postShape;
const c = citationShape;
const tz = site.timezone;

const citation = fields.object(
  {
    key: schemaText({ label: 'Key (cite it as [@key])', schema: c.key!, optional: true }),
    authors: schemaList({ label: 'Authors', schema: c.authors!, separator: 'line', description: `${describe(c.authors!)} One a line.` }),
    year: schemaInteger({ label: 'Year', schema: c.year! }),
    title: schemaText({ label: 'Title', schema: c.title! }),
    container: schemaText({ label: 'Journal or publisher', schema: c.container! }),
    volume: textOrNumber({ label: 'Volume', schema: c.volume! }),
    issue: textOrNumber({ label: 'Issue', schema: c.issue! }),
    pages: schemaText({ label: 'Pages', schema: c.pages!, optional: true }),
    article: schemaText({ label: 'Article number', schema: c.article!, optional: true }),
    doi: schemaText({ label: 'DOI', schema: c.doi!, optional: true }),
    pmid: textOrNumber({ label: 'PubMed ID', schema: c.pmid! }),
    url: schemaText({ label: 'Web address', schema: c.url!, optional: true }),
  },
  { label: 'Source', layout: [12, 12, 4, 8, 12, 3, 3, 3, 3, 8, 4, 12] },
);

const a = authorShape;
const credential = credentialShape;

export default config({
  storage: { kind: 'local' },
  ui: { brand: { name: `${site.title} editor` } },
  collections: {
    posts: collection({
      label: 'Posts',
      path: 'posts/*',
      slugField: 'title',
      format: { contentField: 'body' },
      entryLayout: 'content',
      schema: {
        title: titleAndFileName({ label: 'Title', schema: p.title!, today: () => calendarDate(new Date(), tz) }),
        description: schemaText({ label: 'Description', schema: p.description!, multiline: true }),
        author: withCheck(
          fields.relationship({ label: 'Author', collection: 'authors', description: 'Who wrote the post (from Authors).' }),
          (value: string | null) => (value ? undefined : 'Author is missing; pick who wrote the post'),
        ),
        date: publishDateField({ label: 'Date', schema: p.date!, timeZone: tz }),
        updated: publishDateField({ label: 'Updated', schema: p.updated!, timeZone: tz, optional: true }),
        readTime: schemaInteger({ label: 'Read time (minutes)', schema: p.readTime!, optional: true }),
        citations: fields.array(citation, {
          label: 'Sources',
          description: describe(p.citations!),
          itemLabel: (item) => {
            const names = item.fields.authors.value.split('\n')[0] ?? '';
            return `${names}${item.fields.year.value ? ` (${item.fields.year.value})` : ''} ${item.fields.title.value}`.trim() || 'New source';
          },
        }),
        reviewedBy: fields.relationship({ label: 'Reviewed by', collection: 'authors', description: describe(p.reviewedBy!) }),
        lastReviewed: publishDateField({ label: 'Last reviewed', schema: p.lastReviewed!, timeZone: tz, optional: true }),
        tags: schemaList({ label: 'Tags', schema: p.tags!, separator: 'comma', description: `${describe(p.tags!)} Separate them with commas.` }),
        image: pictureField({
          label: 'Hero picture',
          folder: 'posts',
          schema: p.image!,
          withAlt: true,
          altDescription: describe(imageShape.alt!),
        }),
        draft: fields.checkbox({ label: 'Draft', description: describe(p.draft!) }),
        canonical: schemaText({ label: 'Canonical address', schema: p.canonical!, optional: true }),
        slug: schemaText({ label: 'Address (slug)', schema: p.slug!, optional: true }),
        previousSlugs: schemaList({
          label: 'Previous addresses',
          schema: p.previousSlugs!,
          separator: 'comma',
          optional: true,
          description: `${describe(p.previousSlugs!)} Separate them with commas.`,
        }),
        redirectFrom: schemaList({
          label: 'Old addresses on another site',
          schema: p.redirectFrom!,
          separator: 'line',
          optional: true,
          description: `${describe(p.redirectFrom!)} One a line.`,
        }),
        importedFrom: keptAsIs({
          label: 'Imported from',
          schema: p.importedFrom!,
          show: (value) => String((value as { source?: unknown }).source ?? ''),
        }),
        body: fields.markdoc({ label: 'Text', extension: 'md' }),
      },
    }),
    authors: collection({
      label: 'Authors',
      path: 'authors/*',
      slugField: 'name',
      format: { data: 'yaml' },
      schema: {
        name: nameAndId({ label: 'Name', schema: authorShape.name! }),
        role: schemaText({ label: 'Role', schema: authorShape.role! }),
        bio: schemaText({ label: 'Bio', schema: authorShape.bio!, multiline: true }),
        avatar: pictureField({ label: 'Photo', folder: 'authors', schema: authorShape.avatar!, withAlt: false }),
        links: fields.array(
          fields.object({
            label: schemaText({ label: 'Label', schema: linkShape.label! }),
            url: schemaText({ label: 'Web address', schema: linkShape.url! }),
          }),
          { label: 'Links', description: describe(authorShape.links!), itemLabel: (item) => item.fields.label.value || 'New link' },
        ),
        credentials: fields.array(
          fields.object(
            {
              type: schemaText({ label: 'Licence or qualification', schema: credential.type! }),
              abbreviation: schemaText({ label: 'Letters after the name', schema: credential.abbreviation!, optional: true }),
              number: schemaText({ label: 'Licence number', schema: credential.number!, optional: true }),
              issuedBy: schemaText({ label: 'Issued by', schema: credential.issuedBy!, optional: true }),
            },
            { layout: [12, 4, 8, 12] },
          ),
          { label: 'Credentials', description: describe(a.credentials!), itemLabel: (item) => item.fields.type.value || 'New credential' },
        ),
      },
    }),
  },
});
