/**
 * Problems in the site settings name the file and line the setting is written
 * on, the field and the fix, like content problems: in src/site.config.ts, in
 * the SITE_SETTINGS_FILE, or the environment variable that set it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldLines } from '../../src/lib/settings/field-lines.ts';
import { SettingsError, settingsProblemLines } from '../../src/lib/settings/problems.ts';
import { siteSchema } from '../../src/schema/site.ts';
import { siteSettings } from '../../src/site.config.ts';
import { FIXTURES, ROOT } from '../support/paths.ts';
import { VALID_SITE_INPUT } from './support/site-input.ts';

const CONFIG_TEXT = `import { x } from './y.ts';
const other = { title: 'not this one' };

const settings: SiteConfigInput = {
  title: 'Studio', // a comment with a { brace
  /* a block comment
     over two lines: with a key */
  'description': "A studio's blog, with a 'quote' and a \\" escaped quote.",
  locations: [
    { name: 'North', bookingUrl: 'https://book.example.com/north' },
    {
      name: 'South',
      hours: [{ days: ['Monday'], opens: '09:00', closes: '08:00' }],
    },
  ],
  postsPerPage: 10,
};
`;

describe('fieldLines', () => {
  const lineOf = fieldLines(CONFIG_TEXT, CONFIG_TEXT.indexOf('const settings'));

  it('finds keys written as JavaScript, past comments, quotes and nested lists', () => {
    expect(lineOf(['title'])).toBe(5);
    expect(lineOf(['description'])).toBe(8);
    expect(lineOf(['locations'])).toBe(9);
    expect(lineOf(['locations', 0])).toBe(10);
    expect(lineOf(['locations', 0, 'bookingUrl'])).toBe(10);
    expect(lineOf(['locations', 1])).toBe(11);
    expect(lineOf(['locations', 1, 'name'])).toBe(12);
    expect(lineOf(['locations', 1, 'hours', 0, 'closes'])).toBe(13);
    expect(lineOf(['postsPerPage'])).toBe(16);
  });

  it("gives a field it cannot find the line of its nearest parent, and the object's own line at the top", () => {
    expect(lineOf(['locations', 1, 'phone', 'e164'])).toBe(11);
    expect(lineOf(['palette'])).toBe(4);
    expect(lineOf([])).toBe(4);
  });

  it('reads JSON', () => {
    const json =
      '{\n  "textToBook": {\n    "display": "(555) 010-0199",\n    "e164": "555"\n  },\n  "socials": [\n    { "label": "A", "url": "x" }\n  ]\n}\n';
    const jsonLine = fieldLines(json);
    expect(jsonLine(['textToBook', 'e164'])).toBe(4);
    expect(jsonLine(['socials', 0, 'url'])).toBe(7);
  });
});

describe('settingsProblemLines', () => {
  it('puts each problem where its setting is written', () => {
    const input = {
      ...VALID_SITE_INPUT,
      base: 'blog',
      locations: [
        { name: 'North', bookingUrl: 'https://book.example.com/north' },
        { name: 'South', bookingUrl: 'https://book.example.com/south', hours: [{ days: ['Monday'], opens: '09:00', closes: '08:00' }] },
      ],
      textToBook: { display: '(555) 010-0199', e164: '555' },
      newsletter: { provider: 'buttondown', username: 'studio', colour: 'green' },
    };
    const result = siteSchema.safeParse(input);
    if (result.success) throw new Error('the input was meant to have problems');
    const fileText =
      '{\n  "textToBook": { "display": "(555) 010-0199", "e164": "555" },\n  "newsletter": {\n    "provider": "buttondown",\n    "username": "studio",\n    "colour": "green"\n  }\n}\n';
    const lines = settingsProblemLines(siteSchema, result.error, {
      config: { file: 'src/site.config.ts', text: CONFIG_TEXT, start: CONFIG_TEXT.indexOf('const settings') },
      file: { file: 'settings/site.json', text: fileText, fields: new Set(['textToBook', 'newsletter']) },
      env: new Map([['base', { variable: 'SITE_BASE', value: 'blog' }]]),
    });
    expect(lines.sort()).toEqual([
      'SITE_BASE=blog  base  must start and end with "/", for example "/" or "/blog/"',
      'settings/site.json:2  textToBook → e164  must be the number in international form, like +14075552331',
      // The fields allowed depend on the provider, so none are listed.
      'settings/site.json:6  newsletter → colour  is not a field here. Rename or remove it',
      'src/site.config.ts:13  locations #2 → hours #1 → closes  `closes` must be later than `opens` on the same day',
    ]);
  });
});

describe('siteSettings', () => {
  it('stops with one line a problem, in the settings file and the environment, and no stack to print', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'settings-')), 'site.json');
    writeFileSync(file, '{\n  "relatedPosts": 20,\n  "lang": "English"\n}\n');
    let thrown: unknown;
    try {
      siteSettings({ SITE_SETTINGS_FILE: file, SITE_FEED_ITEMS: '0' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SettingsError);
    expect((thrown as Error).message).toBe(
      [
        'The site settings have problems. Fix these and build again:',
        '',
        `  ${file}:2  relatedPosts  must be at most 12`,
        `  ${file}:3  lang  must be a language tag such as en or en-US`,
        '  SITE_FEED_ITEMS=0  feedItems  must be at least 1',
        '',
      ].join('\n'),
    );
    // Astro prints an error's stack under "Stack trace:"; this message is all a person needs.
    expect((thrown as Error).stack).toBe('');
  });
});

describe('a command started with broken settings', () => {
  it('prints the problems, not an uncaught exception with a stack trace, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'settings-cli-'));
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{\n  "feedItems": 0\n}\n');
    const run = spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'scripts/check.ts')], {
      cwd: ROOT,
      env: { ...process.env, SITE_SETTINGS_FILE: file, CONTENT_DIR: join(FIXTURES, 'content') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}:2  feedItems  must be at least 1`);
    expect(run.stderr).not.toMatch(/node:internal|triggerUncaughtException|^\s+at /m);
  });
});
