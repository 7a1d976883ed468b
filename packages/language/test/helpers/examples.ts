import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createMinutesServices } from '../../src/minutes-module.js';
import type { Document } from '../../src/generated/ast.js';

export const EXAMPLES_FOLDER = fileURLToPath(new URL('../../../../examples/', import.meta.url));

/** The example files' names. */
export function exampleNames(): string[] {
    return readdirSync(EXAMPLES_FOLDER).filter(name => name.endsWith('.minutes')).sort();
}

/** All examples in one workspace, built and validated, by file name. */
export async function loadExamples(): Promise<Map<string, LangiumDocument<Document>>> {
    const services = createMinutesServices(EmptyFileSystem);
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const documents = new Map<string, LangiumDocument<Document>>();
    for (const name of exampleNames()) {
        const text = readFileSync(path.join(EXAMPLES_FOLDER, name), 'utf8');
        const document = LangiumDocumentFactory.fromString<Document>(text, URI.file(path.join(EXAMPLES_FOLDER, name)));
        LangiumDocuments.addDocument(document);
        documents.set(name, document);
    }
    await DocumentBuilder.build([...documents.values()], { validation: true });
    return documents;
}
