import { DefaultLinker, interruptAndCheck, type AstNodeDescription, type LangiumDocument, type LinkingError, type ReferenceInfo } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { astNodesOf, forEachReference } from '../util/ast-walk.js';
import { resolvePhrase } from './phrase-references.js';
import { NameKeyScope } from './minutes-scope-provider.js';

/** How many AST nodes are linked between two checks for cancellation. */
const NODES_PER_CHECK = 256;

/**
 * Langium's linker, walking the AST with plain loops instead of streams and checking for
 * cancellation every few hundred nodes instead of awaiting at every node. Resolution is
 * Langium's (`doLink`, the scope provider); only the walk is cheaper. With Langium's
 * profiler active it defers to the default, which times each reference.
 */
export class MinutesLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const nodes = astNodesOf(document.parseResult.value);
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            forEachReference(nodes[i], info => this.doLink(info, document));
        }
    }

    /** A name the directory lacks may be a speaker phrase: an office's holder, a delegation's country (phrase-references.ts). */
    override getCandidate(refInfo: ReferenceInfo): AstNodeDescription | LinkingError {
        const scope = this.scopeProvider.getScope(refInfo);
        const written = refInfo.reference.$refText;
        const description = scope.getElement(written)
            ?? (scope instanceof NameKeyScope && refInfo.property !== 'action' ? resolvePhrase(written, refInfo.container, scope) : undefined);
        return description ?? this.createLinkingError(refInfo);
    }
}
