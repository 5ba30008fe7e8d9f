// The dataset as it ships inside the extension: the entry files here are the
// source of truth, assembled into one document and validated before use.
import meta from './meta.json';
import chips from './entries/chips.json';
import companies from './entries/companies.json';
import models from './entries/models.json';
import rules from './entries/rules.json';

export const bundledDatasetJson: unknown = {
  ...meta,
  entries: [...chips, ...companies, ...models, ...rules],
};
