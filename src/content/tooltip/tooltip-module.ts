// The tooltip, as its own module: preact, the card view, its labels in three
// languages and the positioning code stay out of the content script that
// every page loads, and come in on the first hover (see tooltip-loader).
export { TooltipHost } from './tooltip-host';
export { buildEntryCard } from '../../core/entry-card';
