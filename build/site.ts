import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { SCRIPT_DATA_GLOBAL } from '../src/lib/data/scriptData.ts';
import { validateDataset } from '../src/lib/data/validate.ts';
import { escapeHtml, staticListHtml } from '../src/lib/prerender/staticList.ts';

/** Wraps a JSON dataset as a script that hands it to the app (see src/lib/data/scriptData.ts). */
export function dataAsScript(json: string): string {
  const body = json.replace(/^\uFEFF/, '').trim();
  JSON.parse(body); // refuse to wrap anything that is not JSON
  return `self.${SCRIPT_DATA_GLOBAL} = ${body};\n`;
}

/** The files from the repo's data/ folder that the site serves next to index.html. */
const DATA_FILES = ['events.json', 'events.schema.json', 'tours.json', 'CHANGELOG.md'];
export const dataDir = resolve(import.meta.dirname, '..', 'data');

/**
 * The dataset is fetched at run time, not bundled, so a newsroom can replace
 * dist/data/events.json without rebuilding. In dev the files are served from data/.
 */
export function runtimeData(): Plugin {
  return {
    name: 'runtime-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.split('?')[0]?.match(/\/data\/([\w.-]+)$/)?.[1];
        if (!name || !DATA_FILES.includes(name) || !existsSync(join(dataDir, name))) return next();
        res.setHeader('Content-Type', name.endsWith('.md') ? 'text/markdown; charset=utf-8' : 'application/json; charset=utf-8');
        createReadStream(join(dataDir, name)).pipe(res);
      });
    },
    generateBundle() {
      for (const name of DATA_FILES) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(join(dataDir, name)) });
      }
      const events = readFileSync(join(dataDir, 'events.json'), 'utf8');
      // oEmbed, for CMSs that discover embeds from a page's address. PUBLIC_URL (the address the
      // site will live at) makes the iframe address absolute, as oEmbed expects.
      const base = process.env.PUBLIC_URL ? process.env.PUBLIC_URL.replace(/\/?$/, '/') : './';
      const meta = JSON.parse(events) as { title?: string; publisher?: string };
      const title = meta.title ?? 'Timeline';
      this.emitFile({
        type: 'asset',
        fileName: 'oembed.json',
        source: JSON.stringify({
          version: '1.0',
          type: 'rich',
          title,
          provider_name: meta.publisher ?? '',
          width: 900,
          height: 720,
          html: `<iframe src="${base}index.html?embed=1" title="${escapeHtml(title)}" width="100%" height="720" style="border:0;width:100%" loading="lazy"></iframe><script src="${base}embed.js" defer></` + 'script>',
        }, null, 2),
      });
      // The same data as a classic script, for pages in a sandboxed iframe without
      // allow-same-origin: there fetch() needs CORS headers, a <script src> does not.
      this.emitFile({ type: 'asset', fileName: 'data/events.js', source: dataAsScript(events) });
    },
  };
}

/**
 * The page's security promises, written into the built index.html only (the dev server needs
 * inline scripts and styles): a strict Content Security Policy, no referrer beyond the origin,
 * and the bundled record prerendered as text for readers without JavaScript.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function hardenedHtml(): Plugin {
  return {
    name: 'hardened-html',
    apply: 'build',
    transformIndexHtml(html) {
      const result = validateDataset(JSON.parse(readFileSync(join(dataDir, 'events.json'), 'utf8')));
      if (!result.ok) throw new Error(`data/events.json: ${result.message}`);
      return html
        .replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />\n    <meta name="referrer" content="strict-origin-when-cross-origin" />`)
        .replace('</head>', `  <link rel="alternate" type="application/json+oembed" href="./oembed.json" title="${escapeHtml(result.dataset.title)}" />\n  </head>`)
        .replace('<div id="app"></div>', `<div id="app">${staticListHtml(result.dataset)}</div>`)
        // The entry module is started by boot.js (see build/classic.ts), which picks the module
        // or the classic build; a plain stylesheet loads from an opaque origin without CORS.
        .replace(/<script type="module" crossorigin src="[^"]*"><\/script>/, '<script defer src="./boot.js"></script>')
        .replace(/<link rel="stylesheet" crossorigin href=/g, '<link rel="stylesheet" href=');
    },
  };
}
