import { AstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import type { DefinitionProvider } from 'langium/lsp';
import { LocationLink, type DefinitionParams } from 'vscode-languageserver';
import { rangeOfBlocks } from './block-ranges.js';
import { nameAt } from './name-occurrences.js';

/**
 * Go to definition: from any `@name` (handle, display name or alias, in any file) to the
 * directory entry it resolves to, and from `update #id` to the action.
 */
export class MinutesDefinitionProvider implements DefinitionProvider {
    getDefinition(document: LangiumDocument, params: DefinitionParams): LocationLink[] | undefined {
        const occurrence = nameAt(document, document.textDocument.offsetAt(params.position));
        const target = occurrence?.target;
        if (!occurrence || !target?.$cstNode) return undefined;
        const targetDocument = AstUtils.getDocument(target);
        const nameNode = GrammarUtils.findNodeForProperty(target.$cstNode, 'name') ?? target.$cstNode;
        const targetRange = rangeOfBlocks(target, target) ?? target.$cstNode.range;
        return [LocationLink.create(targetDocument.textDocument.uri, targetRange, nameNode.range, occurrence.token.range)];
    }
}
