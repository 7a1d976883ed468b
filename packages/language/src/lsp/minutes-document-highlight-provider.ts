import { AstUtils, UriUtils, type LangiumDocument, type References } from 'langium';
import type { DocumentHighlightProvider } from 'langium/lsp';
import { DocumentHighlightKind, type DocumentHighlight, type DocumentHighlightParams } from 'vscode-languageserver';
import type { MinutesServices } from '../minutes-module.js';
import { nameAt } from './name-occurrences.js';

/**
 * Highlights every occurrence in the file of the person (or organisation, or action)
 * under the cursor, whatever name it is written by; the declaration counts as a write.
 */
export class MinutesDocumentHighlightProvider implements DocumentHighlightProvider {
    private readonly references: References;

    constructor(services: MinutesServices) {
        this.references = services.references.References;
    }

    getDocumentHighlight(document: LangiumDocument, params: DocumentHighlightParams): DocumentHighlight[] | undefined {
        const target = nameAt(document, document.textDocument.offsetAt(params.position))?.target;
        if (!target) return undefined;
        const declaredHere = UriUtils.equals(AstUtils.getDocument(target).uri, document.uri);
        return this.references.findReferences(target, { documentUri: document.uri, includeDeclaration: declaredHere })
            .filter(reference => UriUtils.equals(reference.sourceUri, document.uri))
            .map(reference => ({
                range: reference.segment.range,
                kind: reference.local && reference.sourcePath === reference.targetPath ? DocumentHighlightKind.Write : DocumentHighlightKind.Read
            }))
            .toArray();
    }
}
