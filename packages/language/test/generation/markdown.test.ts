import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { generateMarkdown, githubAnchor } from '../../src/generation/markdown.js';
import { escapeMarkdown } from '../../src/util/markdown-escape.js';
import { documentsUnderTest, loadFixtures } from '../helpers/fixtures.js';

const documents = await documentsUnderTest();
const fixtures = await loadFixtures();
const board = generateMarkdown(fixtures['board-meeting.minutes'].parseResult.value);
const hostile = generateMarkdown(fixtures['hostile.minutes'].parseResult.value);

/** A CommonMark renderer with GFM tables, strikethrough, raw HTML allowed and bare URLs linked, as on GitHub. */
const renderer = new MarkdownIt({ html: true, linkify: true });
// GitHub links bare http(s) URLs, www. addresses and email addresses, not ftp: ones.
renderer.linkify.add('ftp:', null);

function textOf(html: string): string {
    return html.replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&');
}

function headingTexts(markdown: string): string[] {
    const tokens = renderer.parse(markdown, {});
    return tokens.flatMap((token, index) => token.type === 'heading_open' ? [tokens[index + 1].content] : []);
}

describe('the Markdown of every fixture and example', () => {
    for (const { name, document } of documents) {
        test(`${name}: renders to HTML with no tag from the source, one h1, and links only to http, https, mailto or its own headings`, () => {
            const markdown = generateMarkdown(document.parseResult.value);
            const html = renderer.render(markdown);
            const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)/g)].map(match => match[1]));
            const allowed = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'blockquote', 'hr', 'br', 'code'];
            expect([...tags].filter(tag => !allowed.includes(tag))).toEqual([]);
            expect(html.match(/<h1>/g)).toHaveLength(1);
            const anchors = new Set<string>();
            const counts = new Map<string, number>();
            for (const text of headingTexts(markdown)) {
                const base = githubAnchor(textOf(renderer.renderInline(text)));
                const count = counts.get(base) ?? 0;
                counts.set(base, count + 1);
                anchors.add(count === 0 ? base : `${base}-${count}`);
            }
            for (const [, href] of html.matchAll(/href="([^"]*)"/g)) {
                if (href.startsWith('#')) expect(anchors.has(decodeURIComponent(href.slice(1))), href).toBe(true);
                else expect(href).toMatch(/^(https?:\/\/|mailto:)/i);
            }
        });
    }
});

describe('Markdown escaping', () => {
    test('text that means something in Markdown or HTML reads back as the same text', () => {
        const text = textOf(renderer.render(hostile));
        for (const written of [
            // The title is written as plain text, marks included; in the body Markdown's own inline syntax is read (`*this*`).
            '<script>alert("title")</script> & "quotes" \'single\' | pipes | *stars* _under_ `code` [link](',
            '<img src=x onerror=alert(1)> heading & more',
            '<b>bold?</b> &amp; entity; javascript:alert(1) stays text; data:text/html,<h1>x</h1> too; ftp://example.org/file is text.',
            '# not a heading', '1. not a number', '+ plus at the start (a bullet in Minutes too, unless escaped)', '| a | table? |',
            'Said this and __that__ and ~~struck~~ and \\ backslash and <!-- comment --> and [x][y] ![img](',
            'Check <b>tags</b> & "quotes" in tables | pipes.'
        ]) {
            expect(text).toContain(written);
        }
        const html = renderer.render(hostile);
        expect(html).not.toMatch(/<(script|img|b|del|s)[\s>]|<!--|<h1>x/);
        // The metadata's date, the two escaped bullets, and `1)`, which is a list in Markdown as in Minutes.
        expect(html.match(/<li>/g)).toHaveLength(4);
        expect(html.match(/<table>/g)).toHaveLength(2);
    });

    test('block starts are escaped only at the start of a line', () => {
        expect(escapeMarkdown('# heading', true)).toBe('\\# heading');
        expect(escapeMarkdown('a # b')).toBe('a # b');
        expect(escapeMarkdown('12. twelve', true)).toBe('12\\. twelve');
        expect(escapeMarkdown('> quote', true)).toBe('\\> quote');
        expect(escapeMarkdown('- item', true)).toBe('\\- item');
        expect(escapeMarkdown('x_y*z|w~v', false)).toBe('x\\_y\\*z\\|w\\~v');
    });

    test('GitHub\'s heading anchors: lower case, punctuation dropped, spaces as hyphens', () => {
        expect(githubAnchor('2. Work plan 2024')).toBe('2-work-plan-2024');
        expect(githubAnchor('Fältström & Co.')).toBe('fältström--co');
    });
});

describe('the Markdown layout', () => {
    test('title, metadata list, headings and speakers in bold', () => {
        expect(board.startsWith('# Steering group — Ljubljana retreat\n\n- **Group:** SSAC\n')).toBe(true);
        expect(board).toContain('\n\n## 1. Opening\n\n**Patrik Fältström**: Opened the meeting');
        expect(board).toContain('\n\n**Anja Kovačević** (Faculty of Law, Zagreb) *\\[replying to Patrik\\]*\n\nThe plan has three parts:\n');
        expect(board).toContain('\n\n**Li** agreed, noting that 5 \\< 7 \\& 9 \\> 3 hold in every budget scenario.\n');
    });

    test('the agenda links to the sections by GitHub\'s anchors', () => {
        expect(board).toContain('**Agenda**\n\n- 1\\. [Opening](#1-opening)\n- 2\\. [Work plan 2024](#2-work-plan-2024)\n  - a. Priorities\n');
    });

    test('nested lists indent under their item; a discussion round is one list', () => {
        expect(board).toContain('- a review of the 2023 plan, which took longer than planned because the data set (see <https://example.org/data>) had to be cleaned twice;\n  - nested detail: the cleaning script is in the repository\n- outreach.');
        expect(board).toContain('- **Sam** said the budget is tight.\n- **Anja** said the budget is fine.');
    });

    test('participants and actions as tables', () => {
        expect(board).toContain('| Name | Organisation | Role | Attendance | Note |\n| --- | --- | --- | --- | --- |\n| Anja Kovačević | Faculty of Law, Zagreb | Professor of law | present |  |');
        expect(board).toContain('| `#plan-publish` Publish the work plan on the wiki. | Sam Smith, Anja Kovačević | 2024-05-01 | open |');
    });
});
