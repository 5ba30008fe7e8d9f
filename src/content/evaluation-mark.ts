// Imported first by the content script, so that this runs before any of its
// other modules: from here until `chiplens:start` the script is setting
// itself up, and that goes on the page's timeline with the rest of
// ChipLens's work. (Compiling the script comes before this and cannot be
// seen from the page; docs/performance.md gives it as traced.)
export const EVALUATION_STARTED = performance.now();
