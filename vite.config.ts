import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { validateDataset } from './src/lib/data/validate.ts';
import { escapeHtml, staticListHtml } from './src/lib/prerender/staticList.ts';
import { SCRIPT_DATA_GLOBAL } from './src/lib/data/scriptData.ts';

/** Wraps a JSON dataset as a script that hands it to the app (see src/lib/data/scriptData.ts). */
export function dataAsScript(json: string): string {
  JSON.parse(json); // refuse to wrap anything that is not JSON
  return `self.${SCRIPT_DATA_GLOBAL} = ${json.trim()};\n`;
}

/** The files from the repo's data/ folder that the site serves next to index.html. */
const DATA_FILES = ['events.json', 'events.schema.json', 'tours.json', 'CHANGELOG.md'];
const dataDir = resolve(import.meta.dirname, 'data');

/**
 * The dataset is fetched at run time, not bundled, so a newsroom can replace
 * dist/data/events.json without rebuilding. In dev the files are served from data/.
 */
function runtimeData(): Plugin {
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
      // oEmbed, for CMSs that discover embeds from a page's address. PUBLIC_URL (the address the
      // site will live at) makes the iframe address absolute, as oEmbed expects.
      const base = process.env.PUBLIC_URL ? process.env.PUBLIC_URL.replace(/\/?$/, '/') : './';
      const meta = JSON.parse(readFileSync(join(dataDir, 'events.json'), 'utf8')) as { title?: string; publisher?: string };
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
      this.emitFile({ type: 'asset', fileName: 'data/events.js', source: dataAsScript(readFileSync(join(dataDir, 'events.json'), 'utf8')) });
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

function hardenedHtml(): Plugin {
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
        // Classic scripts and plain stylesheets load from an opaque origin without CORS.
        .replace(/<script type="module" crossorigin src=/g, '<script defer src=')
        .replace(/<link rel="stylesheet" crossorigin href=/g, '<link rel="stylesheet" href=');
    },
  };
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** JSON inside <script type="application/json">: no "</script" can end the element early. */
const inlineJson = (json: string) => JSON.stringify(JSON.parse(json)).replace(/</g, '\\u003c');

/**
 * dist/timeline-offline.html: one self-contained file (code, styles, data, tours inlined) that
 * works opened from disk with no network, for classrooms where the site is blocked. Its CSP
 * allows exactly the inlined script and style by hash, and no connections at all.
 */
function offlineCopy(): Plugin {
  let outDir = 'dist';
  return {
    name: 'offline-copy',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      let html = readFileSync(join(outDir, 'index.html'), 'utf8');
      const js = Object.values(bundle).find((f) => f.type === 'chunk' && f.isEntry);
      const css = Object.values(bundle).find((f) => f.type === 'asset' && f.fileName.endsWith('.css'));
      if (!js || js.type !== 'chunk' || !css || css.type !== 'asset') throw new Error('offline copy: entry script or stylesheet not found');
      const script = js.code.replace(/<\/script/gi, '<\\/script');
      const style = String(css.source);
      const favicon = `data:image/svg+xml,${encodeURIComponent(readFileSync(resolve(import.meta.dirname, 'public/favicon.svg'), 'utf8'))}`;
      const csp = [
        "default-src 'none'",
        `script-src ${sha256(script)}`,
        `style-src ${sha256(style)}`,
        "img-src 'self' data:",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; ');
      html = html
        .replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}" />`)
        .replace(/<link rel="icon"[^>]*>/, () => `<link rel="icon" href="${favicon}" type="image/svg+xml" />`)
        .replace(/\s*<link rel="alternate"[^>]*>/, '')
        .replace(/<script defer src="[^"]*"><\/script>/, '')
        .replace(/<link rel="stylesheet" href="[^"]*">/, () => `<style>${style}</style>`)
        .replace('</body>', () =>
          `<script type="application/json" id="timeline-data">${inlineJson(readFileSync(join(dataDir, 'events.json'), 'utf8'))}</script>\n` +
          `<script type="application/json" id="timeline-tours">${inlineJson(readFileSync(join(dataDir, 'tours.json'), 'utf8'))}</script>\n` +
          `<script>${script}</script>\n</body>`);
      writeFileSync(join(outDir, 'timeline-offline.html'), html);
    },
  };
}

export default defineConfig({
  // Relative asset URLs: dist/ works from any sub-path of any static host.
  base: './',
  plugins: [svelte(), runtimeData(), hardenedHtml(), offlineCopy()],
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: false,
    // One stylesheet file: CSS injected by script would be an inline style, which the CSP forbids.
    cssCodeSplit: false,
    // One classic script, not an ES module: a module script (and a crossorigin stylesheet) needs
    // CORS headers when the page runs in a sandboxed iframe without allow-same-origin (an opaque
    // origin), and most static hosts send none. See classicScripts() for the HTML side.
    rollupOptions: { output: { format: 'iife' } },
  },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: { name: 'component', include: ['tests/component/**/*.test.ts'], environment: 'jsdom', setupFiles: ['tests/component/setup.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
