import { expectSemanticToken, highlightHelper } from 'langium/test';
import type { InlayHint } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { datesIn, MinutesTokenTypes } from '../../src/lsp/minutes-semantic-token-provider.js';
import { directoryWorkspace } from '../helpers/lsp.js';

describe('semantic highlighting', () => {
    async function highlight(text: string) {
        const { services } = await directoryWorkspace();
        return highlightHelper(services.Minutes)(text);
    }

    it('marks speakers, mentions, organisations, dates and headings', async () => {
        const tokens = await highlight([
            '<|#|> <|2. Contributions|>',
            'date: <|2018-03-19|>',
            '<|@mcade|>: She thanked <|@Tatiana|> and <|@CoE|> on <|8 December 2016|>.',
            '<|@Russia|> said so.',
            '<|@unknown|>: Who?'
        ].join('\n'));
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: MinutesTokenTypes.headingMarker });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: MinutesTokenTypes.heading });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: MinutesTokenTypes.date });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: MinutesTokenTypes.speaker }); // a speaker
        expectSemanticToken(tokens, { rangeIndex: 4, tokenType: MinutesTokenTypes.mention }); // a person mentioned
        expectSemanticToken(tokens, { rangeIndex: 5, tokenType: MinutesTokenTypes.organisation }); // an organisation mentioned
        expectSemanticToken(tokens, { rangeIndex: 6, tokenType: MinutesTokenTypes.date });
        expectSemanticToken(tokens, { rangeIndex: 7, tokenType: MinutesTokenTypes.organisation }); // an organisation speaking
        expectSemanticToken(tokens, { rangeIndex: 8, tokenType: MinutesTokenTypes.speaker }); // an unknown speaker is still a speaker
        // Each role has a type of its own, so that a theme can tell them apart.
        expect(new Set(Object.values(MinutesTokenTypes)).size).toBe(Object.keys(MinutesTokenTypes).length);
    });

    it('marks declared handles and action identifiers', async () => {
        const tokens = await highlight('person <|@new|> New Person\n  org: <|@CoE|>\n\naction <|#a1|> @new: Do it.\nupdate <|#a1|> done: Done.');
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: MinutesTokenTypes.mention });
        expect(tokens.tokens.find(t => t.text === '@new')!.tokenModifiers).toBe(4); // declaration
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: MinutesTokenTypes.organisation });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: MinutesTokenTypes.actionId });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: MinutesTokenTypes.actionId });
    });

    it('never emits overlapping tokens, even for a date or a name in a heading', async () => {
        const tokens = await highlight('# Meeting of 2 Feb 2017 with @mcade\n\nOn 2017-02-02 and 3 March 2017.\n');
        const sorted = [...tokens.tokens].sort((a, b) => a.offset - b.offset);
        for (let i = 1; i < sorted.length; i++) {
            expect(sorted[i].offset).toBeGreaterThanOrEqual(sorted[i - 1].offset + sorted[i - 1].text.length);
        }
        expect(sorted.map(t => `${t.tokenType}:${t.text}`)).toEqual([
            'keyword:#', 'class:Meeting of 2 Feb 2017 with', 'variable:@mcade', 'number:2017-02-02', 'number:3 March 2017'
        ]);
    });

    it.each([
        ['2018-03-19', ['2018-03-19']],
        ['from 2018-06-12/2018-06-16 in Geneva', ['2018-06-12/2018-06-16']],
        ['on 8 December 2016, and 12-16 June 2017', ['8 December 2016', '12-16 June 2017']],
        ['by 16 March and December 8, 2016', ['16 March', 'December 8, 2016']],
        ['signed 23/03/2018', ['23/03/2018']],
        ['May I ask about 2 Feb 2017?', ['2 Feb 2017']],
        ['version 12018-03-199 or 3 Marching', []]
    ])('finds the dates in %j', (text, expected) => {
        expect(datesIn(text).map(({ start, end }) => text.slice(start, end))).toEqual(expected);
    });
});

describe('inlay hints', () => {
    const MEETING = 'attendees:\n- @mshears (ICANN Board)\n- @ttropina (remote)\n\n@mshears: Hello.\n@Russia: Hi.\n@mcade [for @ICANN-BC]: Yes.\n';

    async function hints(settings?: unknown): Promise<string[]> {
        const { services, documents } = await directoryWorkspace({ 'meeting.minutes': MEETING });
        if (settings) services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings });
        const document = documents['meeting.minutes'];
        const result = await services.Minutes.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.textDocument.uri },
            range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } }
        }) as InlayHint[];
        const lines = document.textDocument.getText().split('\n');
        return result.map(hint => `${lines[hint.position.line].slice(0, hint.position.character)} ${String(hint.label)}`);
    }

    it('shows the organisation after a speaker, unless the line names it', async () => {
        // `(ICANN Board)` and `[for @ICANN-BC]` already name the organisation.
        expect(await hints()).toEqual([
            '- @ttropina (CoE)',
            '@mshears (ICANN)'
        ]);
    });

    it('is turned off by minutes.inlayHints.enabled', async () => {
        expect(await hints({ minutes: { inlayHints: { enabled: false } } })).toEqual([]);
        expect(await hints({ minutes: { inlayHints: { enabled: true } } })).toHaveLength(2);
    });
});
