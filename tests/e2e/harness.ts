import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromiumArgs, chromiumPath, serve } from '../../scripts/serve-dist.mjs';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const PREFIX = '/graphics/2025/timeline/';

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves the built dist/ under a newsroom-style sub-path with the e2e fixtures beside it,
 * launches the system Chromium, and checks after every page that nothing went wrong quietly:
 * no console errors, no uncaught exceptions, no request to another origin.
 */
export function useSite(routes: Record<string, Route> = {}) {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serve>>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    site = await serve({ root: 'dist', prefix: PREFIX, mounts: { fixtures: 'tests/fixtures/e2e', import: 'tests/fixtures/import' }, routes });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(
    query = '',
    options: {
      width?: number;
      height?: number;
      expectState?: 'ready' | 'error' | 'loading' | null;
      reducedMotion?: boolean;
      timezoneId?: string;
      forcedColors?: boolean;
      colorScheme?: 'light' | 'dark';
      locale?: string;
      hasTouch?: boolean;
      javaScriptEnabled?: boolean;
      beforeGoto?: (page: Page) => Promise<void>;
      /** An address to open instead of the site's (the offline copy's file: URL, say). */
      address?: string;
      /** Console errors a test provokes on purpose. */
      allowConsole?: RegExp;
    } = {},
  ) {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
      reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
      timezoneId: options.timezoneId,
      forcedColors: options.forcedColors ? 'active' : 'none',
      colorScheme: options.colorScheme ?? 'light',
      locale: options.locale ?? 'en-US',
      hasTouch: options.hasTouch ?? false,
      javaScriptEnabled: options.javaScriptEnabled ?? true,
    });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    const foreign: string[] = [];
    const dialogs: string[] = [];
    // Any alert/confirm/prompt means hostile text ran as code; record it and dismiss it.
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      // The test's own top-level navigations (to a host page, say) are not the app's requests.
      if (r.isNavigationRequest() && r.frame() === page.mainFrame()) return;
      const from = r.frame().url();
      const fromHost = from.startsWith('http') && !from.startsWith(site.origin);
      if (!fromHost && new URL(r.url()).origin !== site.origin) foreign.push(r.url());
    });
    await options.beforeGoto?.(page);
    await page.goto(options.address ?? site.url + query);
    const state = options.expectState === undefined ? 'ready' : options.expectState;
    if (state) await page.locator(`.app[data-state="${state}"]`).waitFor();
    /** Call at the end of a test: the page stayed clean. */
    const assertClean = async () => {
      if (!page.isClosed() && options.javaScriptEnabled !== false) {
        const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
        expect(csp, 'Content-Security-Policy violations').toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), 'hostile code ran').toBeUndefined();
      }
      expect(dialogs, 'dialogs opened by the page').toEqual([]);
      expect(foreign, 'requests to other origins').toEqual([]);
      const expected = (e: string) => (state !== 'ready' && /Failed to load resource/.test(e)) || options.allowConsole?.test(e);
      expect(errors.filter((e) => !expected(e)), 'console errors').toEqual([]);
      await context.close();
    };
    return { page, context, assertClean, site };
  }

  return { open, url: () => site.url };
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A deterministic dataset of n events spread over 2025, for counting marks. */
export function syntheticDataset(n: number) {
  const kinds = ['error', 'ruling', 'statement', 'policy'];
  const day = 86_400_000;
  const start = Date.UTC(2025, 0, 1);
  return {
    title: `Synthetic ${n}`,
    threads: [{ id: 'syn', title: 'Synthetic', description: 'Generated.' }],
    events: Array.from({ length: n }, (_, i) => ({
      id: `syn-${i}`,
      date: new Date(start + Math.floor((i * 364) / n) * day).toISOString().slice(0, 10),
      kind: kinds[i % 4],
      title: `Synthetic event ${i}`,
      summary: `Summary ${i}.`,
      thread: 'syn',
      sources: [{ publisher: 'Example', title: `Source ${i}`, url: `https://example.org/${i}` }],
    })),
  };
}
