export interface Page<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pages: number;
  total: number;
  perPage: number;
}

/** Split a list into pages; an empty list is one empty page, so page 1 always exists. */
export function paginate<T>(items: readonly T[], perPage: number): Page<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: pages }, (_, i) => ({
    items: items.slice(i * perPage, (i + 1) * perPage),
    page: i + 1,
    pages,
    total: items.length,
    perPage,
  }));
}

/** What a page of a paginated list needs to link to its neighbours. */
export interface PageNavigation {
  page: number;
  pages: number;
  /** URL of page n. */
  href: (page: number) => string;
}
