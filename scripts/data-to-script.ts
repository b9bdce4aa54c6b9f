// Writes the data/events.js twin of a dataset, for pages embedded in a sandboxed iframe without
// allow-same-origin (where fetch() of data/events.json needs CORS and a <script> does not).
// The same wrapping the build uses. Usage:
//   npx tsx scripts/data-to-script.ts dist/data/events.json > dist/data/events.js
import { readFileSync } from 'node:fs';
import { dataAsScript } from '../build/site.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx scripts/data-to-script.ts path/to/events.json > path/to/events.js');
  process.exit(2);
}
process.stdout.write(dataAsScript(readFileSync(file, 'utf8')));
