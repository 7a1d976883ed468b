// Renders images/icon.svg to images/icon.png (128×128, what the Marketplace shows) with
// Debian's chromium through playwright-core. Run it after editing the SVG; the PNG is
// committed, so packaging needs no browser.
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const images = join(dirname(fileURLToPath(import.meta.url)), '../images');
const svg = await readFile(join(images, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: join(images, 'icon.png'), omitBackground: true });
    console.log(`Wrote ${join(images, 'icon.png')}`);
} finally {
    await browser.close();
}
