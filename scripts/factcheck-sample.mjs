// A seeded, rerunnable random pick of events for a fact-check pass.
// Usage: node scripts/factcheck-sample.mjs [seed] [count]   (defaults: 2025, 30)
import { readFileSync } from 'node:fs';
// The benchmark's seeded generator: small, well known, deterministic.
import { mulberry32 } from '../bench/lib/datagen.mjs';

const seed = Number(process.argv[2] ?? 2025);
const count = Number(process.argv[3] ?? 30);
const { events } = JSON.parse(readFileSync(new URL('../data/events.json', import.meta.url), 'utf8'));

const random = mulberry32(seed);
// Sort by id first so the pick depends on the set of events, not on their order in the file.
const ids = events.map((e) => e.id).sort();
for (let i = ids.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [ids[i], ids[j]] = [ids[j], ids[i]];
}
console.log(ids.slice(0, count).join('\n'));
