// Values fixed at build time by vite.config.ts.
declare const __CHIPLENS_UPDATE_CONFIG__: import('./core/update-config').UpdateConfig;
/** True in the Firefox build (`vite build --mode firefox`). */
declare const __CHIPLENS_FIREFOX__: boolean;
/** True in a test build that paints with the overlay even where the Highlight API exists (CHIPLENS_FORCE_OVERLAY=1). */
declare const __CHIPLENS_FORCE_OVERLAY__: boolean;
/** True in a benchmark build (CHIPLENS_BENCH=1): only then does ChipLens mark its work on the page's performance timeline. */
declare const __CHIPLENS_BENCH__: boolean;
