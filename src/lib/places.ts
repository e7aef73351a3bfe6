/**
 * The studios as pages show them: opening hours grouped into readable lines,
 * addresses in one line, and links to call, text and find them. Plain data in,
 * plain data out; the settings' shape is src/schema/site.ts.
 */
import { WEEKDAYS, type Weekday } from '../schema/site.ts';
import { slugify } from '../schema/slug.ts';

export interface Address {
  street: string;
  locality: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface OpeningHours {
  days: Weekday[];
  opens: string;
  closes: string;
}

/** A stable id for a studio, from its name: the anchor on /book/ and its structured data's @id. */
export function placeId(name: string): string {
  return slugify(name) || 'studio';
}

/** "100 Example Avenue, Testville, FL 00001". */
export function addressLine(a: Address): string {
  return `${a.street}, ${a.locality}, ${a.region} ${a.postalCode}`;
}

const SHORT: Record<Weekday, string> = {
  Monday: 'Mon',
  Tuesday: 'Tue',
  Wednesday: 'Wed',
  Thursday: 'Thu',
  Friday: 'Fri',
  Saturday: 'Sat',
  Sunday: 'Sun',
};

/** "Mon–Fri", "Sat", "Mon, Wed, Fri", "Mon–Wed, Fri": runs of three or more days become a range. */
export function dayRange(days: readonly Weekday[]): string {
  const order = [...new Set(days)].map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const i of order) {
    const run = runs.at(-1);
    if (run && run.at(-1) === i - 1) run.push(i);
    else runs.push([i]);
  }
  return runs
    .flatMap((run) => {
      const names = run.map((i) => SHORT[WEEKDAYS[i]!]);
      return run.length >= 3 ? [`${names[0]}–${names.at(-1)}`] : names;
    })
    .join(', ');
}

/** "9 am", "7:30 pm", "noon", "midnight" from "09:00", "19:30", "12:00", "24:00". */
export function clockTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  if (m === 0 && h === 12) return 'noon';
  if (m === 0 && (h === 0 || h === 24)) return 'midnight';
  const hour = h % 12 === 0 ? 12 : h % 12;
  const suffix = h < 12 || h === 24 ? 'am' : 'pm';
  return m === 0 ? `${hour} ${suffix}` : `${hour}:${String(m).padStart(2, '0')} ${suffix}`;
}

export interface HoursLine {
  days: string;
  time: string;
}

/** Opening hours as lines to show, in the order the settings give them. */
export function hoursLines(hours: readonly OpeningHours[]): HoursLine[] {
  return hours.map((h) => ({ days: dayRange(h.days), time: `${clockTime(h.opens)} – ${clockTime(h.closes)}` }));
}

/** A map search for the address (a link people follow; nothing is loaded from the map site). */
export function directionsUrl(a: Address, geo?: { latitude: number; longitude: number }): string {
  const query = geo ? `${geo.latitude},${geo.longitude}` : `${addressLine(a)}, ${a.country}`;
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

/** Two letters for a photo's stand-in: "Fixture North" → "FN", "Orlando" → "O". */
export function initials(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => /^\p{L}/u.test(w));
  return words
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}
