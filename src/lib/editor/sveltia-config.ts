/**
 * The configuration of the editor at /admin/ (Sveltia CMS), generated from the
 * field description (fields.ts), so it says what the zod schemas say: the same
 * fields, required or not, with the same limits and help text. Served as
 * /admin/config.yml by src/pages/admin/config.yml.ts.
 *
 * Where Sveltia checks a field differently from zod, the rule is adapted here
 * rather than weakened there: Sveltia tests a pattern and a minimum length on an
 * empty optional field too, so an optional field's pattern also accepts nothing
 * and its minimum length is left to the content check.
 */
import type { CmsConfig, Field } from '@sveltia/cms';
import type { EditorField } from './fields.ts';

/** The custom file formats the admin script registers (src/admin/main.ts): the project's own YAML style. Sveltia takes an .md collection's format for front matter only if its name ends in `-frontmatter`. */
export const POST_FORMAT = 'wellness-frontmatter';
export const AUTHOR_FORMAT = 'wellness-author';

/** Where Sveltia publishes the JSON Schema of its configuration (named in a comment only: nothing fetches it). */
export const SVELTIA_SCHEMA_URL = 'https://unpkg.com/@sveltia/cms/schema/sveltia-cms.json';

export interface CmsOptions {
  /** `owner/name` of the GitHub repository the editor writes to. */
  repository: string;
  branch: string;
  /** The site's address with its base path, for "view on site" links. */
  siteUrl: string;
  siteTitle: string;
  /** The content folder relative to the repository's root (`content`). */
  contentFolder: string;
  posts: EditorField[];
  authors: EditorField[];
}

function optionalPattern(source: string, required: boolean): string {
  return required ? source : `^$|${source}`;
}

function common(field: EditorField) {
  return {
    name: field.name,
    label: field.label,
    ...(field.hint ? { hint: field.hint } : {}),
    ...(field.required ? {} : { required: false }),
  };
}

/** One field of the description as a Sveltia field. */
export function cmsField(field: EditorField): Field {
  switch (field.kind) {
    case 'text':
      return {
        ...common(field),
        widget: field.multiline ? 'text' : 'string',
        ...(field.url && !field.multiline ? { type: 'url' as const } : {}),
        ...(field.required && field.minLength !== undefined && field.minLength > 1 ? { minlength: field.minLength } : {}),
        ...(field.maxLength !== undefined ? { maxlength: field.maxLength } : {}),
        ...(field.pattern
          ? { pattern: [optionalPattern(field.pattern.source, field.required), `${field.label} ${field.pattern.message}`] }
          : {}),
      } as Field;
    case 'integer':
      return {
        ...common(field),
        widget: 'number',
        value_type: 'int',
        ...(field.min !== undefined ? { min: field.min } : {}),
        ...(field.max !== undefined ? { max: field.max } : {}),
      };
    case 'text-or-integer':
      return { ...common(field), widget: 'string' };
    case 'boolean':
      return { ...common(field), widget: 'boolean', default: field.default };
    case 'date':
      // A time is needed to pick one; the saved file says `2026-11-27T07:00:00-05:00` (post-file.ts).
      return { ...common(field), widget: 'datetime', input_timezone: field.timeZone };
    case 'text-list':
      return {
        ...common(field),
        widget: 'list',
        ...(field.minItems !== undefined ? { min: field.minItems } : {}),
        ...(field.maxItems !== undefined ? { max: field.maxItems } : {}),
      };
    case 'reference':
      return {
        ...common(field),
        widget: 'relation',
        collection: field.collection,
        value_field: '{{slug}}',
        display_fields: ['{{name}}'],
        search_fields: ['name'],
      };
    case 'picture':
      return { ...common(field), widget: 'image', choose_url: false, accept: 'image/jpeg,image/png,image/webp,image/avif' };
    case 'group':
      return { ...common(field), widget: 'object', collapsed: 'auto', fields: field.fields.map(cmsField) };
    case 'repeat':
      return {
        ...common(field),
        widget: 'list',
        label_singular: field.itemLabel,
        collapsed: 'auto',
        fields: field.fields.map(cmsField),
      };
    case 'markdown':
      return {
        ...common(field),
        widget: 'markdown',
        // Markdown as written, by default: the rich-text mode rewrites what it does not draw (an
        // HTML comment, a table) even when the text was not touched. One click switches to it.
        modes: ['raw', 'rich_text'],
        linked_images: false,
      };
  }
}

/** The whole configuration, ready to be written as YAML. */
export function cmsConfig(opts: CmsOptions): CmsConfig {
  const folder = (name: string) => `${opts.contentFolder.replace(/\/+$/, '')}/${name}`;
  return {
    backend: {
      name: 'github',
      repo: opts.repository,
      branch: opts.branch,
      auth_methods: ['token', 'oauth'],
      commit_messages: {
        create: 'Editor: new {{collection}} “{{slug}}”',
        update: 'Editor: update {{collection}} “{{slug}}”',
        delete: 'Editor: delete {{collection}} “{{slug}}”',
        uploadMedia: 'Editor: upload “{{path}}”',
        deleteMedia: 'Editor: delete “{{path}}”',
      },
    },
    publish_mode: 'simple',
    site_url: opts.siteUrl,
    app_title: `${opts.siteTitle} editor`,
    // Required by Sveltia; the collections below put pictures next to their entries instead.
    media_folder: folder('posts/images'),
    public_folder: '/images',
    output: { omit_empty_optional_fields: true },
    slug: { encoding: 'ascii', clean_accents: true, timezone: 'local' },
    collections: [
      {
        name: 'posts',
        label: 'Posts',
        label_singular: 'Post',
        folder: folder('posts'),
        extension: 'md',
        format: POST_FORMAT,
        path: '{{year}}-{{month}}-{{day}}-{{slug}}',
        identifier_field: 'title',
        summary: '{{title}}',
        sortable_fields: { fields: ['date', 'title'], default: { field: 'date', direction: 'descending' } },
        media_folder: 'images',
        public_folder: './images',
        fields: opts.posts.map(cmsField),
      },
      {
        name: 'authors',
        label: 'Authors',
        label_singular: 'Author',
        folder: folder('authors'),
        extension: 'yaml',
        format: AUTHOR_FORMAT,
        identifier_field: 'name',
        path: '{{slug}}',
        media_folder: 'images',
        public_folder: './images',
        fields: opts.authors.map(cmsField),
      },
    ],
  } as CmsConfig;
}
