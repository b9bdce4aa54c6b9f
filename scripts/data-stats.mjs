// Counts for the bundled dataset: by kind, by month and by thread, and the share of events
// with two or more sources, and how many sources are dated or syndicated. Usage: npm run data:stats [-- path/to/events.json]
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? new URL('../data/events.json', import.meta.url);
const { events, threads } = JSON.parse(readFileSync(file, 'utf8'));

function table(title, counts) {
  console.log(`\n${title}`);
  const width = Math.max(...Object.keys(counts).map((k) => k.length));
  for (const [k, n] of Object.entries(counts)) console.log(`  ${k.padEnd(width)}  ${String(n).padStart(4)}`);
}
const countBy = (f) => events.reduce((acc, e) => ((acc[f(e)] = (acc[f(e)] ?? 0) + 1), acc), {});
const sortKeys = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

const sources = events.reduce((n, e) => n + e.sources.length, 0);
const two = events.filter((e) => e.sources.length >= 2).length;
console.log(`${events.length} events, ${threads.length} threads, ${sources} sources`);
console.log(`events with two or more sources: ${two} (${((100 * two) / events.length).toFixed(1)}%)`);
const all = events.flatMap((e) => e.sources);
const dated = all.filter((s) => s.date).length;
console.log(`sources with a publication date: ${dated} of ${all.length}; syndicated copies (via): ${all.filter((s) => s.via).length}`);
console.log(`events with a quote: ${events.filter((e) => e.quote).length}`);
table('by kind', countBy((e) => e.kind));
table('by month', sortKeys(countBy((e) => e.date.slice(0, 7))));
const titles = Object.fromEntries(threads.map((t) => [t.id, t.title]));
table('by thread', Object.fromEntries(Object.entries(countBy((e) => e.thread)).sort(([, a], [, b]) => b - a).map(([k, n]) => [titles[k] ?? k, n])));
