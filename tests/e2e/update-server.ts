// Stands in for the CDN that serves published datasets, on 127.0.0.1, and
// can misbehave on demand: every fault the refresh must survive.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export type Fault = 'none' | 'malformed-json' | 'html-200' | 'http-500' | 'hang' | 'truncated' | 'oversized' | 'stall-dataset';

export interface Published {
  latest: Record<string, unknown>;
  bytes: Uint8Array;
}

export class UpdateServer {
  private server: Server | undefined;
  published: Published | undefined;
  fault: Fault = 'none';
  /** Paths asked for, in order. */
  readonly requests: string[] = [];
  /** The headers of each request, in the same order. */
  readonly headers: IncomingHttpHeaders[] = [];
  private readonly held = new Set<import('node:http').ServerResponse>();

  async start(port: number): Promise<void> {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      this.requests.push(path);
      this.headers.push(req.headers);
      const p = this.published;
      const json = (body: string | Uint8Array, headers: Record<string, string> = {}) => {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache', ...headers });
        res.end(body);
      };
      if (path === '/updates/latest.json') {
        if (this.fault === 'hang') return void this.held.add(res);
        if (this.fault === 'http-500') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('server error');
        if (this.fault === 'html-200') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><h1>Maintenance</h1>');
        if (this.fault === 'malformed-json') return json('{"format": 1, "datasetVersion": ');
        if (!p) return void res.writeHead(404).end();
        return json(JSON.stringify(p.latest), { etag: `"${String(p.latest.datasetVersion)}-${String(p.latest.signature).slice(0, 8)}"` });
      }
      if (p && path === `/updates/${String(p.latest.file)}`) {
        if (this.fault === 'truncated') {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(p.bytes.length) });
          res.write(p.bytes.subarray(0, Math.floor(p.bytes.length / 2)));
          return void setTimeout(() => res.destroy(), 50);
        }
        if (this.fault === 'stall-dataset') {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(p.bytes.length) });
          res.write(p.bytes.subarray(0, Math.floor(p.bytes.length / 2)));
          return void this.held.add(res);
        }
        if (this.fault === 'oversized') return json(Buffer.concat([p.bytes, Buffer.alloc(64 * 1024, 0x20)]));
        return json(p.bytes);
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
  }

  /** Lets go of held (hanging or stalled) answers. */
  release(): void {
    for (const res of this.held) res.destroy();
    this.held.clear();
  }

  async close(): Promise<void> {
    this.release();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
