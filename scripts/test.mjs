// `npm test`: type check, unit and component tests (in two far-apart time zones), build, and
// browser end-to-end tests against the built site. Stops at the first failing step and ends
// with one summary line computed from vitest's JSON reports, which CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const out = 'test-results';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const vitest = (name, projects, tz) => ({
  name,
  cmd: ['npx', 'vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${out}/${name}.json`],
  env: { TZ: tz },
  report: `${out}/${name}.json`,
});
const steps = [
  { name: 'check', cmd: ['npx', 'svelte-check', '--fail-on-warnings', '--tsconfig', './tsconfig.json'] },
  vitest('unit-los-angeles', ['unit', 'component'], 'America/Los_Angeles'),
  vitest('unit-kiritimati', ['unit'], 'Pacific/Kiritimati'),
  { name: 'build', cmd: ['npx', 'vite', 'build'] },
  vitest('e2e', ['e2e'], 'UTC'),
];

let failedStep = null;
for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}`);
  const r = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', env: { ...process.env, ...step.env } });
  if (r.status !== 0) {
    failedStep = step.name;
    break;
  }
}

let passed = 0;
let failed = 0;
for (const step of steps.filter((s) => s.report)) {
  try {
    const report = JSON.parse(readFileSync(step.report, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } catch {
    /* the step did not run */
  }
}
if (failedStep) console.log(`\nstep failed: ${failedStep}`);
console.log(`vitest: ${passed} passed, ${failed} failed`);
process.exit(failedStep || failed ? 1 : 0);
