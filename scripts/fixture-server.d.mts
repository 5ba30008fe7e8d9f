// Types for the demo-page server, so the TypeScript tests can import it.
export function renderArticle(text: string): string;
export function startFixtureServer(options?: { port?: number; host?: string }): Promise<{
  origin: string;
  close(): Promise<void>;
}>;
