// `npm test`: type check, dataset check, lint, unit tests, the
// recognition eval against its targets, a production build, then the browser
// tests against that build in real Chromium and the release rehearsal (the
// data channel end to end); then the Firefox build, its lint (warnings are
// errors), and its browser tests in Firefox. Stops at the first failure
// and ends with one line counting every test that ran.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';
import { ensureFirefox } from './firefox.mjs';

const bin = (name) => `node_modules/.bin/${name}`;
mkdirSync('test-results', { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
/** Checks of the evaluation corpus against itself, counted apart from the tests of ChipLens. */
const corpus = { passed: 0, failed: 0 };
/** Under CI=true nothing may be skipped: a skipped suite or a missing browser fails the run. */
const strict = process.env.CI === 'true';

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return run.status === 0;
}

function count(reportFile, into = null) {
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    if (into) {
      into.passed += report.numPassedTests;
      into.failed += report.numFailedTests;
      skipped += report.numPendingTests + report.numTodoTests;
      return;
    }
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  } catch {
    // No report: the runner itself failed, which the exit status reports.
  }
}

function vitest(project, into = null) {
  const report = `test-results/${project}.json`;
  const ok = step(`${project} tests`, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  count(report, into);
  return ok;
}

function finish(ok) {
  console.log(`\ncorpus checks: ${corpus.passed} passed, ${corpus.failed} failed`);
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (ok && strict && skipped > 0) {
    console.error(`✖ CI=true: ${skipped} test(s) skipped; every test must run in CI.`);
    process.exit(1);
  }
  process.exit(ok ? 0 : 1);
}

let chrome;
try {
  chrome = ensureChromium();
} catch (error) {
  console.error(`\n✖ ${error.message}`);
  process.exit(1);
}

if (!step('type check', bin('tsc'), ['--noEmit'])) finish(false);
if (!step('dataset check', bin('tsx'), ['scripts/dataset.ts', 'check'])) finish(false);
if (!step('lint (Biome: format and lint; knip: dead code and dependencies; actionlint: workflows)', 'npm', ['run', '-s', 'lint'])) finish(false);
if (!vitest('unit')) finish(false);
if (!vitest('corpus', corpus)) finish(false);
if (!step('recognition eval: dev half at the targets, test half reported', bin('tsx'), ['scripts/eval.ts', '--check'])) finish(false);
if (!step('build', bin('vite'), ['build', '--logLevel', 'warn'])) finish(false);
process.env.CHROME_PATH = chrome;
if (!vitest('e2e')) finish(false);
if (!step('release rehearsal (publish, install, update, refusals)', bin('tsx'), ['scripts/release-rehearsal.ts'])) finish(false);

if (!step('Firefox build', bin('vite'), ['build', '--mode', 'firefox', '--logLevel', 'warn'])) finish(false);
if (!step('Firefox lint (web-ext lint, warnings are errors)', bin('web-ext'), ['lint', '--source-dir', 'dist-firefox', '--warnings-as-errors'])) finish(false);
let firefox;
try {
  firefox = ensureFirefox();
} catch (error) {
  console.error(`\n✖ ${error.message}`);
  finish(false);
}
if (!firefox) {
  console.log('\n⚠ Firefox tests NOT run: no Firefox here. Install it (Debian: sudo apt-get install -y firefox-esr) or set FIREFOX_PATH; CI installs it.');
  // Counted as skipped, so that under CI=true the run fails rather than passing without them.
  skipped += 1;
  finish(true);
}
process.env.FIREFOX_PATH = firefox;
finish(vitest('firefox'));
