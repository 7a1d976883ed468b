import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generate } from '../../src/generation/generate.js';
import { hostileDocument } from './hostile.js';

/**
 * The HTML output (the `.html` file, the eml's HTML part and the editor's preview) of a
 * document whose every field is hostile, rendered in headless Chromium: no script runs,
 * no request leaves the page, every payload reads as the text it is, and a bidi override
 * in a name does not reorder the text around it.
 *
 * The page is rendered twice: as generated, and with its Content-Security-Policy removed
 * — the escaping must hold on its own, since a page is also pasted into mail clients and
 * other pages, where its policy does not travel with it.
 */
const PREVIEW_HTML = fileURLToPath(new URL('../../../extension/src/preview-html.ts', import.meta.url));

let browser: Browser;
let html: string;

beforeAll(async () => {
    browser = await launchChromium();
    html = await generate(await hostileDocument(), 'html', { names: 'directory' });
});

afterAll(async () => {
    await browser?.close();
});

interface Rendered {
    page: Page;
    /** Calls of `pwned(…)`: any of them means a payload ran. */
    calls: string[];
    dialogs: string[];
    requests: string[];
    consoleMessages: string[];
}

/** Renders HTML with every way out watched: a binding that payloads call, dialogs, requests, the console. */
async function render(content: string): Promise<Rendered> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const rendered: Rendered = { page, calls: [], dialogs: [], requests: [], consoleMessages: [] };
    await page.exposeFunction('pwned', (what: unknown) => { rendered.calls.push(String(what)); });
    page.on('dialog', dialog => { rendered.dialogs.push(dialog.message()); void dialog.dismiss(); });
    page.on('console', message => rendered.consoleMessages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', error => rendered.consoleMessages.push(`pageerror: ${error.message}`));
    page.on('request', request => { if (!request.url().startsWith('data:text/html')) rendered.requests.push(request.url()); });
    await page.route('**/*', route => route.abort());
    await page.setContent(content, { waitUntil: 'load' });
    // Fire every event an injected handler could wait for, on every element. (Links are checked by their href.)
    await page.evaluate(() => {
        for (const element of Array.from(document.querySelectorAll('*'))) {
            for (const type of ['mouseover', 'mouseenter', 'click', 'focus', 'load', 'error', 'animationstart']) {
                element.dispatchEvent(new Event(type, { bubbles: true }));
            }
        }
    });
    await page.waitForTimeout(100);
    return rendered;
}

async function expectInert(rendered: Rendered): Promise<void> {
    const dom = await rendered.page.evaluate(() => {
        const elements = Array.from(document.querySelectorAll('*'));
        return {
            tags: [...new Set(elements.map(element => element.tagName.toLowerCase()))],
            handlers: elements.flatMap(element => Array.from(element.attributes).filter(a => /^on/i.test(a.name)).map(a => `${element.tagName} ${a.name}`)),
            hrefs: elements.filter(element => element.hasAttribute('href')).map(element => element.getAttribute('href')!),
            sources: elements.filter(element => element.hasAttribute('src') || element.hasAttribute('srcdoc')).length,
            styles: Array.from(document.querySelectorAll('style')).map(style => style.textContent ?? ''),
            base: document.querySelectorAll('base').length
        };
    });
    expect(rendered.calls).toEqual([]);
    expect(rendered.dialogs).toEqual([]);
    expect(rendered.requests).toEqual([]);
    // (An svg is the generator's own chart of who spoke: scripts and foreign content inside it are looked for too.)
    expect(dom.tags.filter(tag => ['script', 'iframe', 'img', 'image', 'object', 'embed', 'base', 'form', 'input', 'link', 'foreignobject', 'use', 'animate', 'set'].includes(tag))).toEqual([]);
    expect(dom.handlers).toEqual([]);
    expect(dom.sources).toBe(0);
    expect(dom.styles.filter(style => /pwned|attacker|display:\s*none\}/.test(style))).toEqual([]);
    expect(dom.base).toBe(0);
    for (const href of dom.hrefs) expect(href).toMatch(/^(#|https?:\/\/|mailto:)/i);
    for (const href of dom.hrefs.filter(h => /^https?:/i.test(h))) expect(href).not.toMatch(/["<>\s]/);
}

describe('the HTML of a hostile document, in headless Chromium', () => {
    test('the watch works: a payload that is not escaped is seen running and asking', async () => {
        const rendered = await render(`<p>x</p><img src="https://attacker.example/x.png" onerror="pwned('control')"><b onmouseover="pwned('hover')">y</b>`);
        expect(rendered.calls).toContain('control');
        expect(rendered.calls).toContain('hover');
        expect(rendered.requests).toEqual(['https://attacker.example/x.png']);
        await rendered.page.close();
    });

    test('as generated: nothing runs, nothing is requested, the console stays silent', async () => {
        const rendered = await render(html);
        await expectInert(rendered);
        expect(rendered.consoleMessages).toEqual([]);
        await rendered.page.close();
    });

    test('without its Content-Security-Policy: still nothing runs — the escaping holds on its own', async () => {
        const bare = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
        expect(bare).not.toContain('Content-Security-Policy');
        const rendered = await render(bare);
        await expectInert(rendered);
        await rendered.page.close();
    });

    test('every payload reads as the text it is: in the title, names, metadata, prose, agenda and actions', async () => {
        const rendered = await render(html);
        const { title, text } = await rendered.page.evaluate(() => ({ title: document.title, text: document.body.innerText }));
        await rendered.page.close();
        expect(title).toContain("</title><script>pwned('title')</script>");
        for (const payload of [
            "<script>pwned('person')</script>",
            `"><img src=x onerror=pwned('venue')>`,
            `<a href="javascript:pwned('room')">Room</a>`,
            "javascript:pwned('link')",
            "<img src=x onerror=pwned('prose')>",
            "<script>pwned('agenda')</script>",
            "<svg><script>pwned('action')</script></svg>",
            "<script>pwned('decision')</script>"
        ]) {
            expect(text, payload).toContain(payload);
        }
    });

    test('a bidi override in a name does not reorder the text after it', async () => {
        const words = ['APPROVEDAFTEROVERRIDE', 'AFTERMENTION'];
        expect(await drawnLeftToRight(html, words)).toEqual([true, true]);
        // The check can fail: with the closing controls taken out, the overrides reach these words.
        expect(await drawnLeftToRight(html.replace(/[\u202C\u2069]/g, ''), words)).toEqual([false, false]);
    });
});

/** For each word: whether each of its characters is drawn to the right of the one before. */
async function drawnLeftToRight(content: string, words: string[]): Promise<boolean[]> {
    const rendered = await render(content);
    const order = await rendered.page.evaluate((words: string[]) => words.map(word => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent!.indexOf(word);
            if (at < 0) continue;
            const lefts: number[] = [];
            for (let i = at; i < at + word.length; i++) {
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                lefts.push(range.getBoundingClientRect().left);
            }
            return lefts.every((left, i) => i === 0 || left > lefts[i - 1]);
        }
        throw new Error(`${word} is not on the page`);
    }), words);
    await rendered.page.close();
    return order;
}

describe('the editor\'s preview', () => {
    test('its Content-Security-Policy forbids scripts and any load from elsewhere', () => {
        const source = readFileSync(PREVIEW_HTML, 'utf8');
        const policy = /export const PREVIEW_CSP = "([^"]+)"/.exec(source)?.[1];
        expect(policy).toBeDefined();
        const directives = new Map(policy!.split(';').map(part => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
        expect(directives.get('default-src')).toEqual(["'none'"]);
        // Only these may relax the default, and none of them towards scripts or remote places.
        for (const [name, values] of directives) {
            expect(['default-src', 'style-src', 'img-src', 'font-src'], name).toContain(name);
            for (const value of values) expect(["'none'", "'unsafe-inline'", 'data:'], `${name} ${value}`).toContain(value);
        }
        expect(directives.has('script-src')).toBe(false);
    });

    test('the preview of the hostile document runs nothing and loads nothing', async () => {
        const { previewHtml } = await import('../../../extension/src/preview-html.js');
        const rendered = await render(previewHtml(html, { topLine: 20, source: '', banner: '<p>Problems</p>' }));
        await expectInert(rendered);
        await rendered.page.close();
    });
});
