import {
    CstUtils, DefaultReferenceDescriptionProvider, interruptAndCheck, isReference, UriUtils,
    type LangiumDocument, type ReferenceDescription, type ReferenceInfo
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { astNodesOf, forEachReference } from '../util/ast-walk.js';

const NODES_PER_CHECK = 256;

/**
 * The descriptions of a document's resolved references, for "find references" and for
 * deciding which documents an edit affects. The same descriptions as Langium's provider,
 * found with plain loops instead of streams, and with the source document known once per
 * document rather than looked up from each reference's container.
 */
export class MinutesReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const nodes = astNodesOf(document.parseResult.value);
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            forEachReference(nodes[i], info => this.describe(info, document, descriptions));
        }
        return descriptions;
    }

    private describe(info: ReferenceInfo, document: LangiumDocument, into: ReferenceDescription[]): void {
        const reference = info.reference;
        if (!isReference(reference)) {
            into.push(...this.createInfoDescriptions(info));
            return;
        }
        const target = reference.$nodeDescription;
        if (reference.error || !reference.$refNode || !target) return;
        into.push({
            sourceUri: document.uri,
            sourcePath: this.nodeLocator.getAstNodePath(info.container),
            targetUri: target.documentUri,
            targetPath: target.path,
            segment: CstUtils.toDocumentSegment(reference.$refNode),
            local: UriUtils.equals(target.documentUri, document.uri)
        });
    }
}
