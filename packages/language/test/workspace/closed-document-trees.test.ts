import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { URI, type LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver';
import { CompletionRequest, ReferencesRequest, RenameRequest, WorkspaceSymbolRequest, type Location } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, test } from 'vitest';
import { ClosedTreesRequest, SettledRequest } from '../../src/requests/benchmark-requests.js';
import { LspClient } from '../helpers/lsp-client.js';
import type { Document } from '../../src/generated/ast.js';
import type { ActionLedger } from '../../src/ledger/action-ledger.js';
import { DIRECTORY, editDocument, offsetOf } from '../helpers/lsp.js';
import { buildWorkspace } from '../helpers/workspace.js';

/*
 * The editor's answers over closed documents whose trees are released (ClosedDocumentTrees)
 * must be those of a workspace that keeps every tree: the same workspace is built twice,
 * once each way, and every answer is compared, after loading, after an edit in an open
 * document, and after an edit of the directory.
 */

const M1 = `meeting: CCWG-IG call
date: 2018-03-19
chair: @mcade
attendees:
- @ttropina
- @pfaltstrom

@Marilyn: Opening. She thanked @ttropina.

@pfaltstrom: A remark about @{Marilyn Cade}.

action #report @mcade due 2018-04-15: Circulate the report.
action @ttropina due 2018-04-20: Draft the letter.
`;

const M2 = `meeting: CCWG-IG call
date: 2018-04-16
chair: @mcade
attendees:
- @nhickson
- @ttropina

update #report done: Circulated.

@nhickson asked @Tatiana about the letter.

action #letter @nhickson due 2018-05-01: Send the letter.
`;

const M3 = `meeting: CCWG-IG call
date: 2018-05-02
chair: @mcade

update #letter moved 2018-06-01: Not yet sent.

@mshears noted the schedule.
`;

/** A meeting with a name no one answers to: its tree stays (the builder re-links it when the name appears). */
const M4 = `meeting: Another call
date: 2018-05-03

@nobody asked about the report.

update #report: Still circulating.
`;

const M3_EDITED = `${M3}
@{Patrik Fältström} said hello to @nobody2.

action #report @mcade: Circulate it again.

update #letter done: Sent.

update #
`;

const FILES = { 'directory.minutes': DIRECTORY, 'm1.minutes': M1, 'm2.minutes': M2, 'm3.minutes': M3, 'm4.minutes': M4 };

type Workspace = Awaited<ReturnType<typeof buildWorkspace>>;

function documentOf(workspace: Workspace, name: string): LangiumDocument<Document> {
    return workspace.services.shared.workspace.LangiumDocuments.getDocument(URI.file(`/workspace/${name}`)) as LangiumDocument<Document>;
}

function at(workspace: Workspace, name: string, needle: string, delta = 1, occurrence = 0): { document: LangiumDocument<Document>; textDocument: { uri: string }; position: Position } {
    const document = documentOf(workspace, name);
    const text = document.textDocument.getText();
    return { document, textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offsetOf(text, needle, delta, occurrence)) };
}

function released(workspace: Workspace): string[] {
    const trees = workspace.services.shared.workspace.ClosedDocumentTrees;
    return Object.keys(FILES).filter(name => trees.isReleased(documentOf(workspace, name)));
}

/** Everything the editor answers about the workspace, as plain data; asked in this order of both workspaces. */
async function answers(workspace: Workspace, open: string[]) {
    const { Minutes, shared } = workspace.services;
    const lsp = Minutes.lsp;
    const diagnostics = Object.fromEntries(Object.keys(FILES).map(name => [name, documentOf(workspace, name).diagnostics?.map(d => ({
        message: d.message, range: d.range, severity: d.severity, code: d.code
    }))]));
    const symbols = {
        all: await shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '' }),
        letter: await shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'letter' }),
        call: await shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'CCWG' })
    };
    const references = (name: string, needle: string, delta = 1) => {
        const { document, ...params } = at(workspace, name, needle, delta);
        return lsp.ReferencesProvider!.findReferences(document, { ...params, context: { includeDeclaration: true } });
    };
    const rename = (name: string, needle: string, newName: string, delta = 1) => {
        const { document, ...params } = at(workspace, name, needle, delta);
        return lsp.RenameProvider!.rename!(document, { ...params, newName });
    };
    const fromOpen = (needle: string, delta = 1) => {
        const { document, ...params } = at(workspace, open[0] ?? 'm4.minutes', needle, delta);
        return { document, params };
    };
    const definition = fromOpen('#report');
    const hover = fromOpen('#report');
    const ledgerFor = Object.fromEntries(Object.keys(FILES).map(name => {
        const document = documentOf(workspace, name);
        return [name, actionsOf(shared.workspace.ActionLedger.ledgerFor(document), document.uri.toString())];
    }));
    return {
        diagnostics,
        symbols,
        references: {
            mcade: await references('directory.minutes', '@mcade'),
            ttropina: await references('directory.minutes', '@ttropina'),
            report: await references('m4.minutes', '#report'),
            letter: await references('m3.minutes', '#letter')
        },
        rename: {
            ttropina: await rename('directory.minutes', '@ttropina', 'tropina'),
            report: await rename('m4.minutes', '#report', 'report-2018')
        },
        definition: await lsp.DefinitionProvider!.getDefinition(definition.document, definition.params),
        hover: await lsp.HoverProvider!.getHoverContent(hover.document, hover.params),
        ledgerFor
    };
}

/** The actions of a ledger agreed in one document (all of them without a document), and their updates, as plain data. */
function actionsOf(ledger: ActionLedger, uri?: string) {
    return ledger.actions.filter(action => uri === undefined || action.place.uri === uri).map(action => ({
        id: action.id, written: action.written, text: action.text, uri: action.place.uri, line: action.line,
        owners: action.ownerNames, current: { status: action.current.status, due: action.current.due },
        updates: action.updates.map(update => ({ uri: update.place.uri, line: update.line, beforeAction: update.beforeAction }))
    }));
}

/** The whole workspace's ledger: actions and updates, as plain data. */
function ledgerOf(workspace: Workspace) {
    const ledger = workspace.services.shared.workspace.ActionLedger.ledger;
    return {
        actions: actionsOf(ledger),
        updates: ledger.updates.map(update => ({ id: update.id, uri: update.place.uri, line: update.line, action: update.action?.id, beforeAction: update.beforeAction }))
    };
}

describe('closed documents without their trees', () => {
    test('answer as with every tree kept: diagnostics, symbols, references, rename, definition, hover, ledger', async () => {
        const kept = await buildWorkspace(FILES);
        const light = await buildWorkspace(FILES, { releaseClosedTrees: true });
        const trees = light.services.shared.workspace.ClosedDocumentTrees;

        // The directory (it declares parties) and m4 (an unknown name) keep their trees.
        expect(released(light)).toEqual(['m1.minutes', 'm2.minutes', 'm3.minutes']);
        expect(released(kept)).toEqual([]);
        expect(await answers(light, [])).toEqual(await answers(kept, []));
        // Answering parsed released documents again; the next build releases them again.
        expect(trees.counts.parsedAgain).toBeGreaterThan(0);

        // m3 opened and edited: it names someone unknown, an action of m2, and reuses m1's action id.
        for (const workspace of [kept, light]) await editDocument(workspace.services, documentOf(workspace, 'm3.minutes').uri, M3_EDITED);
        // m3 is open; m2 holds the action its `update #letter` names, so it stays while m3 is open.
        expect(released(light)).toEqual(['m1.minutes']);
        const afterEdit = await answers(light, ['m3.minutes']);
        expect(afterEdit).toEqual(await answers(kept, ['m3.minutes']));
        expect(afterEdit.diagnostics['m3.minutes']!.map(d => d.code)).toEqual(expect.arrayContaining(['unknown-mention', 'duplicate-action-id']));

        // The directory loses two people that closed meetings name: those are linked and validated again.
        const directory = DIRECTORY.replace(/person @nhickson[^]*?\n\n/, '').replace(/person @mshears[^]*?\n\n/, '');
        for (const workspace of [kept, light]) await editDocument(workspace.services, documentOf(workspace, 'directory.minutes').uri, directory);
        const afterDirectory = await answers(light, ['m3.minutes']);
        expect(afterDirectory).toEqual(await answers(kept, ['m3.minutes']));
        expect(afterDirectory.diagnostics['m2.minutes']!.some(d => d.message.includes('nhickson'))).toBe(true);

        // One document's ledger (the status bar's open actions) gives its actions as the whole workspace's ledger does.
        // (A derived identifier is made unique among the identifiers the ledger holds: not compared.)
        const whole = ledgerOf(kept);
        const written = (actions: ReturnType<typeof actionsOf>) => actions.map(action => ({ ...action, id: action.written ? action.id : undefined }));
        for (const name of Object.keys(FILES)) {
            const uri = documentOf(kept, name).uri.toString();
            expect(written(afterDirectory.ledgerFor[name]!)).toEqual(written(whole.actions.filter(action => action.uri === uri)));
        }
        // The whole ledger is built from the documents' summaries: the same, and no released tree is parsed again for it.
        const releasedBefore = released(light);
        const parsedBefore = trees.counts.parsedAgain;
        expect(ledgerOf(light)).toEqual(whole);
        expect(released(light)).toEqual(releasedBefore);
        expect(trees.counts.parsedAgain).toBe(parsedBefore);
        for (const workspace of [kept, light]) await editDocument(workspace.services, documentOf(workspace, 'm3.minutes').uri, M3);
        expect(released(light)).toEqual(['m1.minutes']);
        expect(ledgerOf(light)).toEqual(ledgerOf(kept));
        expect(await answers(light, [])).toEqual(await answers(kept, []));
    });

    test('kept until their first validation (the first build of the server does not validate), released after it', async () => {
        const kept = await buildWorkspace(FILES, { validation: false });
        const light = await buildWorkspace(FILES, { releaseClosedTrees: true, validation: false });
        expect(released(light)).toEqual([]);
        // The first update validates every document, then releases the closed ones: not m1, which holds the action
        // that the open m4 reports on.
        for (const workspace of [kept, light]) await editDocument(workspace.services, documentOf(workspace, 'm4.minutes').uri, `${M4}\n@mshears spoke.\n`);
        expect(released(light)).toEqual(['m2.minutes', 'm3.minutes']);
        const answered = await answers(light, ['m4.minutes']);
        expect(answered).toEqual(await answers(kept, ['m4.minutes']));
        expect(Object.values(answered.diagnostics).every(list => list !== undefined)).toBe(true);
    });

    test('a released tree is held by nothing: the index, the scopes, the caches of linking and validation let it go', async () => {
        setFlagsFromString('--expose-gc');
        const collectGarbage = runInNewContext('gc') as () => void;
        const workspace = await buildWorkspace(FILES);
        await answers(workspace, []);
        const trees = workspace.services.shared.workspace.ClosedDocumentTrees;
        const roots = ['m1.minutes', 'm2.minutes', 'm3.minutes'].map(name => new WeakRef(documentOf(workspace, name).parseResult.value));
        // Released at the end of the next update, as in the server (m4, edited, no longer names an action of theirs).
        trees.enabled = true;
        await editDocument(workspace.services, documentOf(workspace, 'm4.minutes').uri, M4.replace(/update #report.*\n/, ''));
        expect(released(workspace)).toEqual(['m1.minutes', 'm2.minutes', 'm3.minutes']);
        await new Promise(resolve => setTimeout(resolve, 0)); // a WeakRef holds its target until the current job ends
        collectGarbage();
        expect(roots.map(root => root.deref() === undefined)).toEqual([true, true, true]);
    });

    test('a released document opened in the editor is parsed from its text and answers as before', async () => {
        const kept = await buildWorkspace(FILES);
        const light = await buildWorkspace(FILES, { releaseClosedTrees: true });
        expect(released(light)).toContain('m2.minutes');
        for (const workspace of [kept, light]) await editDocument(workspace.services, documentOf(workspace, 'm2.minutes').uri, M2);
        expect(released(light)).not.toContain('m2.minutes');
        expect(await answers(light, ['m2.minutes'])).toEqual(await answers(kept, ['m2.minutes']));
    });
});

describe('the language server over stdio', () => {
    let client: LspClient | undefined;
    let folder: string | undefined;
    afterEach(async () => {
        await client?.stop();
        if (folder) rmSync(folder, { recursive: true, force: true });
        client = folder = undefined;
    });

    test('releases the trees of closed meetings, and answers over them from an open file', async () => {
        folder = mkdtempSync(join(tmpdir(), 'minutes-closed-'));
        for (const [name, text] of Object.entries(FILES)) writeFileSync(join(folder, name), text);
        const bench = process.env.MINUTES_BENCH;
        process.env.MINUTES_BENCH = '1'; // for minutes/settled and minutes/closedTrees
        try {
            client = await LspClient.start(folder);
        } finally {
            if (bench === undefined) delete process.env.MINUTES_BENCH;
            else process.env.MINUTES_BENCH = bench;
        }
        const { connection } = client;
        // Loaded: linked, not validated yet (Langium validates at the first update), so every tree is there.
        await connection.sendRequest(SettledRequest);
        expect(await connection.sendRequest(ClosedTreesRequest)).toMatchObject({ releasedNow: 0, released: 0 });

        // m3 opened and edited: an unknown name, found with its diagnostics. Every file is validated, then the
        // closed ones released: m1 only, since m2 holds the action m3's `update #letter` names and m4 an unknown name.
        const m3 = client.uriOf(join(folder, 'm3.minutes'));
        await client.open(m3, M3);
        await client.change(m3, M3_EDITED);
        const published = await client.published(m3, diagnostics => diagnostics.some(d => d.code === 'unknown-mention'));
        expect(published.diagnostics.find(d => d.code === 'unknown-mention')!.message).toContain('nobody2');
        await connection.sendRequest(SettledRequest);
        expect(await connection.sendRequest(ClosedTreesRequest)).toMatchObject({ releasedNow: 1, released: 1 });

        // The names of the released m1 found from the open m3.
        const patrik = M3_EDITED.split('\n').findIndex(line => line.includes('@{Patrik'));
        const position = { line: patrik, character: 3 };
        const references: Location[] = await connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: m3 }, position, context: { includeDeclaration: true } }) ?? [];
        const where = (location: Location) => `${location.uri.split('/').pop()}:${location.range.start.line + 1}`;
        expect(references.map(where).sort()).toEqual(['directory.minutes:6', 'm1.minutes:10', 'm1.minutes:6', 'm3.minutes:9']);
        const rename = await connection.sendRequest(RenameRequest.type, { textDocument: { uri: m3 }, position, newName: 'patrik' });
        const edits = Object.entries(rename?.changes ?? {}).flatMap(([uri, list]) => list.map(edit => `${uri.split('/').pop()}:${edit.range.start.line + 1}:${edit.newText}`));
        // The handle where it is written as the handle (m3 writes the name).
        expect(edits.sort()).toEqual(['directory.minutes:6:@patrik', 'm1.minutes:10:@patrik', 'm1.minutes:6:@patrik']);
        const symbols = await connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' }) ?? [];
        expect(symbols.map(symbol => `${symbol.name} ${symbol.containerName}`)).toEqual(expect.arrayContaining(['#letter Send the letter.', '#report Circulate the report.']));

        // Answering parsed no tree again: the workspace symbols of m1 were read before its release; references and rename
        // read the index and its text.
        expect(await connection.sendRequest(ClosedTreesRequest)).toMatchObject({ releasedNow: 1, parsedAgain: 0 });

        // Completing `update #` reads the whole workspace's ledger, from the documents' summaries. m3 no longer naming
        // m2's action, m2 is released too; its open action is offered, and neither tree is parsed again.
        const unpinned = M3_EDITED.replace(/update #letter.*\n/g, '');
        await client.change(m3, unpinned);
        await client.published(m3, diagnostics => !diagnostics.some(d => d.message.includes('letter')));
        await connection.sendRequest(SettledRequest);
        expect(await connection.sendRequest(ClosedTreesRequest)).toMatchObject({ releasedNow: 2, parsedAgain: 0 });
        const hash = unpinned.split('\n').findIndex(line => line === 'update #');
        const completion = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: m3 }, position: { line: hash, character: 'update #'.length } });
        const items = Array.isArray(completion) ? completion : completion?.items ?? [];
        expect(items.map(item => `${item.label} ${item.labelDetails?.description} ${item.detail}`)).toEqual(['#letter @nhickson Send the letter. · due 2018-05-01']);
        expect(await connection.sendRequest(ClosedTreesRequest)).toMatchObject({ releasedNow: 2, parsedAgain: 0 });
    });
});
