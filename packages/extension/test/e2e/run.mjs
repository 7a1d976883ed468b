// End-to-end test of the packaged extension in a real VS Code: code-server (VS Code served
// to a browser) with the .vsix installed, driven in Debian's chromium by playwright-core,
// as a person would use it. Needs `scripts/setup-e2e.sh` (code-server in .e2e/) and
// `npm run package` (the .vsix); `npm run test:e2e` at the root does all three.
//
// It works on a copy of examples/, so the repository's files are never edited. It waits
// for conditions, never for fixed times. Screenshots: docs/screenshots/editor-completion.png
// and docs/screenshots/preview.png (committed, shown in the docs), the others in
// test-results/e2e/ (and one per failure).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const extensionRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const repositoryRoot = resolve(extensionRoot, '../..');
const e2eDir = process.env.MINUTES_E2E_DIR ?? join(repositoryRoot, '.e2e');
// The pinned Node 24 code-server runs on, where scripts/install-node.sh keeps it (it installs it the first time).
const nodeBin = execFileSync('bash', [join(repositoryRoot, 'scripts/install-node.sh'), '24'], { encoding: 'utf8', env: { ...process.env, MINUTES_E2E_DIR: e2eDir } }).trim();
const codeServer = join(e2eDir, 'code-server/node_modules/code-server/out/node/entry.js');
const manifest = JSON.parse(readFileSync(join(extensionRoot, 'package.json'), 'utf8'));
const vsix = join(extensionRoot, `${manifest.name}-${manifest.version}.vsix`);
const resultsDir = join(repositoryRoot, 'test-results/e2e');
const screenshotsDir = join(repositoryRoot, 'docs/screenshots');
/** The example to work on: this one, or the first meeting file of examples/ if it is renamed. */
const PREFERRED_EXAMPLE = 'ccwg-ig-wsis-forum-2018.minutes';
const TIMEOUT = 60_000;

for (const [what, path, fix] of [
    ['code-server', codeServer, 'bash scripts/setup-e2e.sh'],
    ['Node 24', join(nodeBin, 'node'), 'bash scripts/setup-e2e.sh'],
    ['the packaged extension', vsix, 'npm run package']
]) {
    if (!existsSync(path)) {
        console.error(`e2e: ${what} is missing (${path}); run ${fix} first, or npm run test:e2e at the root.`);
        process.exit(2);
    }
}

const work = mkdtempSync(join(tmpdir(), 'minutes-e2e-'));
const userDataDir = join(work, 'user-data');
const extensionsDir = join(work, 'extensions');
const workspace = join(work, 'examples');
mkdirSync(resultsDir, { recursive: true });
mkdirSync(screenshotsDir, { recursive: true });
cpSync(join(repositoryRoot, 'examples'), workspace, { recursive: true });
const EXAMPLE = existsSync(join(workspace, PREFERRED_EXAMPLE))
    ? PREFERRED_EXAMPLE
    : readdirSync(workspace).sort().find(name => name.endsWith('.minutes') && /^meeting:/m.test(readFileSync(join(workspace, name), 'utf8')));
if (!EXAMPLE) throw new Error('examples/ has no file with a meeting: line');
/** The title of the example's first meeting: what its email and preview show. */
const TITLE = /^meeting:\s*(.+)$/m.exec(readFileSync(join(workspace, EXAMPLE), 'utf8'))[1].trim();
/** Enough of the title to find it on one line, even where it is wrapped. */
const TITLE_START = TITLE.split(/\s+/).slice(0, 3).join(' ');
mkdirSync(join(userDataDir, 'User'), { recursive: true });
writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'editor.minimap.enabled': false,
    'editor.stickyScroll.enabled': false, // steadier screenshots
    'editor.fontSize': 14,
    'files.autoSave': 'off',
    'window.restoreWindows': 'none'
}, null, 2));

/** The directory's first person with an organisation, to type and complete. */
function personWithOrganisation() {
    const directory = readFileSync(join(workspace, 'directory.minutes'), 'utf8').split('\n');
    const organisations = new Map();
    directory.forEach((line, i) => {
        const org = /^\s*(?:org|organisation|organization|office)\s+@(\S+)\s+(.*)$/.exec(line);
        if (!org) return;
        const names = [org[1], org[2].trim()];
        for (const field of directory.slice(i + 1, i + 8)) {
            const acronym = /^\s*acronym:\s*(.+)$/.exec(field);
            if (acronym) names.push(acronym[1].trim());
            if (/^\S/.test(field) && !/^\s*(\/\/|$)/.test(field)) break;
        }
        organisations.set(org[1].toLowerCase(), names);
    });
    for (let i = 0; i < directory.length; i++) {
        const person = /^person\s+@(\S+)\s+(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?(\S+(?:\s+\S+)*)\s*$/.exec(directory[i]);
        if (!person) continue;
        for (const field of directory.slice(i + 1, i + 8)) {
            const org = /^\s*org:\s*@([^\s,]+)/.exec(field);
            if (org && organisations.has(org[1].toLowerCase())) {
                return { handle: person[1], name: person[2], organisation: organisations.get(org[1].toLowerCase()) };
            }
        }
    }
    throw new Error('examples/directory.minutes has no person with a declared organisation');
}

function misspell(handle) {
    // Swap two inner letters: close enough for a suggestion, not a name of anyone.
    const i = Math.max(1, handle.length - 3);
    return handle.slice(0, i) + handle[i + 1] + handle[i] + handle.slice(i + 2);
}

async function freePort() {
    return new Promise((resolvePort, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolvePort(port));
        });
    });
}

async function waitForHttp(url, timeout) {
    const deadline = Date.now() + timeout;
    for (;;) {
        try {
            const response = await fetch(url);
            if (response.ok) return;
        } catch {
            // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeout / 1000} s`);
        await new Promise(r => setTimeout(r, 250));
    }
}

const env = { ...process.env, PATH: `${nodeBin}:${process.env.PATH}` };
delete env.npm_config_nodedir;
const codeServerArgs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

let server;
let browser;
let page;
let stepsRun = 0;
const started = Date.now();

async function step(name, run) {
    const t0 = Date.now();
    process.stdout.write(`e2e: ${name} … `);
    try {
        await run();
        stepsRun++;
        console.log(`ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (error) {
        console.log('FAILED');
        if (page) {
            const shot = join(resultsDir, `failure-${name.replace(/\W+/g, '-')}.png`);
            await page.screenshot({ path: shot }).catch(() => undefined);
            console.error(`e2e: screenshot of the failure: ${shot}`);
        }
        throw error;
    }
}

// ---- Workbench helpers ----------------------------------------------------------------------

/** Runs a command from the Command Palette; `opensInput`: the command asks in a quick input of its own. */
async function runCommand(title, { opensInput = false } = {}) {
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible' });
    await row.click();
    if (opensInput) {
        await page.locator('.quick-input-widget input:not([placeholder="Type the name of a command to run."])').waitFor({ state: 'visible' });
    } else {
        await input.waitFor({ state: 'hidden' });
    }
}

async function openFile(name) {
    const tab = page.locator(`.tabs-container .tab[data-resource-name="${name}"]`).first();
    if (await tab.isVisible()) {
        await tab.click();
    } else {
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill(name);
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
        await row.waitFor({ state: 'visible' });
        await row.click();
        await input.waitFor({ state: 'hidden' });
    }
    await page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).waitFor({ state: 'visible' });
}

/** The active editor's visible text, line by line as Monaco renders it. */
function activeEditorText() {
    return page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
}

async function focusEditor() {
    // The editor's own box is its visible part (its lines may extend far above it).
    // Its middle, below the sticky-scroll lines, whose click would move the cursor.
    const editor = page.locator('.editor-group-container.active .monaco-editor').first();
    const box = await editor.boundingBox();
    await editor.click({ position: { x: Math.min(300, box.width / 2), y: box.height / 2 } });
}

/** Puts the cursor on a new, empty line at the end of the file. */
async function newLineAtEnd() {
    await focusEditor();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    // An on-enter rule may have continued a list: start from an empty line. (Delete, not
    // Backspace: with nothing selected, Backspace would join the line to the one above.)
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Delete');
}

/** The process ids of the Minutes language servers under code-server (its descendants only). */
function languageServerPids() {
    const table = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n')
        .map(line => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line)).filter(Boolean)
        .map(([, pid, ppid, args]) => ({ pid: Number(pid), ppid: Number(ppid), args }));
    const descendants = new Set([server.pid]);
    for (let grew = true; grew;) {
        grew = false;
        for (const row of table) {
            if (descendants.has(row.ppid) && !descendants.has(row.pid)) {
                descendants.add(row.pid);
                grew = true;
            }
        }
    }
    return table.filter(row => descendants.has(row.pid) && row.args.includes('out/server.cjs')).map(row => row.pid);
}

/** Removes the line the cursor is on. */
async function deleteLine() {
    await page.keyboard.press('Control+Shift+K');
}

// ---- The test ---------------------------------------------------------------------------------

try {
    const person = personWithOrganisation();
    const wrongHandle = misspell(person.handle);
    const port = await freePort();

    await step('install the .vsix into code-server', async () => {
        execFileSync(join(nodeBin, 'node'), [codeServer, ...codeServerArgs, '--install-extension', vsix], { env, stdio: 'pipe' });
        const listed = execFileSync(join(nodeBin, 'node'), [codeServer, ...codeServerArgs, '--list-extensions'], { env, encoding: 'utf8' });
        if (!listed.includes(`${manifest.publisher}.${manifest.name}`)) throw new Error(`not installed: ${listed}`);
    });

    await step('start code-server', async () => {
        server = spawn(join(nodeBin, 'node'), [codeServer, ...codeServerArgs,
            '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
            '--disable-workspace-trust', '--disable-getting-started-override', workspace], {
            env, detached: true, stdio: ['ignore', 'pipe', 'pipe']
        });
        const log = [];
        server.stdout.on('data', chunk => log.push(chunk));
        server.stderr.on('data', chunk => log.push(chunk));
        server.on('exit', code => {
            if (code !== null && code !== 0) console.error(`code-server exited with ${code}:\n${Buffer.concat(log).toString()}`);
        });
        await waitForHttp(`http://127.0.0.1:${port}/healthz`, TIMEOUT);
    });

    await step('open examples/ in the browser', async () => {
        browser = await chromium.launch({
            executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
            args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                '--disable-component-update', '--disable-sync']
        });
        const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${port}` });
        page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT);
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
        await page.locator('.monaco-workbench').waitFor({ state: 'visible' });
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'directory.minutes' }).waitFor({ state: 'visible' });
    });

    await step(`open ${EXAMPLE} and see it highlighted`, async () => {
        await openFile(EXAMPLE);
        const editor = page.locator('.editor-group-container.active .monaco-editor').first();
        await editor.locator('.view-line', { hasText: 'meeting:' }).first().waitFor({ state: 'visible' });
        // The status-bar item appears when the server has the file: activation worked.
        await page.locator('.statusbar-item[aria-label*="intervention"]').first().waitFor({ state: 'visible' });
        // Each token's look (colour, underline, italics, weight), and that of plain text
        // (Monaco's first token class).
        const { tokens, prose } = await editor.evaluate(root => {
            const look = span => {
                const style = getComputedStyle(span);
                return `${style.color} ${style.textDecorationLine} ${style.fontStyle} ${style.fontWeight}`;
            };
            const spans = [...root.querySelectorAll('.view-line span span')];
            const plain = spans.find(span => span.classList.contains('mtk1'));
            return { tokens: spans.map(span => [span.textContent.trim(), look(span)]), prose: plain ? look(plain) : undefined };
        });
        const colourOf = test => tokens.find(([text]) => text && test(text))?.[1];
        const expectations = {
            key: colourOf(text => text === 'meeting'),
            mention: colourOf(text => /^@[\p{L}{]/u.test(text)),
            date: colourOf(text => /^\d{4}-\d{2}-\d{2}$/.test(text)),
            comment: colourOf(text => text.startsWith('//')),
            link: colourOf(text => text.startsWith('https://'))
        };
        if (!prose) throw new Error('no plain text on screen');
        for (const [what, colour] of Object.entries(expectations)) {
            if (!colour) throw new Error(`no ${what} on screen: ${JSON.stringify(tokens)}`);
            if (colour === prose) throw new Error(`the ${what} looks like prose (${colour})`);
        }
        if (new Set(Object.values(expectations)).size < 4) throw new Error(`too few distinct looks: ${JSON.stringify(expectations)}`);
        await page.screenshot({ path: join(resultsDir, '01-highlighted.png') });
    });

    await step(`type the first letters of ${person.name} and see completion list them with their organisation`, async () => {
        await newLineAtEnd();
        const typed = person.name.slice(0, 4);
        await page.keyboard.type(`@${typed}`, { delay: 40 });
        const widget = page.locator('.editor-widget.suggest-widget');
        if (!(await widget.isVisible())) await page.keyboard.press('Control+Space');
        const row = widget.locator('.monaco-list-row', { hasText: person.name }).first();
        await row.waitFor({ state: 'visible' });
        // The organisation may be in the row or in the details of the focused row.
        const details = page.locator('.editor-widget.suggest-details-container');
        const texts = [await row.innerText(), (await details.isVisible()) ? await details.innerText() : ''].join('\n');
        if (!person.organisation.some(name => texts.includes(name))) {
            throw new Error(`the completion of ${person.name} does not show the organisation (${person.organisation.join(' / ')}): ${texts}`);
        }
        await page.screenshot({ path: join(screenshotsDir, 'editor-completion.png') });
        await page.keyboard.press('Escape');
        await widget.waitFor({ state: 'hidden' });
        await deleteLine();
    });

    await step('run Minutes: Generate Email and see the email', async () => {
        await runCommand('Minutes: Generate Email');
        await page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).waitFor({ state: 'visible' });
        await page.locator('.editor-group-container.active .view-line', { hasText: TITLE_START }).first().waitFor({ state: 'visible' });
        const email = await activeEditorText();
        if (email.includes('@mcade') || email.includes('meeting:')) throw new Error(`the email shows source syntax:\n${email}`);
        await page.locator('.notifications-toasts', { hasText: 'Email generated' }).waitFor({ state: 'visible' });
        await page.locator('.editor-actions .action-label[aria-label*="Copy to Clipboard"]').first().waitFor({ state: 'visible' });
        await page.screenshot({ path: join(resultsDir, '02-email.png') });
        await runCommand('View: Revert and Close Editor');
        await page.locator('.tabs-container .tab', { hasText: 'Untitled' }).waitFor({ state: 'detached' });
    });

    const preview = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

    await step('open the preview to the side', async () => {
        await runCommand('Notifications: Clear All Notifications');
        await openFile(EXAMPLE);
        await focusEditor();
        await page.keyboard.press('Control+Home');
        await runCommand('Minutes: Open Preview to the Side');
        await page.locator('.tabs-container .tab', { hasText: `Preview ${EXAMPLE}` }).waitFor({ state: 'visible' });
        await preview().locator('h1', { hasText: TITLE_START }).first().waitFor({ state: 'visible' });
        await page.mouse.move(150, 600); // over the explorer's empty part: no tooltip in the picture
        await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ state: 'hidden' }).catch(() => undefined);
        await page.screenshot({ path: join(screenshotsDir, 'preview.png') });
    });

    await step('scroll the editor and see the preview follow', async () => {
        const webview = await page.locator('iframe.webview.ready').boundingBox();
        const heading = preview().locator('h1', { hasText: TITLE_START }).first();
        await focusEditor();
        // Go to the last section heading: the editor scrolls to show it.
        const source = readFileSync(join(workspace, EXAMPLE), 'utf8').split('\n');
        const lastHeading = source.findLastIndex(line => /^#{1,6}\s/.test(line));
        await page.keyboard.press('Control+G');
        await page.keyboard.type(String(lastHeading + 1));
        await page.keyboard.press('Enter');
        const target = preview().locator('[data-minutes-scroll-target]');
        await target.waitFor({ state: 'attached' });
        // The page has moved: the title is above the webview and the target inside it.
        for (const deadline = Date.now() + TIMEOUT; ;) {
            const [title, marked] = [await heading.boundingBox(), await target.boundingBox()];
            if (title && marked && title.y + title.height < webview.y && marked.y >= webview.y && marked.y < webview.y + webview.height) break;
            if (Date.now() > deadline) throw new Error(`the preview did not follow: title ${JSON.stringify(title)}, target ${JSON.stringify(marked)}, webview ${JSON.stringify(webview)}`);
            await new Promise(r => setTimeout(r, 200));
        }
        await page.screenshot({ path: join(resultsDir, '03-preview-follows.png') });
    });

    await step('run Minutes: Generate HTML… and save beside the source', async () => {
        await openFile(EXAMPLE);
        await runCommand('Minutes: Generate HTML…', { opensInput: true });
        // VS Code's own save dialog (a path in a quick input), proposing the file beside the source.
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        const expected = EXAMPLE.replace(/\.minutes$/, '.html');
        for (const deadline = Date.now() + TIMEOUT; !(await input.inputValue()).endsWith(`/${expected}`);) {
            if (Date.now() > deadline) throw new Error(`the dialog proposes ${await input.inputValue()}`);
            await new Promise(r => setTimeout(r, 100));
        }
        await page.keyboard.press('Enter');
        await page.locator('.notifications-toasts', { hasText: `Saved ${expected}` }).waitFor({ state: 'visible' });
        const html = readFileSync(join(workspace, expected), 'utf8');
        if (!html.startsWith('<!DOCTYPE html>') || !html.includes(TITLE_START)) throw new Error(`unexpected HTML: ${html.slice(0, 200)}`);
        await runCommand('Notifications: Clear All Notifications');
    });

    await step(`type a misspelt speaker (@${wrongHandle}) and see the error in the Problems panel`, async () => {
        await openFile(EXAMPLE);
        await newLineAtEnd();
        await page.keyboard.type(`@${wrongHandle}: We agreed to meet again.`, { delay: 20 });
        await page.keyboard.press('Control+Shift+M');
        const problem = page.locator('.markers-panel .monaco-list-row', { hasText: wrongHandle }).first();
        await problem.waitFor({ state: 'visible' });
        await page.screenshot({ path: join(resultsDir, '04-problems.png') });
    });

    await step('see generation refused while the file has an error', async () => {
        await openFile(EXAMPLE);
        await runCommand('Minutes: Generate Email');
        await page.locator('.notifications-toasts', { hasText: 'Cannot generate the email' }).waitFor({ state: 'visible' });
        await page.locator('.notifications-toasts .monaco-button', { hasText: 'Show Problems' }).first().waitFor({ state: 'visible' });
        await page.screenshot({ path: join(resultsDir, '05-refused.png') });
    });

    await step('stop the language server and see it restarted', async () => {
        const [before] = languageServerPids();
        if (!before) throw new Error('no language server process under code-server');
        process.kill(before, 'SIGKILL');
        let after;
        for (const deadline = Date.now() + TIMEOUT; !after; await new Promise(r => setTimeout(r, 250))) {
            after = languageServerPids().find(pid => pid !== before);
            if (Date.now() > deadline) throw new Error('the language server was not restarted');
        }
        // The new server knows the workspace: a second misspelt speaker is reported too.
        await openFile(EXAMPLE);
        await newLineAtEnd();
        await page.keyboard.type(`@${wrongHandle}x: Once more.`, { delay: 20 });
        await page.locator('.markers-panel .monaco-list-row', { hasText: `${wrongHandle}x` }).first().waitFor({ state: 'visible' });
    });

    await step('run Minutes: Check Workspace and see every file checked', async () => {
        await runCommand('Minutes: Check Workspace');
        const files = readdirSync(workspace).filter(name => name.endsWith('.minutes')).length;
        await page.locator('.notifications-toasts', { hasText: `Minutes: ${files} files checked` }).waitFor({ state: 'visible' });
        await page.screenshot({ path: join(resultsDir, '06-check-workspace.png') });
    });

    console.log(`e2e: all ${stepsRun} steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (error) {
    console.error(error);
    process.exitCode = 1;
} finally {
    await browser?.close().catch(() => undefined);
    if (server?.pid) {
        try {
            process.kill(-server.pid, 'SIGTERM'); // code-server and its children: its own process group
        } catch {
            // already gone
        }
    }
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
}
