import type { DocumentSymbol, FoldingRange, WorkspaceSymbol } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import { expectFoldings, expectSymbols, expectWorkspaceSymbols } from 'langium/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SemanticTokensDecoder } from 'langium/lsp';
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../helpers/workspace.js';
import { DIRECTORY, directoryWorkspace } from '../helpers/lsp.js';

const REPORT = `report: Annual report

# 1. Events

meeting: Teleconference
date: 2 Feb 2017
attendees:
- @mcade
- @nhickson

agenda:
1. Policy topics
   a. WGEC
2. AOB

## 1.1 Policy topics

@mcade: Opening.
More text.

decision: The group adopts its charter.

discussion: Round
@nhickson: One.
@mshears: Two.

action #a1 @mcade due 2017-03-01: Write it.

# 2. Next

meeting: Second
@Marilyn: Hi.
/* a comment
   over two lines */
`;

/** A symbol tree as indented lines: `name — detail`. */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
    return symbols.flatMap(symbol => [
        `${'  '.repeat(depth)}${symbol.name}${symbol.detail ? ` — ${symbol.detail}` : ''}`,
        ...outline(symbol.children ?? [], depth + 1)
    ]);
}

function checkNesting(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
    const within = (outer: DocumentSymbol['range'], inner: DocumentSymbol['range']) =>
        (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character))
        && (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
    for (const symbol of symbols) {
        expect(within(symbol.range, symbol.selectionRange), symbol.name).toBe(true);
        if (parent) expect(within(parent.range, symbol.range), `${symbol.name} in ${parent.name}`).toBe(true);
        checkNesting(symbol.children ?? [], symbol);
    }
}

describe('document outline', () => {
    it('nests meetings, sections, agenda items, interventions and outcomes', async () => {
        const { services, documents } = await directoryWorkspace({ 'report.minutes': REPORT });
        const document = documents['report.minutes'];
        const symbols = await services.Minutes.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.textDocument.uri } });
        expect(outline(symbols)).toEqual([
            '1. Events',
            '  Teleconference — 2 Feb 2017',
            '    Attendees — 2 names',
            '    Agenda',
            '      1. Policy topics',
            '        a. WGEC',
            '      2. AOB',
            '    1.1 Policy topics',
            '      Marilyn Cade — Opening.',
            '      Decision — The group adopts its charter.',
            '      Discussion: Round',
            '        Nigel Hickson — One.',
            '        Matthew Shears — Two.',
            '      Action #a1 — Write it.',
            '2. Next',
            '  Second',
            '    Marilyn Cade — Hi.'
        ]);
        checkNesting(symbols);
        const turn = symbols[0].children![0].children![2].children![0];
        expect(turn.kind).toBe(SymbolKind.Field);
        expect(document.textDocument.getText(turn.range)).toBe('@mcade: Opening.\nMore text.');
    });

    it('lists the entries of a directory', async () => {
        const { services } = await buildWorkspace({});
        await expectSymbols(services.Minutes)({
            text: DIRECTORY,
            expectedSymbols: ['Tatiana Tropina', 'Patrik Fältström', 'Marilyn Cade', 'Nigel Hickson', 'Matthew Shears', 'Council of Europe', 'Netnod',
                'ICANN Business Constituency', 'Internet Corporation for Assigned Names and Numbers', 'Russia'],
            disposeAfterCheck: true
        });
    });

    it('gives a file without meeting: one untitled meeting', async () => {
        const { services } = await directoryWorkspace();
        await expectSymbols(services.Minutes)({
            text: '@mcade: Hello.\n\n@?: A question from the floor.\n',
            assert: symbols => expect(outline(symbols)).toEqual(['Meeting', '  Marilyn Cade — Hello.', '  Unidentified speaker — A question from the floor.']),
            disposeAfterCheck: true
        });
    });
});

describe('workspace symbols', () => {
    async function symbolsFor(query: string): Promise<string[]> {
        const { services } = await directoryWorkspace({ 'report.minutes': REPORT });
        const symbols = await services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query }) as WorkspaceSymbol[];
        return symbols.map(symbol => `${symbol.name} [${symbol.containerName ?? ''}]`);
    }

    it.each([
        ['a person by family name without accents', 'faltstrom', ['Patrik Fältström [@pfaltstrom · Netnod]']],
        ['a person by alias', 'Marilyn', ['Marilyn Cade [@mcade · ICANN-BC]']],
        ['an organisation by acronym', 'CoE', ['Council of Europe [@CoE]']],
        ['a meeting by title', 'Teleconf', ['Teleconference [2 Feb 2017]']],
        ['an action by identifier', '#a1', ['#a1 [Write it.]']]
    ])('finds %s', async (_what, query, expected) => {
        expect(await symbolsFor(query)).toEqual(expected);
    });

    it('lists people, organisations, actions and meetings', async () => {
        const all = await symbolsFor('');
        expect(all).toHaveLength(10 + 1 + 2);
        expect(all).toContain('Second []');
    });

    it('works with the langium test helper', async () => {
        const { services } = await directoryWorkspace();
        await expectWorkspaceSymbols(services.shared)({ query: 'tropina', expectedSymbols: ['Tatiana Tropina'] });
    });
});

describe('folding', () => {
    it('folds meetings, sections, turns, rosters, agendas, outcomes, actions, entries and block comments', async () => {
        const { services, documents } = await directoryWorkspace({ 'report.minutes': REPORT });
        const document = documents['report.minutes'];
        const ranges = await services.Minutes.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.textDocument.uri } });
        const lines = document.textDocument.getText().split('\n');
        const shown = (range: FoldingRange) => `${lines[range.startLine]} … ${lines[range.endLine]}${range.kind ? ` (${range.kind})` : ''}`;
        expect(ranges.map(shown).sort()).toEqual([
            '# 1. Events … action #a1 @mcade due 2017-03-01: Write it. (region)',
            '# 2. Next … @Marilyn: Hi. (region)',
            '## 1.1 Policy topics … action #a1 @mcade due 2017-03-01: Write it. (region)',
            '/* a comment …    over two lines */ (comment)',
            '1. Policy topics …    a. WGEC',
            '@mcade: Opening. … More text.',
            'agenda: … 2. AOB',
            'attendees: … - @nhickson',
            'meeting: Second … @Marilyn: Hi. (region)',
            'meeting: Teleconference … action #a1 @mcade due 2017-03-01: Write it. (region)'
        ]);
    });

    it('folds directory entries with their fields', async () => {
        const { services } = await buildWorkspace({});
        await expectFoldings(services.Minutes)({
            text: '<|person @a A\n  alias: Aa\n  role: R|>\n\nperson @b B\n\n<|org @c C\n  acronym: CC|>\n',
            disposeAfterCheck: true
        });
    });
});

describe('the examples', () => {
    const folder = fileURLToPath(new URL('../../../../examples/', import.meta.url));
    const files = readdirSync(folder).filter(name => name.endsWith('.minutes')).sort();

    it('have outlines that nest, folds that fold and tokens that do not overlap', async () => {
        expect(files.length).toBeGreaterThan(1);
        const { services, documents } = await buildWorkspace(Object.fromEntries(files.map(name => [name, readFileSync(join(folder, name), 'utf8')])));
        const lsp = services.Minutes.lsp;
        for (const name of files) {
            const document = documents[name];
            const id = { textDocument: { uri: document.textDocument.uri } };
            const symbols = await lsp.DocumentSymbolProvider!.getSymbols(document, id);
            expect(symbols.length, name).toBeGreaterThan(0);
            checkNesting(symbols);
            expect(outline(symbols).every(line => line.trim().length > 0), name).toBe(true);
            for (const range of await lsp.FoldingRangeProvider!.getFoldingRanges(document, id)) {
                expect(range.endLine, name).toBeGreaterThan(range.startLine);
            }
            const tokens = SemanticTokensDecoder.decode(await lsp.SemanticTokenProvider!.semanticHighlight(document, id), lsp.SemanticTokenProvider!.tokenTypes, document);
            expect(tokens.length, name).toBeGreaterThan(0);
            for (let i = 1; i < tokens.length; i++) {
                expect(tokens[i].offset, `${name}: ${tokens[i].text}`).toBeGreaterThanOrEqual(tokens[i - 1].offset + tokens[i - 1].text.length);
            }
        }
    });
});
