import { describe, expect, test } from 'vitest';
import { buildFixture } from '../helpers/fixtures.js';

async function hoverAt(line: number, character: number) {
    const { services, documents } = await buildFixture('stats');
    const document = documents['round-table.minutes'];
    return services.Minutes.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.textDocument.uri }, position: { line, character }
    });
}

describe('hover on a meeting: line', () => {
    // Figures counted by hand in speaking-statistics.test.ts.
    test('shows who spoke by stakeholder group, as the HTML does', async () => {
        const hover = await hoverAt(2, 12);
        expect(hover?.contents).toEqual({
            kind: 'markdown',
            value: [
                '**Who spoke** in *Round table on access*: 8 interventions, 45 words',
                '',
                '| Stakeholder group | Interventions | Words | Share of words |',
                '| --- | ---: | ---: | ---: |',
                '| government | 2 | 10 | 22.2% |',
                '| civil society | 3 | 17 | 37.8% |',
                '| no stakeholder group | 2 | 14 | 31.1% |',
                '| unidentified speakers | 1 | 4 | 8.9% |'
            ].join('\n')
        });
        expect(hover?.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 30 } });
    });

    test('each meeting its own figures; other lines and names keep their hovers', async () => {
        const follow = await hoverAt(23, 0);
        expect((follow?.contents as { value: string }).value).toMatch(/^\*\*Who spoke\*\* in \*Follow-up call\*: 2 interventions, 8 words\n/);
        // The date line below the title is not the meeting line.
        expect(await hoverAt(3, 3)).toBeUndefined();
        // A name on a speaker line still shows the person.
        expect((await hoverAt(5, 2))?.contents).toMatchObject({ value: expect.stringContaining('Alice Lee') });
    });
});
