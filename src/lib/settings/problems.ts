/**
 * Problems in the site settings, in the words content problems use
 * (`file:line  field  what is wrong; how to fix it`), each at the place the
 * setting was written: src/site.config.ts, the SITE_SETTINGS_FILE, or an
 * environment variable that overrides a field.
 */
import { z } from 'zod';
import { fieldsAt } from '../../schema/introspect.ts';
import { formatProblem, problemsFromZod } from '../content/problems.ts';
import { fieldLines } from './field-lines.ts';

export interface SettingsText {
  /** As messages show it: relative to the project folder. */
  file: string;
  /** Its text, to find lines in; undefined when it could not be read (every problem is then on line 1). */
  text: string | undefined;
  /** Where the settings object starts in the text. */
  start?: number | undefined;
}

export interface SettingsOrigins {
  /** src/site.config.ts: every field nothing below replaces. */
  config: SettingsText;
  /** The SITE_SETTINGS_FILE, with the top-level fields it sets. */
  file?: (SettingsText & { fields: ReadonlySet<string> }) | undefined;
  /** Top-level fields an environment variable sets (`base` ← SITE_BASE), with the value given. */
  env: ReadonlyMap<string, { variable: string; value: string }>;
}

type Issue = z.core.$ZodIssue;

/** An unknown field is about the place it was written, so each one is its own issue. */
function oneIssuePerUnknownField(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys.length > 1 ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue],
  );
}

function topField(issue: Issue): string {
  const first = issue.path[0] ?? (issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined);
  return String(first ?? '');
}

/** One line per problem, for people: where the setting is written, which field, the fix. */
export function settingsProblemLines(schema: z.ZodType, error: z.ZodError, origins: SettingsOrigins): string[] {
  type Place = SettingsText | { variable: string; value: string };
  const groups = new Map<Place, Issue[]>();
  for (const issue of oneIssuePerUnknownField(error.issues)) {
    const field = topField(issue);
    const place: Place = origins.env.get(field) ?? (origins.file?.fields.has(field) ? origins.file : origins.config);
    groups.set(place, [...(groups.get(place) ?? []), issue]);
  }
  const knownKeys = (path: readonly PropertyKey[]) => fieldsAt(schema, path);
  const out: string[] = [];
  for (const [place, issues] of groups) {
    const group = new z.ZodError(issues);
    if ('variable' in place) {
      for (const p of problemsFromZod(place.variable, group, () => 1, knownKeys))
        out.push(`${place.variable}=${place.value}  ${p.field}  ${p.message}`);
      continue;
    }
    const lineOf = place.text === undefined ? () => 1 : fieldLines(place.text, place.start);
    const problems = problemsFromZod(place.file, group, lineOf, knownKeys).sort((a, b) => a.line - b.line);
    out.push(...problems.map(formatProblem));
  }
  return out;
}

/** Settings that cannot be used: the message is the whole story, so it carries no stack for Astro to print. */
export class SettingsError extends Error {
  /** One line per problem, `file:line  field  fix`, for those who show them elsewhere (the publish run's summary and issue). */
  readonly lines: readonly string[];
  constructor(lines: readonly string[]) {
    super(`The site settings have problems. Fix these and build again:\n\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
    this.name = 'SettingsError';
    this.lines = [...lines];
    this.stack = '';
  }
}
