// Dev helper (not a test): screenshots a page of a built site. node tests/browser/shot.ts SITE PATH OUT [width]
import { chromium } from 'playwright-core';
import { serveStatic } from '../../src/site/static-server.ts';
const [site, path, out, width = '1280'] = process.argv.slice(2);
const server = await serveStatic(site!);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(process.argv[6] ?? 900) } });
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(server.url + path);
await page.waitForTimeout(500);
await page.screenshot({ path: out!, fullPage: process.argv[6] === undefined });
console.log('scrollWidth', await page.evaluate(() => document.documentElement.scrollWidth));
await browser.close();
await server.close();
