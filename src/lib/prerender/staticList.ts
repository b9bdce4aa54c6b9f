import { formatCivilRange, formatMonth } from '../data/dates.ts';
import type { Dataset } from '../data/types.ts';
import { safeHttpUrl } from '../data/validate.ts';

/**
 * The record as plain HTML, built into index.html so a reader without JavaScript (or a search
 * engine) still gets every event with its sources. The app replaces it when it starts.
 * This is the one place that writes HTML from data, so everything goes through escapeHtml.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function staticListHtml(dataset: Dataset, locale = 'en-US'): string {
  const parts: string[] = [
    `<div class="static-record">`,
    `<h1>${escapeHtml(dataset.title)}</h1>`,
    dataset.description ? `<p>${escapeHtml(dataset.description)}</p>` : '',
    `<p>This is the text version of the timeline: ${dataset.events.length} events in time order, each with its sources.</p>`,
  ];
  let month = '';
  for (const e of dataset.events) {
    const m = formatMonth(e.span.start, locale);
    if (m !== month) {
      parts.push(`${month ? '</ol>' : ''}<h2>${escapeHtml(m)}</h2><ol>`);
      month = m;
    }
    const sources = e.sources
      .map((s) => {
        const href = safeHttpUrl(s.url);
        const title = escapeHtml(s.title);
        const link = href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${title}</a>` : title;
        return `<li>${escapeHtml(s.publisher)}: ${link}</li>`;
      })
      .join('');
    parts.push(
      `<li data-event-id="${escapeHtml(e.id)}"><p><time datetime="${escapeHtml(e.date)}">${escapeHtml(formatCivilRange(e.when, e.until, locale))}</time>: <strong>${escapeHtml(e.title)}</strong></p>` +
        `<p>${escapeHtml(e.summary)}</p><ul>${sources}</ul></li>`,
    );
  }
  if (month) parts.push('</ol>');
  parts.push('</div>');
  return parts.join('');
}
