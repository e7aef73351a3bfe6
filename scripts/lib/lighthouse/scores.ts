/**
 * Lighthouse's answer for one page, reduced to what the budget needs: the four category
 * scores as Lighthouse shows them (0–100), and, for each category, the audits that cost
 * points, so a score under budget comes with its reasons.
 */
import type { Result } from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The three categories whose scores do not depend on the machine's speed. */
export const STEADY_CATEGORIES = ['accessibility', 'best-practices', 'seo'] as const satisfies readonly Category[];

export const PRESETS = ['mobile', 'desktop'] as const;
export type Preset = (typeof PRESETS)[number];

/** Issue 15: 100 everywhere, except performance on a (simulated, throttled) phone, which may be 98. */
export const BUDGETS: Record<Preset, Record<Category, number>> = {
  mobile: { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 },
  desktop: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 },
};

export interface LostPoints {
  id: string;
  title: string;
  /** The audit's own score, 0–100. */
  score: number;
  /** Lighthouse's short figure for it, such as "2.1 s", when it has one. */
  value?: string | undefined;
}

export interface PageScores {
  /** What the page is: home, post, tag, 404. */
  page: string;
  /** Its address under the site's base. */
  path: string;
  preset: Preset;
  /** The categories Lighthouse was asked for. */
  measured: Category[];
  /** Their scores, 0–100; a category Lighthouse could not score is missing. */
  scores: Partial<Record<Category, number>>;
  /** Per measured category: the audits that count towards it and did not score full marks. */
  lost: Partial<Record<Category, LostPoints[]>>;
  /** What the page loaded from anywhere but its own site (Lighthouse's network-requests audit), which must be nothing. */
  offsite: string[];
}

/** Addresses in Lighthouse's list of the page's requests that are not on the page's own origin (data: and blob: URLs aside). */
function offsiteRequests(lhr: Result): string[] {
  const details = lhr.audits['network-requests']?.details;
  if (!details || details.type !== 'table') return [];
  const origin = new URL(lhr.finalDisplayedUrl).origin;
  return details.items
    .map((item) => item['url'])
    .filter((url): url is string => typeof url === 'string')
    .filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
}

/** A category score as Lighthouse's report shows it. */
const percent = (score: number) => Math.round(score * 100);

export function summarise(lhr: Result, page: string, path: string, preset: Preset): PageScores {
  const scores: PageScores['scores'] = {};
  const lost: PageScores['lost'] = {};
  const measured = CATEGORIES.filter((category) => lhr.categories[category]);
  for (const category of measured) {
    const result = lhr.categories[category]!;
    if (result.score !== null) scores[category] = percent(result.score);
    lost[category] = result.auditRefs
      .filter((ref) => ref.weight > 0)
      .flatMap((ref) => {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 1) return [];
        return [{ id: ref.id, title: audit.title, score: percent(audit.score), value: audit.displayValue }];
      });
  }
  return { page, path, preset, measured, scores, lost, offsite: offsiteRequests(lhr) };
}

export interface Shortfall {
  result: PageScores;
  category: Category;
  /** The score, or undefined when Lighthouse gave none. */
  score: number | undefined;
  budget: number;
}

/** Every measured category under its budget (or left without a score). */
export function shortfalls(results: readonly PageScores[]): Shortfall[] {
  return results.flatMap((result) =>
    result.measured
      .map((category) => ({ result, category, score: result.scores[category], budget: BUDGETS[result.preset][category] }))
      .filter(({ score, budget }) => score === undefined || score < budget),
  );
}

/** One line per shortfall, then the audits that cost the points. */
export function describeShortfalls(list: readonly Shortfall[]): string {
  return list
    .map(({ result, category, score, budget }) => {
      const head = `${result.page} (${result.path}), ${result.preset}: ${category} ${score ?? 'not scored'}, budget ${budget}`;
      const audits = (result.lost[category] ?? []).map((a) => `    ${a.id}: ${a.title} (${a.score}${a.value ? `, ${a.value}` : ''})`);
      return [head, ...audits].join('\n');
    })
    .join('\n');
}

const HEADINGS: Record<Category, string> = {
  performance: 'performance',
  accessibility: 'accessibility',
  'best-practices': 'best practices',
  seo: 'SEO',
};

/**
 * A table of scores, one row per page and preset. Each score is followed by a mark column:
 * `!` when it is under budget; `-` stands for a category not measured, `?` for one without a score.
 */
export function formatTable(results: readonly PageScores[]): string {
  const rows = results.map((r) => ({
    labels: [r.page, r.preset],
    cells: CATEGORIES.map((c) => {
      if (!r.measured.includes(c)) return { text: '-', short: false };
      const score = r.scores[c];
      return { text: String(score ?? '?'), short: score === undefined || score < BUDGETS[r.preset][c] };
    }),
  }));
  const labelWidths = [0, 1].map((i) => Math.max(i ? 'preset'.length : 'page'.length, ...rows.map((r) => r.labels[i]!.length)));
  const cellWidths = CATEGORIES.map((c, i) => Math.max(HEADINGS[c].length, ...rows.map((r) => r.cells[i]!.text.length)));
  const line = (labels: string[], cells: string[]) =>
    [...labels.map((l, i) => l.padEnd(labelWidths[i]!)), ...cells.map((c, i) => c.padStart(cellWidths[i]! + 2))].join('  ').trimEnd();
  return [
    line(
      ['page', 'preset'],
      CATEGORIES.map((c) => `${HEADINGS[c]}  `),
    ),
    ...rows.map((r) =>
      line(
        r.labels,
        r.cells.map((c) => `${c.text}${c.short ? ' !' : '  '}`),
      ),
    ),
  ].join('\n');
}
