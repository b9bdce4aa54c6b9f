import { describe, expect, it } from 'vitest';
import { citeDataset, citeEvent, eventLink } from '../../src/lib/data/cite.ts';
import { validateDataset } from '../../src/lib/data/validate.ts';
import { dataset, event } from '../fixtures/make.ts';

const r = validateDataset(dataset([event('ocg-returned', '2025-06-04')]));
if (!r.ok) throw new Error(r.message);

describe('citations and permalinks', () => {
  it('links an event, keeping only the dataset parameter', () => {
    expect(eventLink('https://n.example/t/index.html?data=x.json&zoom=3#top', 'a-b')).toBe('https://n.example/t/index.html?data=x.json&event=a-b');
    expect(eventLink('https://n.example/t/', 'a')).toBe('https://n.example/t/?event=a');
  });

  it('cites the dataset and an event with dates at their precision', () => {
    expect(citeDataset(r.dataset, 'https://n.example/t/?event=q')).toBe('Tests. “Test timeline.” Updated December 31, 2025. https://n.example/t/');
    expect(citeEvent(r.dataset, r.dataset.events[0]!, 'https://n.example/t/')).toBe(
      '“Event ocg-returned” (June 4, 2025). In Tests, “Test timeline.” Updated December 31, 2025. https://n.example/t/?event=ocg-returned',
    );
  });
});
