// Checks a data file (our JSON, TimelineJS JSON or CSV) the way the app will read it.
// Usage: npx tsx scripts/validate.ts FILE [--json]. Exit status 1 when anything is left out or
// the file cannot be read, 2 on a usage error, 0 otherwise.
import { readFileSync } from 'node:fs';
import { importDataset } from '../src/lib/data/import/importDataset.ts';
import { isInvalid, reportJSON, reportText } from '../src/lib/data/import/report.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => a !== '--json');
if (files.length !== 1) {
  console.error('usage: npx tsx scripts/validate.ts FILE [--json]');
  process.exit(2);
}
const file = files[0]!;
let body: string;
try {
  body = readFileSync(file, 'utf8');
} catch (e) {
  const message = `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`;
  console.log(json ? JSON.stringify({ file, valid: false, error: message, problems: [] }, null, 2) : message);
  process.exit(1);
}
const result = importDataset(body, file);
process.stdout.write(json ? JSON.stringify(reportJSON(file, result), null, 2) + '\n' : reportText(file, result));
process.exitCode = isInvalid(result) ? 1 : 0;
