// Screenshots of the site `minutes generate FOLDER --format site` writes, for docs/: the
// index and the actions page of the generated series of a dozen meetings the tests use
// (packages/cli/test/dozen-meetings.ts), as of 2024-06-20, in headless Chromium.
// Usage: node scripts/site-screenshots.mjs (after npx tsc -b tsconfig.build.json)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import { chromium } from 'playwright-core';

const repo = fileURLToPath(new URL('../', import.meta.url));
const source = readFileSync(path.join(repo, 'packages/cli/test/dozen-meetings.ts'), 'utf8');
const { dozenMeetings } = await import(`data:text/javascript,${encodeURIComponent(transformSync(source, { loader: 'ts', format: 'esm' }).code)}`);

const work = mkdtempSync(path.join(tmpdir(), 'minutes-site-'));
const notes = path.join(work, 'wg-net');
mkdirSync(notes);
for (const [name, text] of Object.entries(dozenMeetings().files)) writeFileSync(path.join(notes, name), text);
const site = path.join(work, 'site');
execFileSync(process.execPath, [path.join(repo, 'packages/cli/bin/minutes.js'), 'generate', notes, '--format', 'site', '-o', site,
    '--today', '2024-06-20', '--title', 'Working Group on Network Policy: calls'], { stdio: 'inherit' });

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const page of ['index', 'actions']) {
    const tab = await browser.newPage({ viewport: { width: 1100, height: 860 } });
    await tab.goto(pathToFileURL(path.join(site, `${page}.html`)).href);
    await tab.screenshot({ path: path.join(repo, 'docs/screenshots', `site-${page}.png`) });
    await tab.close();
}
await browser.close();
console.log(`docs/screenshots/site-index.png, site-actions.png (site in ${site})`);
