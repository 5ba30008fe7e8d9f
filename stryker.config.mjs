// Mutation testing (`npm run test:mutation`): Stryker changes the code one
// small piece at a time (a `<` into `<=`, a condition into `true`, a string
// into "") and runs the unit tests that reach it; a change no test notices
// is a "survivor". How to run it, the score and the survivors that are
// left on purpose: docs/mutation-testing.md.
//
// Stryker, its plugins and the TypeScript 5 its checker needs live in
// tools/mutation (their own package.json and lockfile): the project itself
// type-checks with TypeScript 7, which has no JavaScript compiler API.
import { existsSync, readdirSync } from 'node:fs';

/**
 * Modules outside src/core with a colocated unit test (`name.test.ts` next
 * to `name.ts`/`name.tsx`): the rest of those folders are glue to browser
 * APIs that only the browser tests exercise, where every mutant would
 * survive the unit tests and say nothing.
 */
function testedModules(folder) {
  return readdirSync(folder, { recursive: true })
    .filter((file) => /\.tsx?$/.test(file) && !/\.(test|probe)\.ts$/.test(file))
    .filter((file) => existsSync(`${folder}/${file.replace(/\.tsx?$/, '.test.ts')}`))
    .map((file) => `${folder}/${file}`);
}

/**
 * MUTATION_PART=core or MUTATION_PART=rest runs one half (src/core, or the
 * tested modules elsewhere), with its own record and report: the weekly
 * workflow runs the two side by side, as a run of everything from nothing
 * is longer than one job may take. Unset, both.
 */
const part = process.env.MUTATION_PART;
if (part !== undefined && part !== 'core' && part !== 'rest') throw new Error(`MUTATION_PART must be core or rest, not ${part}`);
const suffix = part ? `-${part}` : '';

export default {
  mutate: [
    ...(part === 'rest' ? [] : ['src/core/**/*.ts']),
    ...(part === 'core' ? [] : [...testedModules('src/background'), ...testedModules('src/content'), ...testedModules('src/ui')]),
    '!**/*.test.ts',
    // Run in a child process by automaton.test.ts, where Stryker cannot switch mutants.
    '!**/*.probe.ts',
    // Data, not logic: the tooltip's words in each language and the topic
    // vocabulary. A mutant there changes one word; tests would have to
    // restate the tables to notice.
    '!src/core/fact-labels.ts',
    '!src/core/fact-labels-hant.ts',
    '!src/core/topic-words.ts',
  ],
  testRunner: 'vitest',
  // The root config's `unit` project without the tests of the CLI in child
  // processes (see the file); never the corpus, e2e or firefox projects.
  vitest: { configFile: 'tools/mutation/vitest.config.ts' },
  // The TypeScript checker (TypeScript 5.9 from tools/mutation) counts a
  // mutant that does not compile as a "compile error" instead of running it.
  // It is off by default: it type-checks the whole program again for each
  // mutant, about 3.3 s each here (148 mutants of dataset-staleness.ts took
  // 8 minutes), hours for the whole run. Turn it on for a few files:
  //   npm run test:mutation -- --checkers typescript --mutate src/core/ru-inflect.ts
  checkers: [],
  tsconfigFile: 'tools/mutation/tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Static mutants (in code run once as a module loads: the valibot
  // schemas, lookup tables, top-level regular expressions) need a fresh
  // test worker and every test each: 36 % of the mutants but over 90 % of
  // the run (about three hours here). They are left out ("ignored", not
  // counted in the score); the tests of the schemas and tables still run.
  ignoreStatic: true,
  concurrency: 2,
  // A mutant that makes a loop endless is stopped after its tests' normal
  // time × 1.5 + 5 s, and counted as killed ("timeout").
  timeoutMS: 5_000,
  // Only the mutants in changed code (or whose tests changed) run again;
  // the record of the last run is git-ignored (reports/ in .gitignore).
  // `npm run test:mutation -- --force` runs everything.
  incremental: true,
  incrementalFile: `reports/mutation/stryker-incremental${suffix}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/mutation${suffix}.html` },
  jsonReporter: { fileName: `reports/mutation/mutation${suffix}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  // The sandbox Stryker copies the project into needs the sources, the
  // dataset and the unit tests, not builds, browser tests or docs.
  ignorePatterns: [
    'dist',
    'dist-*',
    'test-results',
    'docs',
    'tests/e2e',
    'tests/firefox',
    'tests/fixtures-drafts',
    'packages',
    '.ci',
    'tools/mutation/node_modules',
    // Other runs' sandboxes and records, when runs of single modules go side
    // by side (each with its own --tempDirName and --incrementalFile).
    '.stryker-tmp*',
    'reports',
  ],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
