// The tests Stryker runs against each mutant: the `unit` project of the
// root vitest.config.ts (its defines and environment, so the two cannot
// drift apart), narrowed to the modules' own tests, with two changes that
// only make the many runs quicker (below). The corpus, e2e and firefox
// projects never run here.
import { readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import root from '../../vitest.config.ts';

const unit = root.test?.projects?.find((project) => typeof project === 'object' && 'test' in project && project.test?.name === 'unit');
if (typeof unit !== 'object' || !('test' in unit)) throw new Error('vitest.config.ts has no `unit` project');

/**
 * dataset/index.ts reads every entry file with `import.meta.glob`: some 250
 * JSON modules, which the test worker loads one by one again on every run,
 * about 1.5 s each time. Stryker runs the tests once per mutant, so here the
 * glob is replaced with the same files' contents in one object literal.
 */
function datasetInOneModule(): Plugin {
  const glob = "import.meta.glob<unknown>('./entries/*/*.json', { eager: true, import: 'default' })";
  return {
    name: 'chiplens-dataset-in-one-module',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('/dataset/index.ts') || !code.includes(glob)) return null;
      const entries = fileURLToPath(new URL('../../dataset/entries', import.meta.url));
      const files: Record<string, unknown> = {};
      for (const kind of readdirSync(entries).sort()) {
        for (const file of readdirSync(`${entries}/${kind}`).sort()) {
          if (file.endsWith('.json')) files[`./entries/${kind}/${file}`] = JSON.parse(readFileSync(`${entries}/${kind}/${file}`, 'utf8'));
        }
      }
      return { code: code.replace(glob, `(${JSON.stringify(files)} as Record<string, unknown>)`), map: null };
    },
  };
}

/**
 * Stryker stops at the first failing test. Vitest runs the slowest test
 * files first (best for a full run), so a mutant that the module's own
 * small test kills would first wait for the slow files that load the whole
 * dataset. Here the file that failed last comes first (it killed the last
 * mutant, usually of the same module), then the quickest.
 */
class QuickFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const state = (file: TestSpecification) => cache.getFileTestResults(`${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`);
    return [...files].sort((a, b) => {
      const [stateA, stateB] = [state(a), state(b)];
      if (!stateA || !stateB) return stateA ? 1 : stateB ? -1 : 0;
      if (stateA.failed !== stateB.failed) return stateA.failed ? -1 : 1;
      return stateA.duration - stateB.duration;
    });
  }
}

export default defineConfig({
  ...unit,
  plugins: [datasetInOneModule()],
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    ...unit.test,
    // Only the modules' own tests (src/**/*.test.ts). Left out: the checks
    // of the dataset and the labelled corpus (dataset/, tests/unit/), which
    // build the name table of every entry (seconds per mutant) and test the
    // data more than the code, and the dataset CLI's tests, which run it in
    // child processes, where Stryker can neither switch nor see a mutant.
    include: ['src/**/*.test.ts'],
    sequence: { sequencer: QuickFirst },
  },
});
