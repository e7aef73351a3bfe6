// The search page's only script. Pagefind's index is fetched from this site
// (nothing from elsewhere) the first time someone searches. A result shows the
// post's title, date and the passage that matched; the post's topics are
// Pagefind filters, offered as buttons that narrow the results to one topic.
// Everything is built from text nodes; the status line is a live region, so
// screen readers hear how many posts were found without losing their place.
import { excerptParts, resultDate, resultsMessage } from '../lib/search.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string };
}
type Found = { results: { data(): Promise<PagefindResultData> }[] } | null;
interface SearchOptions {
  filters?: Record<string, string>;
}
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  search(query: string | null, options?: SearchOptions): Promise<Found>;
  debouncedSearch(query: string, options?: SearchOptions, ms?: number): Promise<Found>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const form = document.querySelector<HTMLFormElement>('form[data-search]');
const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const filterBox = document.querySelector<HTMLFieldSetElement>('[data-search-filters]');
const MAX_RESULTS = 20;
const locale = document.documentElement.lang || 'en';

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ form!.dataset.search!) as Promise<Pagefind>).then(async (pf) => {
    // Pages are indexed under their full address, base path included
    // (src/integrations/steps/search-index.ts), so Pagefind must not add its own.
    await pf.options({ baseUrl: '/', excerptLength: 24 });
    return pf;
  });
  return pagefind;
}

/** The topic the results are narrowed to, if any. */
let tag = new URLSearchParams(location.search).get('tag') ?? '';

function remember(query: string): void {
  const url = new URL(location.href);
  url.searchParams.set('q', query.trim());
  if (tag) url.searchParams.set('tag', tag);
  else url.searchParams.delete('tag');
  history.replaceState(null, '', url);
}

function resultItem(d: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  const h = document.createElement('h2');
  const a = document.createElement('a');
  a.href = d.url;
  a.textContent = d.meta.title ?? d.url;
  h.append(a);
  li.append(h);
  const day = resultDate(d.meta.date, locale);
  if (day) {
    const time = document.createElement('time');
    time.dateTime = d.meta.date!;
    time.textContent = day;
    li.append(time);
  }
  const p = document.createElement('p');
  for (const part of excerptParts(d.excerpt)) {
    if (part.mark) {
      const m = document.createElement('mark');
      m.textContent = part.text;
      p.append(m);
    } else {
      p.append(part.text);
    }
  }
  li.append(p);
  return li;
}

async function render(query: string, live: boolean): Promise<void> {
  if (!list || !status) return;
  const q = query.trim();
  if (!q && !tag) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  let found: Found;
  try {
    const pf = await loadPagefind();
    const options: SearchOptions = tag ? { filters: { tag } } : {};
    // While typing, Pagefind drops superseded searches (null) so results never arrive out of order.
    found = live && q ? await pf.debouncedSearch(q, options, 250) : await pf.search(q || null, options);
  } catch {
    status.textContent = 'Search is not available right now. Browse the topics or the archive instead.';
    return;
  }
  if (!found) return;
  const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
  list.replaceChildren(...data.map(resultItem));
  status.textContent = resultsMessage(q, found.results.length, tag || undefined);
}

/** One button per topic; pressing one narrows the results to it, pressing it again shows all topics. */
async function showFilters(): Promise<void> {
  if (!filterBox || !input) return;
  let tags: string[];
  try {
    tags = Object.keys((await (await loadPagefind()).filters()).tag ?? {}).sort();
  } catch {
    return;
  }
  if (tags.length === 0) return;
  const buttons = tags.map((t) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = `#${t}`;
    b.setAttribute('aria-pressed', String(t === tag));
    b.addEventListener('click', () => {
      tag = tag === t ? '' : t;
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === b && tag !== ''));
      remember(input.value);
      void render(input.value, false);
    });
    return b;
  });
  filterBox.append(...buttons);
  filterBox.hidden = false;
}

if (form && input) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    remember(input.value);
    void render(input.value, false);
  });
  input.addEventListener('input', () => void render(input.value, true));
  const initial = new URLSearchParams(location.search).get('q') ?? '';
  input.value = initial;
  if (initial || tag) void render(initial, false);
  // The topics come with the index: fetched once the reader starts, or at once when the page opens with a search.
  if (initial || tag) void showFilters();
  else input.addEventListener('focus', () => void showFilters(), { once: true });
}
