// Where the build puts the tooltip module, and the tag of the one element it
// adds to a page. Shared by the build and the content script, without
// pulling the tooltip's code into either.
export const TOOLTIP_MODULE_PATH = 'src/content/tooltip.js';
export const HOST_TAG = 'chiplens-tooltip';
