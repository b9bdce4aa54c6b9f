// Writes the data/events.js twin of a dataset, for pages embedded in a sandboxed iframe without
// allow-same-origin (where fetch() of data/events.json needs CORS and a <script> does not).
// Usage: node scripts/data-to-script.mjs dist/data/events.json > dist/data/events.js
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/data-to-script.mjs path/to/events.json > path/to/events.js');
  process.exit(2);
}
const json = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
JSON.parse(json); // refuse to wrap anything that is not JSON
process.stdout.write(`self.__DEPORTATION_TIMELINE_DATA__ = ${json.trim()};\n`);
