import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { createAuthorSchema } from './schema/author.ts';
import { createPostSchema } from './schema/post.ts';
import { contentDirFrom } from './lib/content/content-dir.ts';
import { slugFromFileName } from './lib/slugs.ts';
import { site } from './site.config.ts';

// A file URL, so an absolute CONTENT_DIR outside the project works too.
const contentDir = pathToFileURL(`${contentDirFrom(process.env)}/`);

const posts = defineCollection({
  loader: glob({
    base: new URL('posts/', contentDir),
    // Underscore files are notes and templates, never posts.
    pattern: ['**/*.{md,mdx}', '!**/_*'],
    generateId: ({ entry, data }) => (typeof data.slug === 'string' && data.slug ? data.slug : slugFromFileName(entry)),
  }),
  schema: ({ image }) => createPostSchema({ image, author: reference('authors'), timeZone: site.timezone }),
});

const authors = defineCollection({
  loader: glob({
    base: new URL('authors/', contentDir),
    pattern: '*.{yaml,yml}',
    generateId: ({ entry }) => entry.replace(/\.ya?ml$/, ''),
  }),
  schema: ({ image }) => createAuthorSchema(image),
});

export const collections = { posts, authors };
