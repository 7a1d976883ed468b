import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { generate } from '../../src/generation/generate.js';
import { readInlineMarkdown } from '../../src/generation/inline-markdown.js';
import { plain, readable, textSpan, type RichText } from '../../src/generation/rich-text.js';
import { tokenTypes } from '../helpers/workspace.js';
import { withDirectory } from '../helpers/fixtures.js';

const link = (url: string): RichText[number] => ({ kind: 'link', text: url, url });
const read = (...spans: RichText) => readInlineMarkdown(spans);
/** The spans as `kind:text` strings, styled spans with their children, for compact expectations. */
function shape(text: RichText): string[] {
    return text.map(span => span.kind === 'styled' ? `${span.style}(${shape(span.children).join(' ')})` : span.kind === 'link' ? `link:${span.text}→${span.url}` : `${span.kind}:${span.text}`);
}

describe('reading inline Markdown', () => {
    test('[text](url) and <url> are links; the label reads, the marks go', () => {
        expect(shape(read(textSpan('See [the RFC]('), link('https://x.org/rfc'), textSpan(') and <'), link('https://x.org/y'), textSpan('>.'))))
            .toEqual(['text:See ', 'link:the RFC→https://x.org/rfc', 'text: and ', 'link:https://x.org/y→https://x.org/y', 'text:.']);
        expect(shape(read(textSpan('['), link('https://a.org'), textSpan(')'))), 'no label, no link').toEqual(['text:[', 'link:https://a.org→https://a.org', 'text:)']);
        expect(shape(read(textSpan('[a]('), link('https://a.org'), textSpan(') [b]('), link('https://b.org'), textSpan(')'))))
            .toEqual(['link:a→https://a.org', 'text: ', 'link:b→https://b.org']);
    });

    test('code spans close on a run of as many backticks; what is inside is not read', () => {
        expect(shape(read(textSpan('run `a *b* @@species` and ``x ` y`` end')))).toEqual(['text:run ', 'code(text:a *b* @@species)', 'text: and ', 'code(text:x ` y)', 'text: end']);
        expect(shape(read(textSpan('a lone ` tick')))).toEqual(['text:a lone ` tick']);
    });

    test('*emphasis* and **strong** pair up around mentions and links; other stars stay', () => {
        const mention: RichText[number] = { kind: 'mention', text: 'Ana Lopez', party: { name: 'Ana Lopez', handle: 'ana', kind: 'person', anonymised: false } as never };
        expect(shape(read(textSpan('**Decision by '), mention, textSpan('**: *yes*.')))).toEqual(['strong(text:Decision by  mention:Ana Lopez)', 'text:: ', 'emphasis(text:yes)', 'text:.']);
        expect(shape(read(textSpan('5 * 3 * 2, a*b*c, a lone ** and *** here')))).toEqual(['text:5 * 3 * 2, a*b*c, a lone ** and *** here']);
        expect(shape(read(textSpan('**a *b** c*')))).toEqual(['strong(text:a *b)', 'text: c*']);
    });

    test('the plain reading drops the marks; the email\'s readable text keeps them and gives the URL', () => {
        const text = read(textSpan('**Recording**: [video]('), link('https://x.org/v'), textSpan('), `+GoogleCalendar`'));
        expect(plain(text)).toBe('Recording: video, +GoogleCalendar');
        expect(readable(text)).toBe('**Recording**: video (https://x.org/v), `+GoogleCalendar`');
    });

    test('nesting is bounded and the reading linear: long runs of marks', () => {
        const nested = `${'*a '.repeat(5000)}${'b* '.repeat(5000)}`;
        // Only marks that pair up are read; every other character stays.
        expect(plain(read(textSpan(nested))).replace(/\*/g, '')).toBe(nested.replace(/\*/g, ''));
        const ticks = Array.from({ length: 2000 }, (_, i) => '`'.repeat(i % 50 + 1)).join('x');
        expect(plain(read(textSpan(ticks))).replace(/`/g, '')).toBe(ticks.replace(/`/g, ''));
    });
});

describe('@@ is no mention (JavaScript\'s well-known symbols in TC39 minutes)', () => {
    test('the lexer reads `@@species` as prose', () => {
        expect(tokenTypes('Use `@@species` and @@iterator here\n')).not.toContain('REF');
    });
});

describe('every generator renders inline Markdown', async () => {
    const document = await withDirectory([
        'meeting: Inline Markdown',
        'date: 2024-01-19',
        'from: notes@example.org',
        'to: list@example.org',
        '',
        '@ssmith: See [the RFC](https://example.org/rfc) and <https://example.org/x>, **strong** with *emphasis* and `code @@species` here.',
        ''
    ].join('\n'));

    test('no diagnostic: `@@species` in code is no unknown name', () => {
        expect((document.diagnostics ?? []).filter(d => d.severity === 1)).toEqual([]);
    });

    test('HTML: a, strong, em, code', async () => {
        const html = await generate(document, 'html');
        expect(html).toContain('See <a href="https://example.org/rfc">the RFC</a> and <a href="https://example.org/x">https://example.org/x</a>, <strong>strong</strong> with <em>emphasis</em> and <code>code @@species</code> here.');
    });

    test('Markdown: written back as Markdown', async () => {
        const markdown = await generate(document, 'markdown');
        expect(markdown).toContain('See [the RFC](<https://example.org/rfc>) and <https://example.org/x>, **strong** with *emphasis* and `code @@species` here.');
    });

    test('email: link text and URL, marks as written', async () => {
        const email = (await generate(document, 'email')).replace(/\s+/g, ' ');
        expect(email).toContain('See the RFC (https://example.org/rfc) and https://example.org/x, **strong** with *emphasis* and `code @@species` here.');
    });

    test('JSON: styled spans, valid against the schema', async () => {
        const json = JSON.parse(await generate(document, 'json'));
        const schema = JSON.parse(readFileSync(new URL('../../schemas/minutes.schema.json', import.meta.url), 'utf8'));
        const ajv = new Ajv2020({ allErrors: true, strict: true });
        addFormats.default(ajv);
        expect(ajv.validate(schema, json), JSON.stringify(ajv.errors)).toBe(true);
        expect(JSON.stringify(json)).toContain('{"text":"strong","style":"strong","spans":[{"text":"strong"}]}');
        expect(JSON.stringify(json)).toContain('{"text":"the RFC","link":"https://example.org/rfc"}');
    });

    test('eml: the same readable text', async () => {
        expect((await generate(document, 'eml')).replace(/\s+/g, ' ')).toContain('See the RFC (https://example.org/rfc) and');
    });
});
