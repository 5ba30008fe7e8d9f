// The storage.local keys pages read, apart from the settings' schema so that
// the early read at document_start carries no more code than it needs.
export const SETTINGS_KEY = 'settings';
export const ALIAS_TABLE_KEY = 'aliasTable';
/** The dataset shipped in the extension's package, at its root. */
export const BUNDLED_DATASET_FILE = 'dataset.json';
