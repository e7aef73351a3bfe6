/**
 * A realistic, reproducible archive for the benchmark: N posts of 600 to 900
 * words, one a day back from "now", with headings, lists, links to older posts,
 * citations on some, tags from a shared pool and a picture on a few. The same
 * seed gives the same files, so runs compare like with like.
 *
 * Sources are cited in the text as [@key], research posts carry a review, and
 * the archive comes with the citation lock a studio would have committed
 * (answers matching its citations), so the content check finds it clean.
 */
import { citationKeys } from '../../../src/schema/citation-keys.ts';
import { serialiseLock } from '../../../src/lib/citations/lock.ts';
import type { LockEntry } from '../../../src/lib/citations/record.ts';

export interface CorpusOptions {
  posts: number;
  /** Publication "now": the newest post is dated this day, one post a day before it. */
  now: Date;
  seed?: number;
  /** One post in this many has a hero picture (and one in twice as many a picture in its text). */
  imageEvery?: number;
}

export interface CorpusFile {
  /** Path under the content folder, with forward slashes. */
  path: string;
  text: string;
}

export interface CorpusImage {
  path: string;
  /** Drives the picture's colours, so every picture is different work for the image pipeline. */
  seed: number;
}

export interface Corpus {
  files: CorpusFile[];
  images: CorpusImage[];
  slugs: string[];
  /** Words in each post body, in file order. */
  words: number[];
}

/** mulberry32: small, fast and good enough to vary text. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  'deep tissue massage', 'Thai yoga massage', 'assisted stretching', 'table-top stretch', 'sports recovery',
  'lower back tension', 'neck and shoulder tension', 'hip mobility', 'hamstring flexibility', 'desk posture',
  'sleep and recovery', 'breathing for relaxation', 'foam rolling', 'post-run soreness', 'prenatal massage',
  'hydration after massage', 'stress and the nervous system', 'plantar fascia care', 'golfers and rotation', 'gentle mobility for seniors',
];
const AUDIENCES = ['runners', 'desk workers', 'new parents', 'golfers', 'seniors', 'beginners', 'nurses', 'teachers', 'dancers', 'cyclists'];
const QUALIFIERS = ['what to expect', 'a beginner’s guide', 'five questions answered', 'what the research says', 'myths and facts', 'how often is enough', 'before and after', 'at home and in the studio'];
const TAGS = [
  'massage', 'recovery', 'stretching', 'thai-massage', 'research', 'mobility', 'sleep', 'stress', 'posture', 'running',
  'golf', 'back-pain', 'neck-pain', 'breathing', 'self-care', 'seniors', 'pregnancy', 'sports', 'flexibility', 'first-visit',
  'orlando', 'longwood', 'hydration', 'desk-work', 'yoga',
];
const NOUNS = [
  'muscle', 'fascia', 'session', 'therapist', 'client', 'stretch', 'breath', 'joint', 'tendon', 'posture', 'routine',
  'shoulder', 'hip', 'spine', 'circulation', 'recovery', 'tension', 'pressure', 'range of motion', 'nervous system',
  'hamstring', 'calf', 'habit', 'week', 'body', 'studio', 'table', 'mat', 'blanket', 'glass of water',
];
const VERBS = ['eases', 'supports', 'loosens', 'calms', 'restores', 'warms', 'lengthens', 'steadies', 'softens', 'releases', 'prepares', 'follows'];
const ADJECTIVES = ['gentle', 'steady', 'slow', 'deep', 'light', 'regular', 'tight', 'tired', 'relaxed', 'focused', 'comfortable', 'short', 'long', 'daily', 'weekly'];
const OPENERS = ['Many clients ask', 'In the studio we notice', 'A common question is', 'Our therapists often explain', 'It helps to remember', 'Research suggests', 'Before your next visit, consider', 'Most people find'];
const HEADINGS = [
  'What to expect', 'Why it helps', 'What the research says', 'How often is enough', 'Before your session', 'After your session',
  'At home between visits', 'Common myths', 'When to skip it', 'Questions clients ask', 'How we do it in the studio', 'A simple routine',
];
const LIST_ITEMS = [
  'Drink a glass of water after your session', 'Tell your therapist about any injury', 'Wear loose, comfortable clothing',
  'Arrive five minutes early to settle in', 'Breathe slowly during each stretch', 'Stop if anything feels sharp or painful',
  'Book a follow-up within two to three weeks', 'Take a short walk the same evening', 'Keep stretches gentle the next day',
  'Note which areas felt tight', 'Ask for lighter or firmer pressure at any time', 'Rest your phone in the locker room',
];
const JOURNALS = ['Science Translational Medicine', 'Journal of Bodywork and Movement Therapies', 'Journal of Athletic Training', 'Complementary Therapies in Medicine', 'Journal of Sports Sciences'];
const SURNAMES = ['Crane', 'Tarnopolsky', 'Weerapong', 'Field', 'Moraska', 'Brysbaert', 'Nelson', 'Behm', 'Page', 'Sherrington', 'Kong', 'Boguszewski'];

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
/** `n` distinct items in random order. */
function sample<T>(r: () => number, items: readonly T[], n: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}
const between = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function sentence(r: () => number): string {
  const parts = [
    `${pick(r, OPENERS)} that a ${pick(r, ADJECTIVES)} ${pick(r, NOUNS)} ${pick(r, VERBS)} the ${pick(r, NOUNS)}`,
    `the ${pick(r, NOUNS)} ${pick(r, VERBS)} a ${pick(r, ADJECTIVES)} ${pick(r, NOUNS)} when the ${pick(r, NOUNS)} is ${pick(r, ADJECTIVES)}`,
    `a ${pick(r, ADJECTIVES)} ${pick(r, NOUNS)} after each ${pick(r, NOUNS)} ${pick(r, VERBS)} your ${pick(r, NOUNS)}`,
    `your ${pick(r, NOUNS)} ${pick(r, VERBS)} as the ${pick(r, ADJECTIVES)} ${pick(r, NOUNS)} settles`,
  ];
  return `${capitalise(pick(r, parts))}.`;
}

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Post i (0 = newest) is dated i days before `now`. */
function postDate(now: Date, i: number): Date {
  return new Date(now.getTime() - i * 86_400_000);
}

interface Citation {
  authors: string[];
  year: number;
  title: string;
  container: string;
  volume: number;
  issue: number;
  pages: string;
  doi: string;
}

function citations(r: () => number, n: number, index: number): Citation[] {
  return Array.from({ length: n }, (_, k) => {
    const first = pick(r, SURNAMES);
    return {
      authors: [`${first}, ${String.fromCharCode(65 + between(r, 0, 25))}.`, `${pick(r, SURNAMES)}, ${String.fromCharCode(65 + between(r, 0, 25))}. ${String.fromCharCode(65 + between(r, 0, 25))}.`],
      year: between(r, 2005, 2025),
      title: `Effects of ${pick(r, TOPICS)} on ${pick(r, NOUNS)} ${pick(r, ['recovery', 'comfort', 'flexibility', 'function'])} in adults`,
      container: pick(r, JOURNALS),
      volume: between(r, 1, 40),
      issue: between(r, 1, 12),
      pages: `${between(r, 1, 300)}–${between(r, 301, 600)}`,
      doi: `10.${between(r, 1000, 9999)}/bench.${index}.${k}`,
    };
  });
}

/** What Crossref would answer for a generated citation: the same facts. */
function lockEntry(c: Citation): LockEntry {
  return {
    status: 'found',
    record: {
      source: 'crossref',
      id: c.doi,
      title: c.title,
      authors: c.authors.map((a) => ({ family: a.split(',')[0]!, given: a.split(',')[1]!.trim() })),
      years: [c.year],
      containers: [c.container],
      volume: String(c.volume),
      issue: String(c.issue),
      pages: c.pages,
    },
  };
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

function frontmatter(fields: {
  title: string;
  description: string;
  author: string;
  date: string;
  tags: string[];
  citations: Citation[];
  image?: { src: string; alt: string } | undefined;
  draft?: boolean;
  review?: { by: string; on: string } | undefined;
}): string {
  const lines = [
    '---',
    `title: ${yamlString(fields.title)}`,
    `description: ${yamlString(fields.description)}`,
    `author: ${fields.author}`,
    `date: ${fields.date}`,
    `tags: [${fields.tags.join(', ')}]`,
  ];
  if (fields.image) lines.push('image:', `  src: ${fields.image.src}`, `  alt: ${yamlString(fields.image.alt)}`);
  if (fields.draft) lines.push('draft: true');
  if (fields.citations.length) {
    lines.push('citations:');
    for (const c of fields.citations) {
      lines.push(
        `  - authors: [${c.authors.map(yamlString).join(', ')}]`,
        `    year: ${c.year}`,
        `    title: ${yamlString(c.title)}`,
        `    container: ${yamlString(c.container)}`,
        `    volume: ${c.volume}`,
        `    issue: ${c.issue}`,
        `    pages: ${yamlString(c.pages)}`,
        `    doi: ${c.doi}`,
      );
    }
  }
  if (fields.review) lines.push(`reviewedBy: ${fields.review.by}`, `lastReviewed: ${fields.review.on}`);
  lines.push('---', '');
  return lines.join('\n');
}

/** The benchmark's licensed therapist, who reviews its research posts (a made-up licence). */
const REVIEWER = 'maya-rivera';
const REVIEWER_CREDENTIALS = 'credentials:\n  - type: Licensed Massage Therapist\n    abbreviation: LMT\n    number: MA00000\n';

export const BENCH_AUTHORS: CorpusFile[] = [
  ['maya-rivera', 'Maya Rivera', 'Licensed massage therapist', 'Maya leads the recovery massage programme at the Orlando studio and writes about sports recovery.'],
  ['james-okafor', 'James Okafor', 'Thai yoga massage practitioner', 'James teaches Thai yoga massage in Longwood and writes about mobility and breathing.'],
  ['lena-park', 'Lena Park', 'Stretch coach', 'Lena runs the table-top stretch sessions and writes about flexibility for desk workers.'],
].map(([id, name, role, bio]) => ({ path: `authors/${id}.yaml`, text: `name: ${name}\nrole: ${role}\nbio: ${bio}\n${id === REVIEWER ? REVIEWER_CREDENTIALS : ''}` }));

const AUTHOR_IDS = BENCH_AUTHORS.map((a) => a.path.replace(/^authors\/|\.yaml$/g, ''));

/** The body of one post: 600 to 900 words in sections, with a list, links to older posts and in-text citations. */
function body(r: () => number, i: number, slugs: readonly string[], cites: Citation[], bodyImage: string | undefined): string {
  // Blocks are added until the target; the last one may overshoot it by a paragraph.
  const target = between(r, 600, 780);
  const headings = sample(r, HEADINGS, HEADINGS.length);
  const out: string[] = [];
  let words = 0;
  const push = (block: string) => {
    out.push(block);
    words += wordCount(block);
  };
  const keys = citationKeys(cites);
  const older = (): string | undefined => (i + 1 < slugs.length ? slugs[between(r, i + 1, Math.min(slugs.length - 1, i + 60))] : undefined);
  let listDone = false;
  for (let s = 0; words < target; s++) {
    if (s > 0 || r() < 0.5) push(`## ${headings[s % headings.length]}`);
    const paragraphs = between(r, 2, 3);
    for (let p = 0; p < paragraphs && words < target; p++) {
      const sentences = Array.from({ length: between(r, 3, 6) }, () => sentence(r));
      const link = older();
      if (link && r() < 0.35) sentences.splice(1, 0, `We wrote more about this in [an earlier post](../${link}/).`);
      if (cites.length && r() < 0.3) {
        const key = pick(r, keys);
        sentences.push(`One study measured this directly [@${key}]; see the [sources](#sources-heading).`);
      }
      if (r() < 0.08) sentences.push('Read the [full guidance](https://www.nccih.nih.gov/health/massage-therapy-what-you-need-to-know) from the NIH.');
      push(sentences.join(' '));
    }
    if (!listDone && s >= 1) {
      const ordered = r() < 0.4;
      const items = sample(r, LIST_ITEMS, between(r, 3, 6)).map((item, k) => `${ordered ? `${k + 1}.` : '-'} ${item}.`);
      push(items.join('\n'));
      listDone = true;
    }
    if (s === 1 && r() < 0.3) push(`### ${capitalise(pick(r, TOPICS))}`);
    if (bodyImage && s === 1) push(`![A therapist working on a client's ${pick(r, NOUNS)} in the studio](${bodyImage})`);
  }
  // Every source is cited at least once, as the content check requires.
  if (keys.length) out.push(`The studies behind this post are listed below [${keys.map((k) => `@${k}`).join('; ')}].`);
  return out.join('\n\n');
}

export function generateCorpus(options: CorpusOptions): Corpus {
  const r = rng(options.seed ?? 20261127);
  const imageEvery = options.imageEvery ?? 50;
  const n = options.posts;
  // Slugs first, so posts can link to older ones.
  const seen = new Set<string>();
  const titles: string[] = [];
  const slugs: string[] = [];
  for (let i = 0; i < n; i++) {
    const topic = capitalise(pick(r, TOPICS));
    const audience = pick(r, AUDIENCES);
    const qualifier = pick(r, QUALIFIERS);
    // Titles stay within the 60 characters search results show, as the content check advises.
    const full = `${topic} for ${audience}: ${qualifier}`;
    const title = full.length <= 60 ? full : `${topic}: ${qualifier}`;
    let slug = title.toLowerCase().replace(/’/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    if (seen.has(slug)) slug = `${slug}-${i}`;
    seen.add(slug);
    titles.push(title);
    slugs.push(slug);
  }

  const files: CorpusFile[] = [...BENCH_AUTHORS];
  const lock: Record<string, LockEntry> = {};
  const images: CorpusImage[] = [];
  const words: number[] = [];
  for (let i = 0; i < n; i++) {
    const date = isoDay(postDate(options.now, i));
    const slug = slugs[i]!;
    const tags = [...new Set(Array.from({ length: between(r, 1, 4) }, () => pick(r, TAGS)))];
    const cites = r() < 0.3 ? citations(r, between(r, 1, 3), i) : [];
    let image: { src: string; alt: string } | undefined;
    if (i % imageEvery === 3) {
      const file = `images/hero-${i}.jpg`;
      images.push({ path: `posts/${file}`, seed: i });
      image = { src: `./${file}`, alt: `The ${pick(r, ['Orlando', 'Longwood'])} studio set up for a ${pick(r, TOPICS)} session` };
    }
    let bodyImage: string | undefined;
    if (i % (imageEvery * 2) === 7) {
      const file = `images/body-${i}.jpg`;
      images.push({ path: `posts/${file}`, seed: i + 100_000 });
      bodyImage = `./${file}`;
    }
    const long = `${titles[i]}. ${sentence(r)} ${sentence(r)}`;
    // Within the 155 characters search results show, as the content check advises.
    const description = long.length <= 150 ? long : `${long.slice(0, 150).replace(/[\s,.;:]+\S*$/, '')}.`;
    const text = body(r, i, slugs, cites, bodyImage);
    words.push(wordCount(text));
    files.push({
      path: `posts/${date}-${slug}.md`,
      text:
        frontmatter({
          title: titles[i]!,
          description,
          author: pick(r, AUTHOR_IDS),
          date,
          tags,
          citations: cites,
          image,
          // Reviewed on publication, and again within the last half year for older posts: a well-kept archive.
          review: tags.includes('research') ? { by: REVIEWER, on: isoDay(postDate(options.now, Math.min(i, 180))) } : undefined,
        }) +
        text +
        '\n',
    });
    for (const c of cites) lock[`doi:${c.doi}`] = lockEntry(c);
  }
  // One draft and one scheduled post, as a real archive has: they must stay out of every output.
  const extra = (offsetDays: number, draft: boolean, name: string) => {
    const date = isoDay(postDate(options.now, offsetDays));
    files.push({
      path: `posts/${date}-${name}.md`,
      text:
        frontmatter({
          title: `Upcoming: ${name.replace(/-/g, ' ')}`,
          description: 'A post that is not public yet, so the benchmark builds what a real archive holds.',
          author: AUTHOR_IDS[0]!,
          date,
          tags: ['massage'],
          citations: [],
          draft,
        }) + `${sentence(r)}\n`,
    });
  };
  extra(-3, false, 'bench-scheduled-post');
  extra(1, true, 'bench-draft-post');
  files.push({ path: 'citations.lock.json', text: serialiseLock({ entries: lock }) });
  return { files, images, slugs, words };
}
