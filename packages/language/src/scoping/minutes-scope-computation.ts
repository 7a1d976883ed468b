import { DefaultScopeComputation, MultiMap, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { Action, isDocument, type Block } from '../generated/ast.js';
import { isPartyNode, namesOf } from '../model/directory.js';
import { blocksWhere, wasReparsed } from '../parser/incremental-reparser.js';

/**
 * Everything a reference can name is global: the directory of people and organisations
 * is usually a file of its own, shared by every meeting, and action identifiers are
 * reported on from later meetings. Each party is exported once per name it answers to
 * (handle, display name, aliases), so the index alone can resolve any written name.
 */
export class MinutesScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, _cancelToken?: CancellationToken): Promise<AstNodeDescription[]> {
        return this.exportedSymbols(document);
    }

    /** What the document exports, at once (`minutes check` reads it while a reference is being resolved). */
    exportedSymbols(document: LangiumDocument): AstNodeDescription[] {
        const root = document.parseResult.value;
        const exports: AstNodeDescription[] = [];
        if (!isDocument(root)) return exports;
        const blocks = root.blocks;
        // In a document being edited, only the entries and actions (found from the blocks each edit replaced); in a check, every block.
        const candidates = wasReparsed(root) ? blocksWhere(root, mayExport) : undefined;
        const count = candidates ? candidates.length : blocks.length;
        for (let k = 0; k < count; k++) {
            const block = blocks[candidates ? candidates[k] : k];
            // By the block's own type, without the reflection: a check asks this of every file, block by block.
            if (isPartyNode(block) && block.name) {
                const seen = new Set<string>();
                for (const name of namesOf(block)) {
                    if (name && !seen.has(name)) {
                        seen.add(name);
                        exports.push(this.descriptions.createDescription(block, name, document));
                    }
                }
            } else if (block.$type === Action.$type && (block as Action).name) {
                exports.push(this.descriptions.createDescription(block, (block as Action).name!, document));
            }
        }
        return exports;
    }

    override async collectLocalSymbols(document: LangiumDocument, _cancelToken?: CancellationToken): Promise<LocalSymbols> {
        return this.localSymbols(document);
    }

    /** Nothing is local: see the class comment. At once, as exportedSymbols (`minutes check` parses a file read by another while resolving a reference). */
    localSymbols(_document: LangiumDocument): LocalSymbols {
        return new MultiMap();
    }
}

/** A block that may export a name: a directory entry or an action. */
function mayExport(block: Block): boolean {
    return isPartyNode(block) || block.$type === Action.$type;
}
