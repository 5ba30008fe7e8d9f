// Types for the Firefox finder, so the TypeScript tests can import it.
export function findFirefox(): string | undefined;
export function ensureFirefox(): string | undefined;
