// Optional enhancement: recent dates read "13 hours ago". Without JavaScript the
// absolute date stays, and the absolute date remains in the title either way.
import { relativeAge } from '../lib/format-date.ts';

for (const el of document.querySelectorAll<HTMLTimeElement>('time[data-relative]')) {
  const when = new Date(el.dateTime);
  const age = relativeAge(when, new Date(), document.documentElement.lang || 'en');
  if (age && when.getTime() <= Date.now()) {
    el.title = el.textContent?.trim() ?? '';
    el.textContent = age;
  }
}
