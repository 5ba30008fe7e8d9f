// The dataset as it ships inside the extension: every entry file under
// entries/, assembled into one document and validated before use.
import { assembleDataset, type DatasetMeta } from '../src/core/assemble-dataset';
import meta from './meta.json';

const files = import.meta.glob<unknown>('./entries/*/*.json', { eager: true, import: 'default' });

export const bundledDatasetJson: unknown = assembleDataset(
  meta as DatasetMeta,
  Object.entries(files).map(([path, data]) => ({ path: path.replace('./entries/', ''), data })),
).json;
