import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve-dist.mjs';
import { expectNoAxeViolations, useSite } from './harness.ts';

const { open, url } = useSite();
let host: Awaited<ReturnType<typeof serve>>;

/** A host page on another origin: a tall article with the timeline frame, a sibling frame that forges messages, and embed.js. */
function hostPage(sandbox: string | null) {
  const src = `${url()}?embed=1&childId=tl-1`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host article</title></head><body style="margin:0">
<h1>Article</h1>
<iframe id="timeline" title="Timeline" src="${src}" ${sandbox === null ? '' : `sandbox="${sandbox}"`} style="border:0;width:900px;height:300px"></iframe>
<iframe id="sibling" title="Ad" srcdoc="<script>setInterval(function(){parent.postMessage({sentinel:'amp',type:'embed-size',height:77},'*');parent.postMessage('pymxPYMxtl-1xPYMxheightxPYMx66','*');},100)</script>" style="width:10px;height:10px"></iframe>
<div style="height:4000px">More article text.</div>
<script>window.__msgs=[];addEventListener('message',function(e){if(e.source===document.getElementById('timeline').contentWindow)__msgs.push(e.data)});</script>
<script src="${url()}embed.js"></script>
</body></html>`;
}

beforeAll(async () => {
  host = await serve({
    root: 'tests/fixtures/e2e',
    routes: {
      'host.html': (_q, r) => { r.writeHead(200, { 'Content-Type': 'text/html' }); r.end(hostPage(null)); },
      'host-sandbox.html': (_q, r) => { r.writeHead(200, { 'Content-Type': 'text/html' }); r.end(hostPage('allow-scripts allow-popups allow-popups-to-escape-sandbox')); },
      'host-sandbox-same-origin.html': (_q, r) => { r.writeHead(200, { 'Content-Type': 'text/html' }); r.end(hostPage('allow-scripts allow-popups allow-popups-to-escape-sandbox allow-same-origin')); },
    },
  });
});
afterAll(() => host?.close());

async function openHost(page: Page, path: string): Promise<Frame> {
  await page.goto(host.url + path);
  const frame = page.frameLocator('#timeline');
  await frame.locator('.app[data-state="ready"]').waitFor();
  return page.frames().find((f) => f.url().includes('embed=1'))!;
}
const frameHeight = (page: Page) => page.locator('#timeline').evaluate((el) => el.getBoundingClientRect().height);

describe('embedded in a news page on another origin', () => {
  it('posts its height in all four formats and the host script follows content changes', async () => {
    const { page, assertClean } = await open('?data=fixtures/partly-bad.json');
    const frame = await openHost(page, 'host.html');
    const contentHeight = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    await expect.poll(() => frameHeight(page)).toBe(await contentHeight());
    const msgs = await page.evaluate(() => (window as unknown as { __msgs: unknown[] }).__msgs);
    const h = await contentHeight();
    expect(msgs).toContainEqual(`pymxPYMxtl-1xPYMxheightxPYMx${h}`);
    expect(msgs).toContainEqual({ 'datawrapper-height': { 'tl-1': h } });
    expect(msgs).toContainEqual({ sentinel: 'amp', type: 'embed-size', height: h });
    expect(msgs.some((m) => typeof m === 'string' && JSON.parse(m.startsWith('{') ? m : '{}').context === 'iframe.resize')).toBe(true);
    // Messages carry sizes only: nothing about the reader's view.
    for (const m of msgs) expect(JSON.stringify(m)).not.toMatch(/event=|kind=|q=/);
    // Opening an event makes the page taller; the frame follows.
    await frame.locator('svg .mark').first().click();
    await expect.poll(() => contentHeight()).toBeGreaterThan(h);
    await expect.poll(() => frameHeight(page)).toBe(await contentHeight());
    // The forging sibling frame never got the timeline frame to 77 or 66 pixels.
    await page.waitForTimeout(300);
    expect(await frameHeight(page)).toBeGreaterThan(300);
    await assertClean();
  });

  it('lets a plain wheel scroll the host page and Ctrl + wheel zoom the timeline', async () => {
    const { page, assertClean } = await open();
    const frame = await openHost(page, 'host.html');
    const status = () => frame.locator('main .status').textContent();
    const before = await status();
    const box = (await page.locator('#timeline').boundingBox())!;
    const plot = (await frame.locator('.plot svg').boundingBox())!;
    await page.mouse.move(plot.x + plot.width / 2, plot.y + 60);
    await page.mouse.wheel(0, 400);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
    expect(await status()).toBe(before);
    await expect.poll(() => frame.locator('.hint').count()).toBe(1);
    // Ctrl + wheel zooms and leaves the page where it is.
    await page.evaluate(() => scrollTo(0, 0));
    await page.mouse.move(box.x + box.width / 2, plot.y + 60);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(status).not.toBe(before);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await assertClean();
  });

  it.each([
    ['without allow-same-origin (opaque origin)', 'host-sandbox.html'],
    ['with allow-same-origin', 'host-sandbox-same-origin.html'],
  ])('renders in a sandboxed frame %s', async (_name, path) => {
    const { page, assertClean } = await open();
    const frame = await openHost(page, path);
    expect(await frame.locator('svg .mark').count()).toBeGreaterThan(10);
    expect(await frame.evaluate(() => origin)).toBe(path === 'host-sandbox.html' ? 'null' : new URL(url()).origin);
    await frame.locator('svg .mark').first().click();
    expect(await frame.locator('aside.detail').count()).toBe(1);
    await assertClean();
  });
});

describe('embed mode itself', () => {
  it('is compact, credits the full page, asks not to be indexed and passes axe', async () => {
    const { page, assertClean } = await open('?embed=1&kind=ruling');
    expect(await page.locator('header .description').count()).toBe(0);
    expect(await page.locator('footer').count()).toBe(0);
    const credit = page.getByRole('link', { name: /Open the full timeline/ });
    const href = await credit.getAttribute('href');
    expect(href).toContain('kind=ruling');
    expect(href).not.toContain('embed=');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    await expectNoAxeViolations(page);
    await assertClean();
  });

  it('takes accent, font and text size from the URL, ignoring bad values', async () => {
    const { page, assertClean } = await open('?embed=1&accent=%23005a9c&font=serif&scale=1.25');
    const css = await page.evaluate(() => {
      const cs = getComputedStyle(document.documentElement);
      return { link: cs.getPropertyValue('--link').trim(), font: cs.fontFamily, size: cs.fontSize };
    });
    expect(css.link).toBe('#005a9c');
    expect(css.font).toMatch(/^Georgia/);
    expect(css.size).toBe('20px');
    const bad = await open('?embed=1&accent=%23ffff00&font=evil&scale=40');
    const badCss = await bad.page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(badCss).toBe('16px');
    await assertClean();
    await bad.assertClean();
  });

  it('offers oEmbed discovery', async () => {
    const { page, assertClean } = await open();
    const href = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
    const res = await page.request.get(new URL(href!, page.url()).href);
    const o = await res.json();
    expect(o).toMatchObject({ version: '1.0', type: 'rich', width: 900, height: 720 });
    expect(o.html).toMatch(/<iframe src="[^"]*index\.html\?embed=1"/);
    await assertClean();
  });

  it('builds the snippet for the current view', async () => {
    const { page, assertClean } = await open('?kind=error&lang=es&theme=dark&layout=thread');
    await page.getByRole('button', { name: 'Insertar' }).click();
    const code = await page.locator('#embed-code').inputValue();
    const iframe = code.match(/<iframe src="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
    const params = new URL(iframe).searchParams;
    expect(Object.fromEntries(params)).toMatchObject({ kind: 'error', lang: 'es', theme: 'dark', layout: 'thread', embed: '1' });
    expect(code).toMatch(/title="Errores de deportación de 2025/);
    expect(code).toContain('width="100%"');
    expect(code).toContain('loading="lazy"');
    expect(code).toMatch(/<p><a href="[^"]+">/);
    expect(code).toMatch(/<script src="http:\/\/127\.0\.0\.1:\d+\/graphics\/2025\/timeline\/embed\.js" defer><\/script>/);
    await expectNoAxeViolations(page);
    await assertClean();
  });
});
