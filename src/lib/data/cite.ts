import { formatCivilDate, formatCivilRange, parseCivilDate } from './dates.ts';
import type { DatasetMeta, TimelineEvent } from './types.ts';
import { locale, t } from '../../i18n/i18n.svelte.ts';
import { localized } from '../../i18n/localize.ts';

/** The page's address without view parameters, keeping `?data=` (which dataset it shows). */
export function pageLink(pageUrl: string): string {
  const url = new URL(pageUrl);
  const keep = url.searchParams.get('data');
  url.search = '';
  url.hash = '';
  if (keep) url.searchParams.set('data', keep);
  return url.href;
}

/** A link that opens the page with one event selected (`?event=<id>`), keeping `?data=`. */
export function eventLink(pageUrl: string, id: string): string {
  const url = new URL(pageLink(pageUrl));
  url.searchParams.set('event', id);
  return url.href;
}

const updatedText = (meta: DatasetMeta) => {
  const d = parseCivilDate(meta.updated);
  return d ? formatCivilDate(d, locale()) : '';
};

export function citeDataset(meta: DatasetMeta, pageUrl: string): string {
  return t('cite.dataset', { publisher: meta.publisher, title: localized(meta, 'title'), updated: updatedText(meta), url: pageLink(pageUrl) });
}

export function citeEvent(meta: DatasetMeta, event: TimelineEvent, pageUrl: string): string {
  return t('cite.event', {
    event: localized(event, 'title'),
    date: formatCivilRange(event.when, event.until, locale()),
    publisher: meta.publisher,
    title: localized(meta, 'title'),
    updated: updatedText(meta),
    url: eventLink(pageUrl, event.id),
  });
}
