import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { classicBuild } from './build/classic.ts';
import { hardenedHtml, runtimeData } from './build/site.ts';

// The build's own plugins live in build/: runtime data files, the hardened index.html, and the
// classic (non-module) twin build with the offline copy.
export default defineConfig({
  // Relative asset URLs: dist/ works from any sub-path of any static host.
  base: './',
  plugins: [svelte(), runtimeData(), hardenedHtml(), classicBuild()],
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: false,
    // One stylesheet file: CSS injected by script would be an inline style, which the CSP forbids.
    cssCodeSplit: false,
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
