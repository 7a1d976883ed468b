import { describe, expect, test } from 'vitest';
import { markScrollTarget, PREVIEW_CSP, previewHtml, problemsBanner } from '../src/preview-html.js';

/** A source of `n` lines without headings. */
const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`).join('\n');

const PAGE = [
    '<!DOCTYPE html>', '<html lang="en">', '<head>', '<title>T</title>', '</head>', '<body>', '<main>',
    '<h1>Title</h1>', '<p>one</p>', '<p>two</p>', '<ul><li>three</li><li>four</li></ul>', '<p>five</p>',
    '</main>', '</body>', '</html>'
].join('\n');

describe('the preview page', () => {
    test('puts the no-script policy first in the head', () => {
        const html = previewHtml(PAGE, { topLine: 0, source: lines(10) });
        const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
        expect(head.trimStart().startsWith(`<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`)).toBe(true);
        expect(PREVIEW_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    });

    test('wraps a fragment without a head in a page with the policy', () => {
        const html = previewHtml('<p>bare</p>', { topLine: 0, source: 'x' });
        expect(html).toMatch(/^<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy"/);
        expect(html).toContain('<body><p>bare</p></body>');
    });

    test('marks nothing at the top of the file', () => {
        expect(markScrollTarget(PAGE, lines(100), 0)).toBe(PAGE);
        expect(previewHtml(PAGE, { topLine: 0, source: lines(100) })).not.toContain('scroll-snap');
    });

    test('without headings or data-line, marks the block at the same proportion of the page', () => {
        // Six blocks (h1, p, p, li, li, p): line 50 of 100 is the fourth, the first <li>.
        const marked = markScrollTarget(PAGE, lines(100), 50);
        expect(marked).toContain('<li data-minutes-scroll-target>three</li>');
        expect(marked.match(/data-minutes-scroll-target/g)).toHaveLength(1);
        expect(markScrollTarget(PAGE, lines(100), 99)).toContain('<p data-minutes-scroll-target>five</p>');
        expect(previewHtml(PAGE, { topLine: 50, source: lines(100) })).toContain('scroll-snap-type:y mandatory');
    });

    test('finds the section of the top line by its heading, then the block as far into it', () => {
        const source = [
            'meeting: Weekly call', 'date: 2018-03-19', '', '# 1. Opening', 'Intro.', '',
            '# 2. Reports', 'First.', '', 'Second.', '', 'Third.', '', '# 2. Reports', 'Again.'
        ].join('\n');
        const page = '<html><head></head><body><h1>Weekly call</h1><p>19 March 2018</p>'
            + '<h2 id="s1">1. Opening</h2><p>Intro.</p>'
            + '<h2 id="s2">2. Reports</h2><p>First.</p><p>Second.</p><p>Third.</p>'
            + '<h2 id="s3">2. Reports</h2><p>Again.</p></body></html>';
        expect(markScrollTarget(page, source, 3)).toContain('<h2 data-minutes-scroll-target id="s1">');
        expect(markScrollTarget(page, source, 4)).toContain('<p data-minutes-scroll-target>Intro.</p>');
        expect(markScrollTarget(page, source, 9)).toContain('<p data-minutes-scroll-target>Second.</p>');
        // The same heading twice: the second occurrence in the source is the second in the page.
        expect(markScrollTarget(page, source, 13)).toContain('<h2 data-minutes-scroll-target id="s3">');
        expect(markScrollTarget(page, source, 1)).toContain('<p data-minutes-scroll-target>19 March 2018</p>');
    });

    test('a heading with a mention and escaped text is found by its letters', () => {
        const source = ['# Talk by @{Jürgen Böhm} & co', 'Text.', 'More.', 'Even more.'].join('\n');
        const page = '<body><h2>Talk by <a class="person">Jürgen Böhm</a> &amp; co</h2><p>Text.</p><p>More.</p><p>Even more.</p></body>';
        expect(markScrollTarget(page, source, 2)).toContain('<p data-minutes-scroll-target>More.</p>');
    });

    test('with data-line, marks the last element at or before the top line', () => {
        const page = '<html><head></head><body><h2 data-line="3">a</h2><p data-line="7">b</p><p data-line="12">c</p></body></html>';
        expect(markScrollTarget(page, lines(20), 9)).toContain('<p data-minutes-scroll-target data-line="7">b</p>');
        expect(markScrollTarget(page, lines(20), 11)).toContain('<p data-minutes-scroll-target data-line="12">c</p>');
    });

    test('the banner escapes what it shows and says how many more there are', () => {
        const banner = problemsBanner('This file has 7 errors.', ['<b>1</b>', '2', '3', '4', '5', '6', '7'], true);
        expect(banner).toContain('&lt;b&gt;1&lt;/b&gt;');
        expect(banner).toContain('… and 2 more');
        expect(banner).toContain('last version');
        const page = previewHtml(PAGE, { topLine: 0, source: 'x', banner });
        expect(page.indexOf(banner)).toBeGreaterThan(page.indexOf('<body>'));
    });
});
