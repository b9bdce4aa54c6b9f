import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import App from '../../src/App.svelte';
import EventDetail from '../../src/components/EventDetail.svelte';
import EventList from '../../src/components/EventList.svelte';
import Legend from '../../src/components/Legend.svelte';
import ProblemsNotice from '../../src/components/ProblemsNotice.svelte';
import { validateDataset } from '../../src/lib/data/validate.ts';
import { setLang } from '../../src/i18n/i18n.svelte.ts';
import { dataset, event } from '../fixtures/make.ts';

function events(raw: unknown[]) {
  const r = validateDataset(dataset(raw));
  if (!r.ok) throw new Error(r.message);
  return r.dataset.events;
}

describe('EventDetail', () => {
  const [e] = events([
    event('a', '2025-03', {
      kind: 'error',
      people: ['Ana Pérez', 'ICE'],
      place: 'Phoenix, Arizona',
      court: 'U.S. District Court for the District of Arizona',
      case: 'Pérez v. Noem',
      quote: 'It was a mistake.',
      quote_by: 'A. Official, DHS',
      sources: [
        { publisher: 'Example News', title: 'First story', url: 'https://example.org/1', date: '2025-03-04' },
        { publisher: 'Associated Press', title: 'Second story', url: 'https://example.org/2', via: 'Local Paper' },
      ],
    }),
  ]);

  it('shows every field, the date at its precision and safe links', () => {
    render(EventDetail, { event: e!, story: [], threadTitle: 'Case A', citation: 'CITE', permalink: 'https://site.example/?event=a', previous: null, next: null, onselect: vi.fn(), onclose: vi.fn() });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Event a');
    expect(screen.getByText('March 2025')).toBeTruthy();
    expect(screen.getByText('Wrongful removal or detention')).toBeTruthy();
    expect(screen.getByText('Ana Pérez; ICE')).toBeTruthy();
    expect(screen.getByText('Pérez v. Noem')).toBeTruthy();
    expect(screen.getByText('It was a mistake.')).toBeTruthy();
    expect(screen.getByText('— A. Official, DHS')).toBeTruthy();
    const links = screen.getAllByRole('link').filter((a) => a.getAttribute('target') === '_blank');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/1', 'https://example.org/2']);
    expect(screen.getByRole('link', { name: 'Link to this event' }).getAttribute('href')).toBe('https://site.example/?event=a');
    expect(screen.getByText('CITE')).toBeTruthy();
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(screen.getByText(/via Local Paper/)).toBeTruthy();
    expect(screen.getByText('March 4, 2025')).toBeTruthy();
  });

  it('steps and closes', async () => {
    const [p, , n] = events([event('p', '2025-01-01'), event('x', '2025-02-01'), event('n', '2025-03-01')]);
    const onselect = vi.fn();
    const onclose = vi.fn();
    render(EventDetail, { event: e!, story: [], threadTitle: 'Case A', citation: 'CITE', permalink: 'https://site.example/?event=a', previous: p!, next: n!, onselect, onclose });
    await fireEvent.click(screen.getByRole('button', { name: /Previous event/ }));
    await fireEvent.click(screen.getByRole('button', { name: /Next event/ }));
    expect(onselect.mock.calls).toEqual([['p'], ['n']]);
    await fireEvent.keyDown(screen.getByRole('heading', { level: 2 }), { key: 'Escape' });
    await fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onclose).toHaveBeenCalledTimes(2);
  });

  it("shows the editors' notes (marked as English) and the date of the last update", () => {
    const [x] = events([event('x', '2025-01-01', { notes: 'AP says May 8; the Guardian says May 7.', updated: '2026-11-29' })]);
    const { container } = render(EventDetail, { event: x!, story: [], threadTitle: 'Case A', citation: 'C', permalink: 'https://s.example/?event=x', previous: null, next: null, onselect: vi.fn(), onclose: vi.fn() });
    const notes = container.querySelector('details.notes')!;
    expect(notes.querySelector('summary')!.textContent).toBe('Notes on dates and sources');
    expect(notes.hasAttribute('open')).toBe(false);
    const text = notes.querySelector('p')!;
    expect(text.getAttribute('lang')).toBe('en');
    expect(text.textContent).toBe('AP says May 8; the Guardian says May 7.');
    expect(screen.getByText('Last updated November 29, 2026')).toBeTruthy();
    setLang('es');
    try {
      flushSync();
      expect(notes.querySelector('summary')!.textContent).toBe('Notas sobre fechas y fuentes (en inglés)');
      expect(screen.getByText('Última actualización: 29 de noviembre de 2026')).toBeTruthy();
    } finally {
      setLang('en');
    }
  });

  it('leaves out notes and the update line when the event has neither', () => {
    const [x] = events([event('x', '2025-01-01')]);
    const { container } = render(EventDetail, { event: x!, story: [], threadTitle: 'Case A', citation: 'C', permalink: 'https://s.example/?event=x', previous: null, next: null, onselect: vi.fn(), onclose: vi.fn() });
    expect(container.querySelector('details.notes')).toBeNull();
    expect(container.querySelector('.updated')).toBeNull();
  });

  it('renders markup in data as text', () => {
    const [x] = events([event('x', '2025-01-01', { title: '<img src=x onerror=alert(1)>', summary: '<script>alert(1)</script>' })]);
    const { container } = render(EventDetail, { event: x!, story: [], threadTitle: 'Case A', citation: 'CITE', permalink: 'https://site.example/?event=x', previous: null, next: null, onselect: vi.fn(), onclose: vi.fn() });
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByText('<script>alert(1)</script>')).toBeTruthy();
  });
});

describe('EventDetail: the thread story and search highlights', () => {
  it('lists the thread in order, marks the current event and opens the others', async () => {
    const story = events([event('s1', '2025-01-01'), event('s2', '2025-02-01', { title: 'Ábrego hearing' }), event('s3', '2025-03-01')]);
    const onselect = vi.fn();
    const { container } = render(EventDetail, {
      event: story[1]!, story, threadTitle: 'Case A', terms: ['abrego'], citation: 'C', permalink: 'https://s.example/?event=s2',
      previous: story[0]!, next: story[2]!, onselect, onclose: vi.fn(),
    });
    expect(screen.getByText('3 events in “Case A”')).toBeTruthy();
    const items = [...container.querySelectorAll('.story li')];
    expect(items.map((li) => li.querySelector('time')!.textContent)).toEqual(['January 1, 2025', 'February 1, 2025', 'March 1, 2025']);
    expect(items[1]!.querySelector('[aria-current="step"]')).toBeTruthy();
    await fireEvent.click(within(items[2] as HTMLElement).getByRole('button'));
    expect(onselect).toHaveBeenCalledWith('s3');
    // "abrego" finds and marks "Ábrego" in the heading.
    expect(container.querySelector('h2 mark')!.textContent).toBe('Ábrego');
  });
});

describe('EventList', () => {
  it('groups events under month headings, in order, with their sources', async () => {
    const list = events([event('a', '2025-01-05'), event('b', '2025-01-20'), event('c', '2025-03')]);
    const onselect = vi.fn();
    // `props:` explicitly: `events` is also the name of a Svelte component option.
    const { container } = render(EventList, {
      props: { events: list, total: 10, window: { start: Date.UTC(2025, 0, 1), end: Date.UTC(2025, 3, 1) }, selectedId: null, onselect },
    });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['January 2025', 'March 2025']);
    expect([...container.querySelectorAll('[data-event-id]')].map((li) => li.getAttribute('data-event-id'))).toEqual(['a', 'b', 'c']);
    expect(screen.getByText(/3 of 10 events/)).toBeTruthy();
    const item = container.querySelector('[data-event-id="c"]') as HTMLElement;
    expect(within(item).getByRole('link').getAttribute('href')).toBe('https://example.org/c');
    await fireEvent.click(within(item).getByRole('button', { name: 'Event c' }));
    expect(onselect).toHaveBeenCalledWith('c');
  });
  it('writes its month headings in the language the reader switches to', () => {
    const list = events([event('a', '2025-01-05'), event('b', '2025-03')]);
    render(EventList, { props: { events: list, total: 2, window: { start: Date.UTC(2025, 0, 1), end: Date.UTC(2025, 3, 1) }, selectedId: null, onselect: () => {} } });
    try {
      setLang('es');
      flushSync();
      expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['enero de 2025', 'marzo de 2025']);
    } finally {
      setLang('en');
    }
  });

  it('shows a page at a time, and goes back to one page when the events change', async () => {
    const many = events(Array.from({ length: 450 }, (_, i) => event(`e${i}`, `2025-${String(1 + (i % 12)).padStart(2, '0')}-01`)));
    const props = { events: many, total: 450, window: { start: Date.UTC(2025, 0, 1), end: Date.UTC(2026, 0, 1) }, selectedId: null, onselect: () => {} };
    const { container, rerender } = render(EventList, { props });
    expect(container.querySelectorAll('[data-event-id]').length).toBe(200);
    await fireEvent.click(screen.getByRole('button', { name: /200/ }));
    expect(container.querySelectorAll('[data-event-id]').length).toBe(400);
    await rerender({ ...props, events: many.slice(0, 300) });
    expect(container.querySelectorAll('[data-event-id]').length).toBe(200);
  });
});

describe('Legend and ProblemsNotice', () => {
  it('counts events per kind', () => {
    render(Legend, { props: { events: events([event('a', '2025-01-01'), event('b', '2025-01-02', { kind: 'error' })]) } });
    expect(screen.getByText('Court ruling').parentElement!.textContent).toMatch(/Court ruling\s*1/);
    expect(screen.getByText('Policy').parentElement!.textContent).toMatch(/Policy\s*0/);
  });

  it('summarises and lists problems, and can be dismissed', async () => {
    const ondismiss = vi.fn();
    render(ProblemsNotice, {
      shown: 7,
      ondismiss,
      problems: [
        { where: 'events[2]', id: 'x', field: 'date', message: '"2025-02-30" is not a real date', skipped: true },
        { where: 'events[4]', id: 'y', field: 'thread', message: 'unknown', skipped: false },
      ],
    });
    expect(screen.getByText(/7 events shown, 1 skipped, 1 notes/)).toBeTruthy();
    expect(screen.getByText(/is not a real date/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(ondismiss).toHaveBeenCalled();
  });
});

describe('App', () => {
  it('shows an error with Retry, and Retry loads again', async () => {
    let dataCalls = 0;
    const fetchFn = vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url.endsWith('tours.json')) return new Response('', { status: 404 });
      return ++dataCalls === 1 ? new Response('not json', { status: 200 }) : new Response(JSON.stringify(dataset([event('a', '2025-01-01')])), { status: 200 });
    });
    const { container } = render(App, { pageUrl: 'https://site.example/t/index.html', fetchFn, syncUrl: false });
    await vi.waitFor(() => expect(container.querySelector('.app')!.getAttribute('data-state')).toBe('error'));
    expect(fetchFn.mock.calls[0]![0]).toBe('https://site.example/t/data/events.json');
    expect(screen.getByRole('alert').textContent).toMatch(/not valid JSON/);
    await fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await vi.waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Test timeline'));
    expect(dataCalls).toBe(2);
    // The bundled data's tours are looked for next to it; none here, and that is not an error.
    expect(fetchFn.mock.calls.at(-1)![0]).toBe('https://site.example/t/data/tours.json');
    expect(container.querySelector('.notice')).toBeNull();
  });

  it('refuses another origin without fetching', async () => {
    const fetchFn = vi.fn();
    render(App, { pageUrl: 'https://site.example/t/?data=https://evil.example/x.json', fetchFn, syncUrl: false });
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/only be loaded from this site/));
    expect(fetchFn).not.toHaveBeenCalled();
  });
});
