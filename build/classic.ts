import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { dataDir } from './site.ts';

/**
 * Two builds of one app. The main build is ES modules, so features a reader may never use
 * (importers, exports, print, presentation) load on demand and the first draw stays small. But
 * a module script needs CORS headers when the page runs in a sandboxed iframe without
 * allow-same-origin (an opaque origin), and most static hosts send none; so a second, classic
 * build (one IIFE file, everything inlined) serves that case, and the offline copy.
 * boot.js, a few lines of classic script, picks one at run time.
 */
const CLASSIC = 'assets/app-classic.js';
const root = resolve(import.meta.dirname, '..');

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** JSON inside <script type="application/json">: no "</script" can end the element early. */
const inlineJson = (json: string) => JSON.stringify(JSON.parse(json)).replace(/</g, '\\u003c');

export function classicBuild(): Plugin {
  let outDir = 'dist';
  let entry = '';
  let stylesheet = '';
  return {
    name: 'classic-build',
    apply: 'build',
    // After Vite's own CSS plugin, so the stylesheet is in the bundle by then.
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      const main = Object.values(bundle).find((f) => f.type === 'chunk' && f.isEntry);
      const css = Object.values(bundle).find((f) => f.type === 'asset' && f.fileName.endsWith('.css'));
      if (!main || !css) throw new Error('classic build: entry chunk or stylesheet not found');
      entry = main.fileName;
      stylesheet = css.type === 'asset' ? String(css.source) : '';
      this.emitFile({
        type: 'asset',
        fileName: 'boot.js',
        source:
          '/* Starts the app: the module build, or in an opaque origin (sandboxed iframe) the classic one. */\n' +
          `(function(){var s=document.createElement('script');if(self.origin==='null'){s.src='./${CLASSIC}';}else{s.type='module';s.src='./${entry}';}document.head.appendChild(s);})();\n`,
      });
    },
    async closeBundle() {
      if (!entry) return; // the main build failed
      await build({
        configFile: false,
        root,
        base: './',
        // Rolldown warns that `import.meta` is empty in IIFE output. The only uses are Vite's
        // dynamic-import preload helper and Svelte's dev guards; with every dynamic import
        // inlined here, those branches never run (the sandbox and offline tests load this build).
        logLevel: 'error',
        plugins: [svelte()],
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          target: 'es2022',
          modulePreload: false,
          cssCodeSplit: false,
          rollupOptions: {
            input: resolve(root, 'src/main.ts'),
            output: { format: 'iife', entryFileNames: CLASSIC, assetFileNames: 'assets/app-classic[extname]' },
          },
        },
      });
      // The classic build's stylesheet is the main one again; index.html links the main one.
      rmSync(join(outDir, 'assets/app-classic.css'), { force: true });
      writeOffline(outDir, readFileSync(join(outDir, CLASSIC), 'utf8'), stylesheet);
    },
  };
}

/**
 * dist/timeline-offline.html: one self-contained file (code, styles, data, tours inlined) that
 * works opened from disk with no network, for classrooms where the site is blocked. Its CSP
 * allows exactly the inlined script and style by hash, and no connections at all.
 */
function writeOffline(outDir: string, code: string, style: string) {
  let html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const script = code.replace(/<\/script/gi, '<\\/script');
  const favicon = `data:image/svg+xml,${encodeURIComponent(readFileSync(join(root, 'public/favicon.svg'), 'utf8'))}`;
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
}
