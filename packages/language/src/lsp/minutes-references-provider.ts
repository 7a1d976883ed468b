import type { LangiumDocument, References } from 'langium';
import type { ReferencesProvider } from 'langium/lsp';
import { Location, type ReferenceParams } from 'vscode-languageserver';
import type { MinutesServices } from '../minutes-module.js';
import { nameAt } from './name-occurrences.js';

/**
 * Find all references: every place in the workspace that names the person, organisation
 * or action under the cursor, however it is written (handle, display name, alias).
 */
export class MinutesReferencesProvider implements ReferencesProvider {
    private readonly references: References;

    constructor(services: MinutesServices) {
        this.references = services.references.References;
    }

    findReferences(document: LangiumDocument, params: ReferenceParams): Location[] {
        const target = nameAt(document, document.textDocument.offsetAt(params.position))?.target;
        if (!target) return [];
        return this.references.findReferences(target, { includeDeclaration: params.context.includeDeclaration })
            .map(reference => Location.create(reference.sourceUri.toString(), reference.segment.range))
            .toArray();
    }
}
