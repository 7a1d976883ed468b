#!/usr/bin/env node
// Regenerates the generator samples shown in the README, from the example of seed 000:
//
//     npx tsc -b tsconfig.build.json && node scripts/generation-examples.mjs
//
// docs/email-example.txt  the email (`minutes generate --format email`), as the CLI prints it
// docs/html-example.png   the top of the HTML page in headless Chromium (/usr/bin/chromium)
//
// A test (packages/language/test/generation/docs-examples.test.ts) fails when the email
// sample no longer matches what the generator makes of the example.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'packages/cli/bin/minutes.js');
const example = path.join(root, 'examples/ccwg-ig-wsis-forum-2018.minutes');
const generate = format => execFileSync(process.execPath, [cli, 'generate', example, '--format', format], { encoding: 'utf8' });

writeFileSync(path.join(root, 'docs/email-example.txt'), generate('email'));

const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']
});
try {
    const page = await browser.newPage({ viewport: { width: 960, height: 1500 }, deviceScaleFactor: 1 });
    await page.route('**/*', route => route.abort());
    await page.setContent(generate('html'), { waitUntil: 'load' });
    await page.screenshot({ path: path.join(root, 'docs/html-example.png') });
} finally {
    await browser.close();
}
console.log('wrote docs/email-example.txt and docs/html-example.png');
