// Reads a run of the harness (results/latest.json, or the file given) and prints one table:
// our app's figures next to TimelineJS3 and vis-timeline, with the ratio (peer ÷ ours: how many
// times more the peer needs), checks the issue's targets, and writes results/compare.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const file = process.argv[2] ?? 'results/latest.json';
const { meta, runs } = JSON.parse(readFileSync(file, 'utf8'));
const median = (xs) => {
  // Infinity stands for "did not finish" and sorts last; NaN and missing values are left out.
  const v = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  return v.length ? (v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : null;
};
const PEERS = [['timelinejs', 'TimelineJS3'], ['vis-timeline', 'vis-timeline']];
const METRICS = [
  ['ready ms', (r) => r.readyMs],
  ['JS heap MB', (r) => r.heapUsedMB],
  ['DOM elements (max)', (r) => Math.max(r.domElements ?? 0, r.domAfterInteraction ?? 0) || null],
  ['zoom frame p50 ms', (r) => r.zoom?.frameP50],
  ['zoom frame p95 ms', (r) => (r.zoom?.status === 'ok' ? r.zoom.frameP95 : Infinity)],
  ['zoom long tasks', (r) => r.zoom?.longTasks],
  ['zoom longest task ms', (r) => r.zoom?.longTaskMax],
  ['pan frame p50 ms', (r) => r.pan?.frameP50],
  ['pan frame p95 ms', (r) => (r.pan?.status === 'ok' ? r.pan.frameP95 : Infinity)],
  ['pan long tasks', (r) => r.pan?.longTasks],
];
const ok = (r) => r.status === 'ok';
const sizes = [...new Set(runs.map((r) => r.n))].sort((a, b) => a - b);
const fmt = (v) => (v === null ? '–' : v === Infinity ? 'did not finish' : Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(1));
const ratio = (peer, ours) => (peer === null || ours === null ? '–' : peer === Infinity ? '∞' : ours === 0 ? (peer === 0 ? '=' : '∞') : `${(peer / ours).toFixed(1)}×`);

const out = { date: new Date().toISOString(), chromium: meta?.browserVersion ?? meta?.chromium ?? null, sizes: {} };
const lines = [`| N | metric | our app | ${PEERS.map(([, l]) => `${l} | ratio`).join(' | ')} |`, `|---:|---|---:|${PEERS.map(() => '---:|---:').join('|')}|`];
for (const n of sizes) {
  const of = (system) => runs.filter((r) => r.system === system && r.n === n);
  const ours = of('our-app').filter(ok);
  out.sizes[n] = {};
  for (const [name, get] of METRICS) {
    const o = median(ours.map(get));
    const cells = PEERS.map(([id]) => {
      const all = of(id);
      if (!all.length) return ['not run', '–'];
      const good = all.filter(ok);
      if (!good.length) return [all.some((r) => r.status === 'timeout') ? 'did not load' : 'skipped', '–'];
      const p = median(good.map(get));
      out.sizes[n][name] = { ...(out.sizes[n][name] ?? { ours: o }), [id]: p };
      return [fmt(p), ratio(p, o)];
    });
    out.sizes[n][name] = { ...(out.sizes[n][name] ?? {}), ours: o };
    lines.push(`| ${n.toLocaleString('en-US')} | ${name} | ${fmt(o)} | ${cells.map((c) => c.join(' | ')).join(' | ')} |`);
  }
}

// Code shipped for the first draw, and the bundled dataset.
const first = runs.find((r) => r.system === 'our-app' && ok(r));
const codeKB = first ? (first.bytes.js.gzip + first.bytes.css.gzip) / 1024 : null;
const peerCode = Object.fromEntries(PEERS.map(([id]) => {
  const r = runs.find((x) => x.system === id && ok(x));
  return [id, r ? (r.bytes.js.gzip + r.bytes.css.gzip) / 1024 : null];
}));
let datasetKB = null;
try {
  datasetKB = gzipSync(readFileSync('../dist/data/events.json'), { level: 9 }).length / 1024;
} catch {
  /* not built */
}
out.codeKB = { ours: codeKB, ...peerCode };
out.bundledDatasetKB = datasetKB;
lines.push('', `JS+CSS for the first draw (gzip -9): ours ${fmt(codeKB)} kB; ${PEERS.map(([id, l]) => `${l} ${fmt(peerCode[id])} kB (${ratio(peerCode[id], codeKB)})`).join('; ')}. Bundled dataset (gzip -9): ${fmt(datasetKB)} kB.`);

// The issue's targets, checked on these figures.
const at = (n, m) => out.sizes[n]?.[m]?.ours ?? null;
const targets = [
  ['first-draw JS+CSS ≤ 60 kB gzip', codeKB !== null && codeKB <= 60],
  ['ready ≤ 1 s at 1,000', at(1000, 'ready ms') !== null && at(1000, 'ready ms') <= 1000],
  ['ready ≤ 2 s at 10,000', at(10000, 'ready ms') !== null && at(10000, 'ready ms') <= 2000],
  ['ready ≤ 5 s at 100,000', at(100000, 'ready ms') !== null && at(100000, 'ready ms') <= 5000],
  ['zoom and pan p95 ≤ 20 ms, no long task, at 10,000', [at(10000, 'zoom frame p95 ms'), at(10000, 'pan frame p95 ms')].every((v) => v !== null && v <= 20) && at(10000, 'zoom long tasks') === 0 && at(10000, 'pan long tasks') === 0],
  ['zoom and pan p95 ≤ 50 ms, no task over 100 ms, at 100,000', [at(100000, 'zoom frame p95 ms'), at(100000, 'pan frame p95 ms')].every((v) => v !== null && v <= 50) && (at(100000, 'zoom longest task ms') ?? 0) <= 100],
  ['DOM elements under 5,000 at every size', sizes.every((n) => (at(n, 'DOM elements (max)') ?? Infinity) < 5000)],
];
out.targets = Object.fromEntries(targets);
lines.push('', ...targets.map(([name, pass]) => `- ${pass ? 'met' : 'NOT MET'}: ${name}`));
console.log(lines.join('\n'));
writeFileSync('results/compare.json', JSON.stringify(out, null, 2));
console.log('\nwritten: bench/results/compare.json');
