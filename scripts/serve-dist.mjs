// A tiny static server for the built site, mounted under a sub-path (as a newsroom would
// host it), used by the end-to-end tests and the screenshot script. 127.0.0.1 and a free port.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * @param {{ root: string, prefix?: string, mounts?: Record<string, string>,
 *           routes?: Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void> }} options
 *   `mounts` maps extra URL folders (under the prefix) to directories, e.g. test fixtures;
 *   `routes` maps exact paths (under the prefix) to handlers for fault injection.
 */
export async function serve({ root, prefix = '/', mounts = {}, routes = {} }) {
  const dirs = Object.entries({ ...mounts, '': root }).map(([url, dir]) => [url, resolve(dir)]);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (!path.startsWith(prefix)) return notFound(res);
    const rel = path.slice(prefix.length);
    if (routes[rel]) return routes[rel](req, res);
    for (const [url, dir] of dirs) {
      if (url && !rel.startsWith(url + '/')) continue;
      const inner = url ? rel.slice(url.length + 1) : rel;
      const file = normalize(join(dir, inner === '' || inner.endsWith('/') ? inner + 'index.html' : inner));
      if (!file.startsWith(dir)) return notFound(res);
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        return res.end(body);
      } catch {
        if (url) return notFound(res);
      }
    }
    notFound(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><title>Not found</title><h1>404 Not found</h1>');
}

/** Chromium as installed by Debian; CHROMIUM_PATH overrides. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
