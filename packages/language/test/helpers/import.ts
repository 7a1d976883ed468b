import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createMinutesServices } from '../../src/minutes-module.js';
import type { Document, Party } from '../../src/generated/ast.js';
import { importTranscript, type ImportOptions, type ImportResult } from '../../src/import/importer.js';
import { structureOf } from '../../src/model/structure.js';
import { speakerText, textContent } from '../../src/model/text-content.js';
import { plainText } from '../../src/model/text.js';

export const FIXTURES = new URL('../fixtures/import/', import.meta.url);

export function fixture(name: string): string {
    return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** The import tests' directory: see its header for what it lacks on purpose. */
export const DIRECTORY = fixture('directory.minutes');

export interface Imported {
    result: ImportResult;
    /** The imported file, parsed, linked and validated in the workspace it was matched against. */
    document: LangiumDocument<Document>;
    diagnostics: Diagnostic[];
    services: ReturnType<typeof createMinutesServices>;
}

/**
 * Imports a transcript against a directory (the workspace's other files), then parses
 * the output in that same workspace, as `minutes import` followed by `minutes check` would.
 */
export async function importInto(source: string, options: Partial<ImportOptions> & { directory?: string; roleNames?: Record<string, string> } = {}): Promise<Imported> {
    const services = createMinutesServices(EmptyFileSystem);
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const context: LangiumDocument[] = [];
    if (options.directory !== '') {
        const directory = LangiumDocumentFactory.fromString(options.directory ?? DIRECTORY, URI.file('/workspace/directory.minutes'));
        LangiumDocuments.addDocument(directory);
        context.push(directory);
    }
    await DocumentBuilder.build(context, { validation: false });
    const scope = services.Minutes.references.ScopeProvider.scopeFor('Party');
    const roles: Record<string, Party> = {};
    for (const [role, name] of Object.entries(options.roleNames ?? {})) roles[role] = scope.getElement(name)!.node as Party;
    const result = importTranscript(source, { sourceName: 'transcript.txt', scope, roles, ...options });
    const document = LangiumDocumentFactory.fromString<Document>(result.text, URI.file('/workspace/imported.minutes'));
    LangiumDocuments.addDocument(document);
    await DocumentBuilder.build([document], { validation: true });
    return { result, document, diagnostics: document.diagnostics ?? [], services };
}

export function words(text: string): string[] {
    return text.split(/\s+/).filter(word => word.length > 0);
}

export function codesOf(diagnostics: Diagnostic[]): string[] {
    return diagnostics.map(diagnostic => String(diagnostic.code ?? diagnostic.message));
}

/**
 * The text content of an imported file without what the import adds: the speakers'
 * names heading their turns (the transcript's labels, which are not its text) and the
 * lines of the fields it writes from elsewhere (a date found in the introduction).
 */
export function importedText(document: LangiumDocument<Document>, options: { withoutFields?: string[] } = {}): string {
    const root = document.parseResult.value;
    const structure = structureOf(root);
    const headings = structure.meetings.flatMap(meeting => meeting.turns)
        .filter(turn => (turn.speaker || turn.phrase) && turn.line.colon)
        .map(turn => speakerText(turn.line).split('\n')[0]);
    const added = structure.meetings.flatMap(meeting => meeting.fields)
        .filter(field => (options.withoutFields ?? []).includes(field.key.toLowerCase()))
        .map(field => plainText(field.value));
    const lines = textContent(root).split('\n');
    const kept: string[] = [];
    let next = 0;
    for (const line of lines) {
        if (next < headings.length && line === headings[next]) {
            next++;
            continue;
        }
        const field = added.indexOf(line);
        if (field >= 0) {
            added.splice(field, 1);
            continue;
        }
        kept.push(line);
    }
    expect(next, 'every speaker heading is found in order').toBe(headings.length);
    return kept.join('\n');
}
