import { describe, expect, test } from 'vitest';
import { markScrollTarget, PREVIEW_CSP, previewHtml, problemsBanner } from '../src/preview-html.js';

const PAGE = [
    '<!DOCTYPE html>', '<html lang="en">', '<head>', '<title>T</title>', '</head>', '<body>', '<main>',
    '<h1>Title</h1>', '<p>one</p>', '<p>two</p>', '<ul><li>three</li><li>four</li></ul>', '<p>five</p>',
    '</main>', '</body>', '</html>'
].join('\n');

describe('the preview page', () => {
    test('puts the no-script policy first in the head', () => {
        const html = previewHtml(PAGE, { topLine: 0, lineCount: 10 });
        const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
        expect(head.trimStart().startsWith(`<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`)).toBe(true);
        expect(PREVIEW_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    });

    test('wraps a fragment without a head in a page with the policy', () => {
        const html = previewHtml('<p>bare</p>', { topLine: 0, lineCount: 1 });
        expect(html).toMatch(/^<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy"/);
        expect(html).toContain('<body><p>bare</p></body>');
    });

    test('marks nothing at the top of the file', () => {
        expect(markScrollTarget(PAGE, 0, 100)).toBe(PAGE);
        expect(previewHtml(PAGE, { topLine: 0, lineCount: 100 })).not.toContain('scroll-snap');
    });

    test('without data-line, marks the block at the same proportion of the page', () => {
        // Six blocks (h1, p, p, li, li, p): line 50 of 100 is the fourth, the first <li>.
        const marked = markScrollTarget(PAGE, 50, 100);
        expect(marked).toContain('<li data-minutes-scroll-target>three</li>');
        expect(marked.match(/data-minutes-scroll-target/g)).toHaveLength(1);
        expect(markScrollTarget(PAGE, 99, 100)).toContain('<p data-minutes-scroll-target>five</p>');
        expect(previewHtml(PAGE, { topLine: 50, lineCount: 100 })).toContain('scroll-snap-type:y mandatory');
    });

    test('with data-line, marks the last element at or before the top line', () => {
        const page = '<html><head></head><body><h2 data-line="3">a</h2><p data-line="7">b</p><p data-line="12">c</p></body></html>';
        expect(markScrollTarget(page, 9, 20)).toContain('<p data-minutes-scroll-target data-line="7">b</p>');
        expect(markScrollTarget(page, 11, 20)).toContain('<p data-minutes-scroll-target data-line="12">c</p>');
        expect(markScrollTarget(page, 1, 20)).toBe(page); // before the first element: nothing to land on
    });

    test('the banner escapes what it shows and says how many more there are', () => {
        const banner = problemsBanner('This file has 7 errors.', ['<b>1</b>', '2', '3', '4', '5', '6', '7'], true);
        expect(banner).toContain('&lt;b&gt;1&lt;/b&gt;');
        expect(banner).toContain('… and 2 more');
        expect(banner).toContain('last version');
        const page = previewHtml(PAGE, { topLine: 0, lineCount: 1, banner });
        expect(page.indexOf(banner)).toBeGreaterThan(page.indexOf('<body>'));
    });
});
