/**
 * The sentences that say what the studio offers and where, made from the
 * settings (services, locations) so no page carries a studio's words of its own.
 */

/** "a, b, and c" or "a, b, or c", in the site's language. */
export function listPhrase(items: readonly string[], lang: string, kind: 'and' | 'or'): string {
  return new Intl.ListFormat(lang, { style: 'long', type: kind === 'and' ? 'conjunction' : 'disjunction' }).format(items);
}

function sentenceCase(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

interface OfferSettings {
  lang: string;
  services: readonly string[];
  locations: readonly { name: string }[];
}

/** Under a booking heading: "Massage, Thai yoga massage, and table-top stretch sessions in Orlando and Longwood." */
export function offerLine(site: OfferSettings): string {
  const places = listPhrase(
    site.locations.map((l) => l.name),
    site.lang,
    'and',
  );
  return `${sentenceCase(listPhrase(site.services, site.lang, 'and'))} sessions in ${places}.`;
}

/** The booking page's description: "Book massage, Thai yoga massage, or table-top stretch at <studio> in Orlando or Longwood." */
export function bookingDescription(site: OfferSettings & { title: string }): string {
  const places = listPhrase(
    site.locations.map((l) => l.name),
    site.lang,
    'or',
  );
  return `Book ${listPhrase(site.services, site.lang, 'or')} at ${site.title} in ${places}.`;
}
