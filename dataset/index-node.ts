// The bundled dataset for Node tools (no bundler, so no import.meta.glob):
// the same entry files, read from disk and assembled the same way.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleDataset, KIND_FOLDERS, type DatasetMeta, type EntryFile } from '../src/core/assemble-dataset.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** The entry files under `dir`, with a problem line for each file that can't be read. */
export function readEntryFiles(dir = join(HERE, 'entries')): { files: EntryFile[]; problems: string[] } {
  const files: EntryFile[] = [];
  const problems: string[] = [];
  const folders = Object.values(KIND_FOLDERS);
  for (const folder of readdirSync(dir).sort()) {
    if (!folders.includes(folder)) {
      problems.push(`dataset/entries/${folder}: unknown folder (expected ${folders.join(', ')})`);
      continue;
    }
    for (const name of readdirSync(join(dir, folder)).sort()) {
      const path = `${folder}/${name}`;
      if (!name.endsWith('.json')) {
        problems.push(`dataset/entries/${path}: only .json entry files belong here`);
        continue;
      }
      try {
        files.push({ path, data: JSON.parse(readFileSync(join(dir, path), 'utf8')) });
      } catch (error) {
        problems.push(`dataset/entries/${path}: not valid JSON (${(error as Error).message})`);
      }
    }
  }
  return { files, problems };
}

export function readMeta(dir = HERE): DatasetMeta {
  return JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as DatasetMeta;
}

/** The assembled dataset, read when asked for (the dataset tools import this module only for its readers). */
export function loadBundledDatasetJson(): unknown {
  return assembleDataset(readMeta(), readEntryFiles().files).json;
}
