// The bundled dataset for Node tools (no bundler, so no import.meta.glob):
// the same entry files, read from disk and assembled the same way.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleDataset, KIND_FOLDERS, type DatasetMeta, type EntryFile } from '../src/core/assemble-dataset';

const HERE = fileURLToPath(new URL('.', import.meta.url));

export function readEntryFiles(dir = join(HERE, 'entries')): EntryFile[] {
  const files: EntryFile[] = [];
  for (const folder of Object.values(KIND_FOLDERS)) {
    for (const name of readdirSync(join(dir, folder)).filter((n) => n.endsWith('.json')).sort()) {
      files.push({ path: `${folder}/${name}`, data: JSON.parse(readFileSync(join(dir, folder, name), 'utf8')) });
    }
  }
  return files;
}

const meta = JSON.parse(readFileSync(join(HERE, 'meta.json'), 'utf8')) as DatasetMeta;
export const bundledDatasetJson: unknown = assembleDataset(meta, readEntryFiles()).json;
