// Screenshots of the built site at the widths we support, for looking at what we build.
// Usage: npm run build && node scripts/screenshots.mjs [query] [outdir]
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { serve, chromiumPath, chromiumArgs } from './serve-dist.mjs';

const query = process.argv[2] ?? '';
const out = process.argv[3] ?? 'screenshots';
const scheme = process.env.SCHEME ?? 'light';
await mkdir(out, { recursive: true });
const site = await serve({ root: 'dist', prefix: '/graphics/2025/timeline/' });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  for (const width of [320, 768, 1280, 1920]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(site.url + query);
    await page.waitForSelector('[data-state="ready"], [data-state="error"]');
    if (process.env.OPEN) await page.locator(`.mark[data-event-id]`).nth(Number(process.env.OPEN)).click();
    await page.screenshot({ path: `${out}/${scheme}-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    console.log(`${width}px: ${out}/${scheme}-${width}.png, horizontal overflow ${overflow}px`);
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
