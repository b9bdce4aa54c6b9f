import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** The files from the repo's data/ folder that the site serves next to index.html. */
const DATA_FILES = ['events.json', 'events.schema.json', 'CHANGELOG.md'];
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
    },
  };
}

export default defineConfig({
  // Relative asset URLs: dist/ works from any sub-path of any static host.
  base: './',
  plugins: [svelte(), runtimeData()],
  build: { target: 'es2022', sourcemap: false },
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
