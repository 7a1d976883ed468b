import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateHtml } from '../../src/generation/html.js';
import { documentsUnderTest, loadFixtures } from '../helpers/fixtures.js';

const documents = await documentsUnderTest();
const fixtures = await loadFixtures();
const pages = documents.map(({ name, document }) => ({ name, html: generateHtml(document.parseResult.value) }));
const board = generateHtml(fixtures['board-meeting.minutes'].parseResult.value);
const hostile = generateHtml(fixtures['hostile.minutes'].parseResult.value);

const validator = new HtmlValidate({ extends: ['html-validate:recommended', 'html-validate:document', 'html-validate:a11y'] });

describe('the HTML page of every fixture and example', () => {
    for (const { name, html } of pages) {
        test(`${name} is valid, accessible HTML5 (html-validate: recommended, document, a11y)`, async () => {
            const report = await validator.validateString(html);
            const messages = report.results.flatMap(result => result.messages.map(m => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
            expect(messages).toEqual([]);
        });

        test(`${name} stands alone: no script, no external resource, every fragment link has its target`, () => {
            const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s[^>]*)?)>/g)];
            expect(tags.map(tag => tag[1].toLowerCase()).filter(name => ['script', 'link', 'iframe', 'object', 'embed', 'img', 'base', 'form'].includes(name))).toEqual([]);
            expect(tags.filter(tag => /\s(src|on\w+|formaction|srcset)=/i.test(tag[2])).map(tag => tag[0])).toEqual([]);
            const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
            expect(style).not.toMatch(/@import|url\(/i);
            expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
            expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
            expect(html).toContain('@media print');
            const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map(match => match[1]));
            for (const [, href] of html.matchAll(/\shref="([^"]+)"/g)) {
                if (href.startsWith('#')) expect(ids.has(href.slice(1)), href).toBe(true);
                else expect(href).toMatch(/^(https?:\/\/|mailto:)/i);
            }
        });
    }
});

describe('the HTML page\'s content', () => {
    test('a header with the metadata; participants in a table with organisation, role and attendance', () => {
        expect(board).toContain('<h1 id="top">Steering group — Ljubljana retreat</h1>');
        expect(board).toContain('<div><dt>Date</dt><dd>18 April 2024</dd></div>');
        expect(board).toContain('<thead><tr><th scope="col">Name</th><th scope="col">Organisation</th><th scope="col">Role</th><th scope="col">Attendance</th><th scope="col">Note</th></tr></thead>');
        expect(board).toMatch(/<tr id="m1-akovacs"><th scope="row">Anja Kovačević<\/th><td data-label="Organisation">Faculty of Law, Zagreb<\/td><td data-label="Role">Professor of law<\/td><td data-label="Attendance">present<\/td>/);
        expect(board).toContain('<td data-label="Attendance">remote</td>');
        expect(board).toMatch(/<tr id="m1-pfaltstrom"><th scope="row">Patrik Fältström<\/th><td data-label="Organisation">SSAC<\/td><td data-label="Role"><strong>chair<\/strong><br>SSAC Chair<\/td>/);
    });

    test('the agenda is a table of contents linking to its sections', () => {
        expect(board).toMatch(/<nav class="agenda" aria-label="Agenda">[\s\S]*?<a href="#section-1-opening">Opening<\/a>/);
        expect(board).toContain('<h2 id="section-1-opening">1. Opening</h2>');
    });

    test('a speaker links to their participant entry', () => {
        expect(board).toContain('<p class="speaker" dir="auto"><a class="person" href="#m1-akovacs">Anja Kovačević</a> (Faculty of Law, Zagreb) <span class="qualifiers">[replying to <span class="person" title="Patrik Fältström">Patrik</span>]</span></p>');
        expect(board).toContain('<p dir="auto"><a class="person" href="#m1-jli" title="李娜 Li Na">Li</a> agreed, noting that 5 &lt; 7 &amp; 9 &gt; 3 hold in every budget scenario.</p>');
    });

    test('actions in a table with owner, due date and status', () => {
        expect(board).toContain('<thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>');
        expect(board).toContain('<td data-label="Due"><time datetime="2024-05-01" dir="ltr">2024-05-01</time></td><td data-label="Status">open</td>');
    });

    test('everything from the source is escaped; only http, https and mailto URLs are links', () => {
        const tagNames = [...hostile.matchAll(/<([a-zA-Z][\w-]*)/g)].map(match => match[1].toLowerCase());
        expect(tagNames.filter(name => ['script', 'img', 'b', 'h1'].includes(name))).toEqual(['h1']);
        expect(hostile).not.toContain('<!--');
        expect(hostile).toContain('&lt;script&gt;alert("title")&lt;/script&gt; &amp; "quotes"');
        expect(hostile).toContain('&lt;b&gt;bold?&lt;/b&gt; &amp;amp; entity; javascript:alert(1) stays text; data:text/html,&lt;h1&gt;x&lt;/h1&gt; too; ftp://example.org/file is text.');
        expect(hostile).not.toMatch(/href="(javascript|data|ftp):/i);
        expect(board).toContain('<a href="mailto:steering@example.org">mailto:steering@example.org</a>');
    });

    test('the title element is short enough to read in a tab; the heading keeps the whole title', () => {
        expect(hostile).toMatch(/<title>[^<]{1,70}<\/title>/);
        expect(hostile).toContain('<h1 id="top">&lt;script&gt;alert("title")&lt;/script&gt; &amp; "quotes" \'single\' | pipes | *stars* _under_ `code` [link](https://evil.example)</h1>');
    });

    test('a report shows each meeting in a section of its own, with a table of contents', () => {
        const report = generateHtml(fixtures['annual-report.minutes'].parseResult.value);
        expect(report.match(/<section class="meeting">/g)).toHaveLength(3);
        expect(report).toMatch(/<nav class="contents" aria-label="Contents">/);
        expect(report).toContain('<h4 id="meeting-1">Spring meeting</h4>');
    });
});

describe('the HTML page in a browser (headless Chromium)', () => {
    let browser: Browser;
    beforeAll(async () => {
        browser = await launchChromium();
    });
    afterAll(async () => {
        await browser?.close();
    });

    for (const { name, html } of pages) {
        test(`${name}: renders without console errors, asks for nothing, fits a phone's width`, async () => {
            const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
            const problems: string[] = [];
            const requests: string[] = [];
            page.on('console', message => { if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text()); });
            page.on('pageerror', error => problems.push(error.message));
            page.on('request', request => requests.push(request.url()));
            await page.route('**/*', route => route.abort());
            await page.setContent(html, { waitUntil: 'load' });
            const layout = await page.evaluate(() => ({
                scrollWidth: document.documentElement.scrollWidth,
                clientWidth: document.documentElement.clientWidth,
                headings: document.querySelectorAll('h1').length,
                text: document.body.innerText.length
            }));
            await page.close();
            expect(problems).toEqual([]);
            expect(requests).toEqual([]);
            expect(layout.headings).toBe(1);
            expect(layout.text).toBeGreaterThan(100);
            expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
        });
    }
});
