import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../language/test/helpers/browser.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dozenMeetings } from './dozen-meetings.js';
import { runCli, tempWorkspace } from './helpers/run-cli.js';

const validator = new HtmlValidate({ extends: ['html-validate:recommended', 'html-validate:document', 'html-validate:a11y'] });

function filesUnder(folder: string, prefix = ''): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap(entry => entry.isDirectory()
        ? filesUnder(path.join(folder, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`]).sort();
}

/** Builds the site of a folder of notes into `site` beside it; returns the site's folder. */
async function buildSite(files: Record<string, string>, args: string[] = []): Promise<{ notes: string; site: string; stdout: string }> {
    const work = tempWorkspace(Object.fromEntries(Object.entries(files).map(([name, text]) => [`notes/${name}`, text])));
    const result = await runCli(['generate', 'notes', '--format', 'site', '-o', 'site', '--today', '2024-06-20', ...args], { cwd: work });
    expect([result.code, result.stderr]).toEqual([0, '']);
    return { notes: path.join(work, 'notes'), site: path.join(work, 'site'), stdout: result.stdout };
}

const examples = Object.fromEntries(readdirSync('examples').filter(name => name.endsWith('.minutes')).map(name => [name, readFileSync(path.join('examples', name), 'utf8')]));
const series = dozenMeetings();

describe('minutes generate FOLDER --format site', () => {
    let browser: Browser;
    beforeAll(async () => {
        browser = await launchChromium();
    });
    afterAll(async () => {
        await browser?.close();
    });

    for (const [name, files] of [['the examples', examples], ['a dozen meetings', series.files]] as const) {
        test(`${name}: every page is valid, accessible HTML; in Chromium no console error, no request outside the site, every link resolves`, async () => {
            const { site } = await buildSite(files);
            const pages = filesUnder(site).filter(file => file.endsWith('.html'));
            expect(pages).toEqual(expect.arrayContaining(['index.html', 'actions.html', 'speakers.html', 'search.html']));
            expect(pages.filter(page => page.startsWith('meetings/'))).toHaveLength(Object.keys(files).filter(f => f !== 'directory.minutes').length);
            for (const page of pages) {
                const report = await validator.validateString(readFileSync(path.join(site, page), 'utf8'));
                expect(report.results.flatMap(r => r.messages.map(m => `${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
            }
            const root = pathToFileURL(site + path.sep).href;
            for (const page of pages) {
                const tab = await browser.newPage();
                const problems: string[] = [];
                const outside: string[] = [];
                tab.on('console', message => { if (message.type() === 'error' || message.type() === 'warning') problems.push(`${page}: ${message.text()}`); });
                tab.on('pageerror', error => problems.push(`${page}: ${error.message}`));
                await tab.route('**/*', route => {
                    if (route.request().url().startsWith(root)) return route.continue();
                    outside.push(route.request().url());
                    return route.abort();
                });
                await tab.goto(new URL(page, root).href, { waitUntil: 'load' });
                const links = await tab.evaluate(() => [...document.querySelectorAll('a[href]')].map(a => (a as HTMLAnchorElement).href));
                await tab.close();
                expect(problems).toEqual([]);
                expect(outside).toEqual([]);
                for (const link of links) {
                    if (/^(https?|mailto):/i.test(link)) continue;
                    expect(link.startsWith(root), `${page}: ${link}`).toBe(true);
                    const target = new URL(link);
                    const file = decodeURIComponent(target.pathname);
                    expect(existsSync(file), `${page}: ${link}`).toBe(true);
                    if (target.hash) expect(readFileSync(file, 'utf8'), `${page}: ${link}`).toContain(` id="${decodeURIComponent(target.hash.slice(1))}"`);
                }
            }
        });
    }

    test('the index lists the series by date with attendance; the actions page has each owner\'s actions, overdue first, linked to where agreed and reported', async () => {
        const { site } = await buildSite(series.files);
        const index = readFileSync(path.join(site, 'index.html'), 'utf8');
        const rows = [...index.matchAll(/<tr><td><time datetime="([\d-]+)" dir="ltr">/g)].map(m => m[1]);
        expect(rows).toEqual(series.meetings.map(m => m.slice(0, 10)).reverse());
        series.meetings.forEach((meeting, m) => {
            const attended = series.attended.get(meeting)!.length;
            const decision = m % 3 === 0 ? `<ul><li><strong>Decision:</strong> The group adopts the work plan of call ${m + 1}.</li></ul>` : '';
            expect(index).toContain(`WG-Net call ${m + 1}</a></th><td data-label="Attendance">${attended}</td><td data-label="Outcomes">${decision}</td>`);
        });
        const actions = readFileSync(path.join(site, 'actions.html'), 'utf8');
        const state = (id: string) => series.status.get(id) === 'open' ? (series.due.get(id)! < '2024-06-20' ? 'overdue' : 'open') : series.status.get(id)!;
        const ids = [...series.status.keys()];
        const count = (wanted: string) => ids.filter(id => state(id) === wanted).length;
        expect(actions).toContain(`<p>${count('overdue')} overdue on <time datetime="2024-06-20" dir="ltr">2024-06-20</time>, ${count('open')} open, ${count('done')} done, ${count('dropped')} dropped; by owner, overdue first.</p>`);
        for (const id of ids) {
            const row = new RegExp(`<tr class="status-[a-z]+"><td><span class="action-id">#${id}</span>.*?</tr>`).exec(actions)?.[0];
            expect(row, id).toBeDefined();
            expect(row).toContain(`href="meetings/${series.agreedIn.get(id)!.replace('.minutes', '.html')}#action-${id}"`);
            if (state(id) === 'overdue') expect(row).toContain('<span class="overdue">Overdue</span>');
            if (series.status.get(id) !== 'open') expect(row).toMatch(/#update-wg-\d+"/);
        }
    });

    test('search: the list is the index; typing filters it without a server', async () => {
        const { site } = await buildSite(series.files);
        const tab = await browser.newPage();
        await tab.goto(pathToFileURL(path.join(site, 'search.html')).href);
        const total = await tab.locator('#search-results li').count();
        expect(total).toBe(12);
        await tab.fill('#search-query', 'call 3');
        const found = await tab.locator('#search-results li:visible a').allTextContents();
        expect(found).toContain(`${series.meetings[2].slice(0, 10)} WG-Net call 3`);
        expect(found.length).toBeLessThan(12);
        await tab.fill('#search-query', 'elise');
        const withElise = series.meetings.filter(m => series.attended.get(m)!.includes('eleroy')).length;
        expect(await tab.locator('#search-results li:visible').count()).toBe(withElise);
        expect(await tab.locator('#search-count').textContent()).toBe(`${withElise} of 12 meetings match.`);
        // The query of the address (the form's GET), accents ignored either way.
        await tab.goto(`${pathToFileURL(path.join(site, 'search.html')).href}?q=L%C3%89ROY`);
        expect(await tab.locator('#search-results li:visible').count()).toBe(withElise);
        await tab.close();
    });

    test('a site in the notes\' language: pages that gather meetings in the language they share, or the configuration\'s; each meeting marked with its own', async () => {
        const meeting = (title: string, language: string, date: string, extra = '') => `meeting: ${title}\nlanguage: ${language}\ngroup: GT-Net\ndate: ${date}\n\n@mcade: Bonjour.\n${extra}`;
        const french = {
            'directory.minutes': 'person @mcade Marilyn Cade\n',
            'a.minutes': meeting('Première réunion', 'fr', '2024-05-02', '\naction #plan @mcade due 2024-06-01: Rédiger le plan.\n'),
            'b.minutes': meeting('Deuxième réunion', 'fr', '2024-06-03', '\ndecision: Le plan est adopté.\n')
        };
        const { site } = await buildSite(french);
        const page = (name: string) => readFileSync(path.join(site, name), 'utf8');
        for (const name of ['index.html', 'actions.html', 'speakers.html', 'search.html', 'meetings/a.html']) {
            expect(page(name), name).toContain('<html lang="fr" dir="ltr">');
            expect(page(name), name).toContain('<nav class="site" aria-label="Site">\n<ul><li><a href="');
            expect(page(name), name).toMatch(/>Réunions<\/a><\/li><li><a [^>]*>Actions<\/a><\/li><li><a [^>]*>Prises de parole<\/a><\/li><li><a [^>]*>Recherche<\/a>/);
            const report = await validator.validateString(page(name));
            expect(report.results.flatMap(r => r.messages.map(m => `${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
        }
        expect(page('index.html')).toContain('<h1>Réunions\u00A0: notes</h1>');
        expect(page('index.html')).toContain('<p>2 réunions, du <time datetime="2024-05-02" dir="ltr">2024-05-02</time> au <time datetime="2024-06-03" dir="ltr">2024-06-03</time>. '
            + '<a href="actions.html">1 action en cours</a>, 1 en retard au <time datetime="2024-06-20" dir="ltr">2024-06-20</time>.</p>');
        expect(page('index.html')).toContain('<caption>GT-Net\u00A0: 2 réunions, de la plus récente à la plus ancienne</caption>');
        expect(page('index.html')).toContain('<strong>Décision\u00A0:</strong> Le plan est adopté.');
        expect(page('actions.html')).toContain('<span class="overdue">En retard</span>, échéance le <time datetime="2024-06-01" dir="ltr">2024-06-01</time> (19 jours)');
        expect(page('speakers.html')).toContain('<p>2 réunions\u00A0; 2 interventions, 2 mots.</p>');
        expect(page('search.html')).toContain('data-matching="Résultats\u00A0: {shown} sur 2."');
        // Every meeting is in the page's language: none is marked.
        expect(page('index.html')).not.toContain('<th scope="row" lang=');

        // Meetings in two languages and a configuration in a third: the gathering pages are in the configuration's.
        const mixed = await buildSite({
            ...french,
            'b.minutes': meeting('Reunión de junio', 'es', '2024-06-03'),
            '.minutes.jsonc': '{ "locale": "ar" }\n'
        });
        const index = readFileSync(path.join(mixed.site, 'index.html'), 'utf8');
        expect(index).toContain('<html lang="ar" dir="rtl">');
        expect(index).toContain('<th scope="row" lang="fr" dir="ltr">');
        expect(index).toContain('<th scope="row" lang="es" dir="ltr">');
        expect(readFileSync(path.join(mixed.site, 'meetings/b.html'), 'utf8')).toContain('<html lang="es" dir="ltr">');
        const report = await validator.validateString(index);
        expect(report.results.flatMap(r => r.messages.map(m => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
        // The search script counts in the page's language.
        const tab = await browser.newPage();
        await tab.goto(pathToFileURL(path.join(mixed.site, 'search.html')).href);
        await tab.fill('#search-query', 'junio');
        expect(await tab.locator('#search-count').textContent()).toBe('النتائج: 1 من 2.');
        await tab.close();
    });

    test('incremental: an unchanged page keeps its file (inode and time); a changed meeting rewrites its page only', async () => {
        const { notes, site } = await buildSite(series.files);
        const before = new Map(filesUnder(site).map(file => [file, statSync(path.join(site, file))]));
        const again = await runCli(['generate', 'notes', '--format', 'site', '-o', 'site', '--today', '2024-06-20'], { cwd: path.dirname(notes) });
        expect(again.stdout).toBe(`site: ${before.size} files, 0 written, ${before.size} unchanged\n`);
        for (const [file, stat] of before) {
            const now = statSync(path.join(site, file));
            expect([file, now.ino, now.mtimeMs]).toEqual([file, stat.ino, stat.mtimeMs]);
        }
        const last = series.meetings[series.meetings.length - 1];
        writeFileSync(path.join(notes, last), readFileSync(path.join(notes, last), 'utf8').replace('I support the plan for call 12.', 'I support the plan for call 12, with a change.'));
        const changed = await runCli(['generate', 'notes', '--format', 'site', '-o', 'site', '--today', '2024-06-20'], { cwd: path.dirname(notes) });
        expect(changed.code).toBe(0);
        const rewritten = filesUnder(site).filter(file => statSync(path.join(site, file)).ino !== before.get(file)?.ino);
        // The meeting's page, and the words counted on "Who was heard".
        expect(rewritten).toEqual([`meetings/${last.replace('.minutes', '.html')}`, 'speakers.html']);
    });

    test('atomic: a run that fails while writing leaves the previous site as it was and nothing beside it; -o never replaces a folder that is not a site', async () => {
        const { notes, site } = await buildSite(series.files);
        const work = path.dirname(notes);
        const before = new Map(filesUnder(site).map(file => [file, readFileSync(path.join(site, file), 'utf8')]));
        const preload = path.join(work, 'fail.mjs');
        writeFileSync(preload, `import { promises } from 'node:fs';
const write = promises.writeFile;
promises.writeFile = async (file, ...rest) => {
  if (String(file).endsWith('speakers.html')) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
  return write.call(promises, file, ...rest);
};
`);
        writeFileSync(path.join(notes, series.meetings[0]), readFileSync(path.join(notes, series.meetings[0]), 'utf8') + '\n@achen: One more word.\n');
        const failed = await runCli(['generate', 'notes', '--format', 'site', '-o', 'site'], { cwd: work, env: { NODE_OPTIONS: `--import ${pathToFileURL(preload).href}` } });
        expect(failed.code).toBe(2);
        expect(failed.stderr).toMatch(/^minutes: site: cannot write the site: no space left on device\n$/);
        expect(new Map(filesUnder(site).map(file => [file, readFileSync(path.join(site, file), 'utf8')]))).toEqual(before);
        expect(readdirSync(work).sort()).toEqual(['fail.mjs', 'notes', 'site']);

        expect((await runCli(['generate', 'notes', '--format', 'site', '-o', 'notes'], { cwd: work })).stderr).toBe('minutes: notes: holds the notes; the site goes to a folder of its own\n');
        expect((await runCli(['generate', 'notes', '--format', 'site', '-o', '.'], { cwd: work })).code).toBe(2);
        const other = tempWorkspace({ 'keep.txt': 'mine' });
        const refused = await runCli(['generate', path.join(work, 'notes'), '--format', 'site', '-o', other], { cwd: work });
        expect(refused.stderr).toMatch(/not empty and not a site minutes wrote \(no \.minutes-site in it\)/);
        expect(readdirSync(other)).toEqual(['keep.txt']);
        expect((await runCli(['generate', 'notes', '--format', 'site'], { cwd: work })).stderr).toBe('minutes: a site is a folder: give -o FOLDER\n');
    });
});
