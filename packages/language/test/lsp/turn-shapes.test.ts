import type { CompletionList, MarkupContent } from 'vscode-languageserver';
import { SemanticTokensDecoder } from 'langium/lsp';
import { describe, expect, it } from 'vitest';
import { MinutesTokenTypes } from '../../src/lsp/minutes-semantic-token-provider.js';
import { directoryWorkspace, offsetOf } from '../helpers/lsp.js';

/** The editor on the turn shapes of issue 13: numbered turns, phrases, joint speakers, narration. */
const NOTE = `meeting: Plenary
date: 2017-05-24
chair: @mcade

1. @{The Chairman} opened the meeting.

2. She welcomed the delegates.

@{The delegate of Russia} said that rules were needed.

@mshears + @nhickson: We agree.

@{Several participants} applauded.

narration:
As you can see, the session went well.
`;

async function workspace(text = NOTE) {
    const { services, documents } = await directoryWorkspace({ 'meeting.minutes': text });
    const document = documents['meeting.minutes'];
    const lsp = services.Minutes.lsp;
    const id = { textDocument: { uri: document.textDocument.uri } };
    const hover = async (needle: string, delta = 1) => {
        const result = await lsp.HoverProvider!.getHoverContent(document, { ...id, position: document.textDocument.positionAt(offsetOf(document, needle, delta)) });
        return (result?.contents as MarkupContent | undefined)?.value ?? '';
    };
    return { services, document, lsp, id, hover };
}

describe('the editor on turn shapes', () => {
    it('outlines numbered turns, phrases with whom they name, joint turns and narration', async () => {
        const { lsp, document, id } = await workspace();
        const symbols = await lsp.DocumentSymbolProvider!.getSymbols(document, id);
        const names = symbols.flatMap(symbol => (symbol.children ?? []).map(child => child.name));
        expect(names).toEqual([
            '1. The Chairman (Marilyn Cade)', 'The delegate of Russia (Russia)', 'Matthew Shears, Nigel Hickson', 'Several participants', 'Narration'
        ]);
    });

    it('hover says whom an office or a delegation names, and that a group names no one', async () => {
        const { hover } = await workspace();
        expect(await hover('@{The Chairman}')).toContain('*The Chairman*: the chair of this meeting, Marilyn Cade');
        expect(await hover('@{The delegate of Russia}')).toContain('speaks for Russia');
        expect(await hover('@{Several participants}')).toContain('a group of speakers the record does not name');
    });

    it('highlights the other speakers of a joint turn as speakers, not mentions', async () => {
        const { lsp, document, id } = await workspace();
        const tokens = SemanticTokensDecoder.decode(await lsp.SemanticTokenProvider!.semanticHighlight(document, id), lsp.SemanticTokenProvider!.tokenTypes, document);
        const typeOf = (text: string) => tokens.find(token => token.text === text)?.tokenType;
        expect(typeOf('@nhickson')).toBe(MinutesTokenTypes.speaker);
        expect(typeOf('@{The delegate of Russia}')).toBe(MinutesTokenTypes.organisation);
    });

    it('completes an office the meeting names a holder for, and the narration: key', async () => {
        const text = NOTE + '\n@cha';
        const { services, document } = await workspace(text);
        const list = await services.Minutes.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(text.length)
        }) as CompletionList;
        expect(list.items.map(item => item.label)).toContain('chair');
        const keyText = NOTE + '\nnarr';
        const keys = await workspace(keyText);
        const keyList = await keys.services.Minutes.lsp.CompletionProvider!.getCompletion(keys.document, {
            textDocument: { uri: keys.document.textDocument.uri }, position: keys.document.textDocument.positionAt(keyText.length)
        }) as CompletionList;
        expect(keyList.items.map(item => item.label)).toContain('narration:');
    });

    it('folds a numbered turn with its numbered paragraphs, and the narration', async () => {
        const { lsp, document, id } = await workspace();
        const folds = await lsp.FoldingRangeProvider!.getFoldingRanges(document, id);
        expect(folds.map(fold => [fold.startLine, fold.endLine])).toEqual(expect.arrayContaining([[4, 6], [14, 15]]));
    });

    it('formatting keeps numbers, phrases and narration as written', async () => {
        const { lsp, document } = await workspace();
        const edits = await lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.textDocument.uri }, options: { tabSize: 4, insertSpaces: true } });
        expect(edits).toEqual([]);
    });
});
