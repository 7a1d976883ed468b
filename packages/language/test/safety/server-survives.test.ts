import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import {
    CancellationTokenSource, CodeActionRequest, CompletionRequest, DocumentFormattingRequest, DocumentSymbolRequest, FileChangeType,
    HoverRequest, type CodeAction, type Diagnostic, type TextEdit
} from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, test } from 'vitest';
import type { Document } from '../../src/generated/ast.js';
import { createMinutesServices } from '../../src/minutes-module.js';
import { textContent } from '../../src/model/text-content.js';
import { applyEdits, checkCodeActions } from '../fuzz/document-checks.js';
import { LspClient } from '../helpers/lsp-client.js';

/**
 * The language server, run as the process an editor starts and spoken to over stdio,
 * survives what editing sessions do to it: rapid edits with requests in flight and some
 * cancelled, files deleted and renamed on disk, two files declaring the same person, a
 * file closed and deleted. Formatting and quick fixes, asked for over the protocol, never
 * drop text.
 */

const DIRECTORY = 'person @ttropina Tatiana Tropina\n  alias: Tatiana\n\nperson @mcade Ms Marilyn Cade\n  alias: Marilyn\n';

function workspace(files: Record<string, string>): string {
    const folder = mkdtempSync(join(tmpdir(), 'minutes-server-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    return folder;
}

let client: LspClient | undefined;
let folder: string | undefined;

afterEach(async () => {
    // Whatever a test did, the server logged no error and stops cleanly.
    const errors = client?.loggedErrors ?? [];
    const exit = await client?.stop();
    client = undefined;
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
    expect(errors).toEqual([]);
    if (exit !== undefined) expect(exit).toBe(0);
});

const unknownNames = (diagnostics: Diagnostic[]) => diagnostics.filter(d => d.code === 'unknown-speaker').map(d => /'([^']+)'/.exec(d.message)![1]);
const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => d.code).sort();
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe('the language server over stdio survives', () => {
    test('150 edits in a row, with requests in flight and some cancelled: answers or cancels each, and never publishes an older version after a newer', async () => {
        // Each version names its own unknown speaker, so that a publication says which version it is of;
        // a long body makes each build take long enough for edits to arrive while it runs.
        const body = Array.from({ length: 600 }, (_, i) => `@${i % 2 ? 'ttropina' : 'Marilyn'}: Turn ${i}, on the budget and the agenda.\n`).join('\n');
        const meeting = (version: number) => `meeting: Call\ndate: 2018-03-19\n\n@{Unknown ${version}}: Edit ${version}.\n\n${body}`;
        folder = workspace({ 'directory.minutes': DIRECTORY });
        client = await LspClient.start(folder);
        const uri = client.uriOf(join(folder, 'meeting.minutes'));
        await client.open(uri, meeting(0));
        await client.published(uri, d => unknownNames(d).includes('Unknown 0'));

        const requests: Array<Promise<unknown>> = [];
        // Each request's outcome is looked at once the edits are done; until then it must not count as unhandled.
        const inFlight = (request: Promise<unknown>) => {
            request.catch(() => undefined);
            requests.push(request);
        };
        for (let version = 1; version <= 150; version++) {
            await client.change(uri, meeting(version));
            const position = { line: 3, character: 3 };
            if (version % 7 === 0) inFlight(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
            if (version % 11 === 0) inFlight(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
            if (version % 5 === 0) {
                const cancellation = new CancellationTokenSource();
                inFlight(client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }, cancellation.token));
                cancellation.cancel();
            }
        }
        await client.published(uri, d => unknownNames(d).includes('Unknown 150'));
        await sleep(1_500);

        const versions = client.publicationsFor(uri).map(p => Number(unknownNames(p.diagnostics)[0]?.replace('Unknown ', '')));
        expect(versions.every((version, i) => i === 0 || version >= versions[i - 1]), `versions published, in order: ${versions.join(', ')}`).toBe(true);
        expect(versions[versions.length - 1]).toBe(150);
        const outcomes = await Promise.allSettled(requests);
        console.log(`150 edits: ${versions.length} publications (versions ${[...new Set(versions)].join(', ')}); `
            + `${outcomes.filter(o => o.status === 'fulfilled').length} of ${outcomes.length} requests answered, the others cancelled`);
        for (const outcome of outcomes) {
            // Answered, or refused as cancelled (-32800) or as asked of an older version (-32801).
            if (outcome.status === 'rejected') expect([-32800, -32801], String(outcome.reason)).toContain((outcome.reason as { code: number }).code);
        }
        // And it still answers, about the newest text.
        const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as Array<{ name: string; children?: Array<{ name: string }> }>;
        expect(JSON.stringify(symbols)).toContain('Unknown 150');
    });

    test('a directory file deleted on disk, then back under another name (workspace/didChangeWatchedFiles)', async () => {
        const meeting = 'meeting: Call\ndate: 2018-03-19\n\n@ttropina: Hello.\n\n@Marilyn: Welcome.\n';
        folder = workspace({ 'directory.minutes': DIRECTORY, 'meeting.minutes': meeting });
        client = await LspClient.start(folder);
        const uri = client.uriOf(join(folder, 'meeting.minutes'));
        await client.open(uri, meeting);
        const clean = await client.published(uri, d => d.length === 0);

        rmSync(join(folder, 'directory.minutes'));
        await client.filesChanged({ uri: client.uriOf(join(folder, 'directory.minutes')), type: FileChangeType.Deleted });
        const orphaned = await client.published(uri, d => unknownNames(d).length === 2, clean.sequence);
        expect(unknownNames(orphaned.diagnostics).sort()).toEqual(['Marilyn', 'ttropina']);

        writeFileSync(join(folder, 'people.minutes'), DIRECTORY);
        await client.filesChanged({ uri: client.uriOf(join(folder, 'people.minutes')), type: FileChangeType.Created });
        await client.published(uri, d => d.length === 0, orphaned.sequence);

        // A rename is a deletion and a creation.
        renameSync(join(folder, 'people.minutes'), join(folder, 'directory.minutes'));
        const before = client.publications.length - 1;
        await client.filesChanged(
            { uri: client.uriOf(join(folder, 'people.minutes')), type: FileChangeType.Deleted },
            { uri: client.uriOf(join(folder, 'directory.minutes')), type: FileChangeType.Created });
        await sleep(1_000);
        const after = client.publicationsFor(uri).filter(p => p.sequence > before);
        expect(after.length === 0 || after[after.length - 1].diagnostics.length === 0, JSON.stringify(after.map(p => p.diagnostics.map(d => d.message)))).toBe(true);
    });

    test('two files declaring the same person: both say so, and both are clean once one stops', async () => {
        const person = 'person @jdoe Jane Doe\n  alias: Jane\n';
        folder = workspace({});
        client = await LspClient.start(folder);
        const a = client.uriOf(join(folder, 'a.minutes'));
        const b = client.uriOf(join(folder, 'b.minutes'));
        await client.open(a, person);
        await client.open(b, person.replace('@jdoe', '@jane'));
        const clashA = await client.published(a, d => codes(d).includes('duplicate-person'));
        const clashB = await client.published(b, d => codes(d).includes('duplicate-person'));
        expect(clashA.diagnostics.find(d => d.code === 'duplicate-person')!.message).toContain('b.minutes');
        await client.change(b, 'meeting: Call\ndate: 2018-03-19\n\n@Jane: Hello.\n');
        await client.published(a, d => d.length === 0, clashA.sequence);
        await client.published(b, d => d.length === 0, clashB.sequence);
    });

    test('a file closed and deleted: its diagnostics are cleared', async () => {
        const broken = 'meeting: Call\ndate: 2018-03-19\n\n@{Nobody Known}: Hello.\n';
        folder = workspace({ 'directory.minutes': DIRECTORY, 'broken.minutes': broken });
        client = await LspClient.start(folder);
        const uri = client.uriOf(join(folder, 'broken.minutes'));
        await client.open(uri, broken);
        const errors = await client.published(uri, d => unknownNames(d).includes('Nobody Known'));
        await client.close(uri);
        rmSync(join(folder, 'broken.minutes'));
        await client.filesChanged({ uri, type: FileChangeType.Deleted });
        await client.published(uri, d => d.length === 0, errors.sequence);
        await sleep(1_000);
        expect(client.publicationsFor(uri).pop()!.diagnostics).toEqual([]);
    });

    test('formatting and quick fixes asked for over the protocol never drop text', async () => {
        const messy = [
            'meeting:    Call   ', 'date:2018-03-19', '', '', '', 'attendees:', '- @ttropina   ', '',
            '/* a comment', '   kept as it is   ', '*/', '@{Tatiana Tropnia}:   Hello.   ', '', '',
            '@{Marilyn Kade} said something.', 'agenda:', '2. First', '1. Second', ''
        ].join('\n');
        folder = workspace({ 'directory.minutes': DIRECTORY });
        client = await LspClient.start(folder);
        const uri = client.uriOf(join(folder, 'messy.minutes'));
        await client.open(uri, messy);
        const { diagnostics } = await client.published(uri, d => unknownNames(d).length === 2);

        const local = await localDocuments({ [uri]: messy, [client.uriOf(join(folder, 'directory.minutes'))]: DIRECTORY });
        const document = local[uri];

        const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }) as TextEdit[];
        expect(edits.length).toBeGreaterThan(0);
        const formatted = applyEdits(document.textDocument, edits, 'formatting');
        const reformatted = await localDocuments({ [uri]: formatted, [client.uriOf(join(folder, 'directory.minutes'))]: DIRECTORY });
        expect(textContent(reformatted[uri].parseResult.value)).toBe(textContent(document.parseResult.value));
        expect(formatted).toContain('/* a comment\n   kept as it is   \n*/');

        const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(messy.length) };
        const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: whole, context: { diagnostics } }) as CodeAction[];
        expect(actions.map(action => action.title)).toEqual(expect.arrayContaining(["Change to 'Tatiana Tropina'", 'Renumber the agenda']));
        checkCodeActions(document, actions, diagnostics);
    });
});

/** The same texts parsed in this process, under the same URIs, to read what they say. */
async function localDocuments(files: Record<string, string>): Promise<Record<string, LangiumDocument<Document>>> {
    const services = createMinutesServices(EmptyFileSystem);
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const documents: Record<string, LangiumDocument<Document>> = {};
    for (const [uri, text] of Object.entries(files)) {
        documents[uri] = LangiumDocumentFactory.fromString<Document>(text, URI.parse(uri));
        LangiumDocuments.addDocument(documents[uri]);
    }
    await DocumentBuilder.build(Object.values(documents), { validation: true });
    return documents;
}
