// The search page's only script. Pagefind's index is fetched from this site
// (nothing from elsewhere) the first time someone searches. Results are built
// from text nodes; the status line is a live region, so screen readers hear
// how many posts were found without losing their place in the search box.
import { excerptParts, resultsMessage } from '../lib/search.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const form = document.querySelector<HTMLFormElement>('form[data-search]');
const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const MAX_RESULTS = 20;

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ form!.dataset.search!) as Promise<Pagefind>).then(async (pf) => {
    // Pages are indexed under their full address, base path included
    // (src/integrations/search-index.ts), so Pagefind must not add its own.
    await pf.options({ baseUrl: '/' });
    return pf;
  });
  return pagefind;
}

async function render(query: string, live: boolean): Promise<void> {
  if (!list || !status) return;
  const q = query.trim();
  if (!q) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  let found;
  try {
    const pf = await loadPagefind();
    // While typing, Pagefind drops superseded searches (null) so results never arrive out of order.
    found = live ? await pf.debouncedSearch(q, {}, 250) : await pf.search(q);
  } catch {
    status.textContent = 'Search is not available right now. Browse the topics or the archive instead.';
    return;
  }
  if (!found) return;
  const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
  list.replaceChildren(
    ...data.map((d) => {
      const li = document.createElement('li');
      const h = document.createElement('h2');
      const a = document.createElement('a');
      a.href = d.url;
      a.textContent = d.meta.title ?? d.url;
      h.append(a);
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
      li.append(h, p);
      return li;
    }),
  );
  status.textContent = resultsMessage(q, found.results.length);
}

if (form && input) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value.trim());
    history.replaceState(null, '', url);
    void render(input.value, false);
  });
  input.addEventListener('input', () => void render(input.value, true));
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void render(initial, false);
  }
}
