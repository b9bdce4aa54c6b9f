import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importDataset } from '../../../src/lib/data/import/importDataset.ts';
import { hintFor, isInvalid, reportJSON, reportText } from '../../../src/lib/data/import/report.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => `tests/fixtures/import/${name}`;

/** Runs the script as a newsroom would: `npx tsx scripts/validate.ts FILE [--json]`. */
function validate(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/validate.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scripts/validate.ts', { timeout: 60_000 }, () => {
  it('exits 0 on a valid file and says OK', () => {
    const r = validate('public/template.csv');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('public/template.csv (csv): 2 events valid, 0 left out, 0 notes\nOK\n');
  });

  it('exits 0 when there are only notes (nothing left out)', () => {
    const r = validate(fixture('timelinejs-proto.json'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\(timelinejs\): 2 events valid, 0 left out, 1 notes/);
    expect(r.stdout).toMatch(/note {4} {2}dataset {2}kind: 2 events have no kind/);
  });

  it('exits 1 and names the row, field, problem and a hint', () => {
    const r = validate(fixture('timelinejs-sheet.csv'));
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('tests/fixtures/import/timelinejs-sheet.csv (csv): 3 events valid, 2 left out, 4 notes');
    expect(lines).toContain('LEFT OUT  row 5  Day: 2025-02-30 is not a real date (Year 2025, Month 2, Day 30); the row was left out');
    expect(lines).toContain('LEFT OUT  row 9 (no-link)  sources: needs at least one source');
    expect(lines[lines.indexOf('LEFT OUT  row 9 (no-link)  sources: needs at least one source') + 1]).toMatch(/^ +hint: give each event an http\(s\) link/);
    expect(lines.at(-2)).toBe('INVALID');
  });

  it('prints a machine-readable report with --json', () => {
    const r = validate(fixture('native.csv'), '--json');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ file: fixture('native.csv'), valid: false, format: 'csv', events: 3, eras: 0 });
    expect(report.problems).toContainEqual({
      where: 'row 5', field: '(row)', skipped: true,
      message: 'has 24 cells but the header has 22 columns (a comma in a cell without quotes?); the row was left out rather than read shifted',
      hint: 'put cells that contain commas, quotes or line breaks in double quotes',
    });
  });

  it('exits 1 with the reason on a file that is not data, or cannot be read', () => {
    const notData = validate(fixture('not-data.txt'));
    expect(notData.status).toBe(1);
    expect(notData.stdout).toMatch(/^tests\/fixtures\/import\/not-data\.txt: ERROR The data file is neither JSON nor a CSV/);
    const missing = validate(fixture('no-such-file.json'), '--json');
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ valid: false, error: expect.stringMatching(/cannot read .*ENOENT/) });
  });

  it('exits 2 with usage when not given exactly one file', () => {
    const r = validate();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: npx tsx scripts\/validate\.ts FILE \[--json\]/);
  });
});

describe('report', () => {
  it('hints by field', () => {
    const p = (field: string) => ({ where: 'x', field, message: '', skipped: true });
    expect(hintFor(p('Day'))).toMatch(/YYYY-MM-DD/);
    expect(hintFor(p('start_date.day'))).toMatch(/YYYY-MM-DD/);
    expect(hintFor(p('sources[0].url'))).toMatch(/http\(s\) link/);
    expect(hintFor(p('kind'))).toMatch(/error, ruling, statement, policy/);
    expect(hintFor(p('summary'))).toMatch(/summary/);
    expect(hintFor(p('whatever'))).toBeUndefined();
  });

  it('is invalid only when something is left out or the file is unreadable', () => {
    expect(isInvalid(importDataset('nonsense'))).toBe(true);
    const csv = 'date,title,summary,source_url\n2025,T,S.,https://example.org/a\n';
    expect(isInvalid(importDataset(csv))).toBe(false);
    expect(isInvalid(importDataset(csv + '2025-02-30,U,S.,https://example.org/b\n'))).toBe(true);
  });

  it('formats an unreadable file in both forms', () => {
    const r = importDataset('');
    expect(reportText('f', r)).toBe('f: ERROR The data file is empty.\n');
    expect(reportJSON('f', r)).toEqual({ file: 'f', valid: false, error: 'The data file is empty.', problems: [] });
  });
});
