import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createMinutesServices } from '../../src/minutes-module.js';
import type { Document } from '../../src/generated/ast.js';

/**
 * A fresh in-memory workspace of the given files (name → text), parsed, linked and validated
 * (not validated with `validation: false`, as the language server's first build); with
 * `releaseClosedTrees`, closed documents' trees are released as in the language server.
 */
export async function buildWorkspace(files: Record<string, string>, options: { releaseClosedTrees?: boolean; validation?: boolean } = {}): Promise<{
    services: ReturnType<typeof createMinutesServices>;
    documents: Record<string, LangiumDocument<Document>>;
}> {
    const services = createMinutesServices(EmptyFileSystem);
    services.shared.workspace.ClosedDocumentTrees.enabled = options.releaseClosedTrees ?? false;
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const documents: Record<string, LangiumDocument<Document>> = {};
    for (const [name, text] of Object.entries(files)) {
        const document = LangiumDocumentFactory.fromString<Document>(text, URI.file(`/workspace/${name}`));
        LangiumDocuments.addDocument(document);
        documents[name] = document;
    }
    await DocumentBuilder.build(Object.values(documents), { validation: options.validation ?? true });
    return { services, documents };
}

/** Parses one document (with an optional directory) and returns it. */
export async function parse(text: string, directory?: string): Promise<LangiumDocument<Document>> {
    const files: Record<string, string> = { 'test.minutes': text };
    if (directory !== undefined) files['directory.minutes'] = directory;
    return (await buildWorkspace(files)).documents['test.minutes'];
}

/** The token types of a text, as `TYPE:image` strings. */
export function tokenTypes(text: string): string[] {
    const { Minutes } = createMinutesServices(EmptyFileSystem);
    return Minutes.parser.Lexer.tokenize(text).tokens.map(t => `${t.tokenType.name}:${t.image}`);
}
