import {
    AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, type AstNode, type AstNodeDescription, type DocumentSegment,
    type LangiumDocument, type NameProvider, type URI
} from 'langium';
import { lazyNameSegment } from '../parser/lazy-cst.js';

/**
 * Langium's index descriptions, made by a class (`minutes check`): the same fields and values,
 * but the segments are made when first asked (a check asks for few), and the getter lives once
 * on the prototype. Langium's object literal has a getter, hence two closures and a
 * dictionary of properties for each description (about 900 bytes with its segment's range and
 * positions, where this is about 100): the directory of the bench, 12,500 descriptions, kept
 * 11 MB of them in every thread of a check (docs/performance.md, "Smaller trees for a check").
 */
export class CompactAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const doc = document ?? AstUtils.getDocument(node);
        name ??= this.nameProvider.getName(node);
        const path = this.astNodeLocator.getAstNodePath(node);
        if (!name) throw new Error(`Node at path ${path} has no name.`);
        return new CompactNodeDescription(node, name, doc.uri, path, this.nameProvider);
    }
}

class CompactNodeDescription implements AstNodeDescription {
    readonly type: string;
    private segmentOfName: DocumentSegment | undefined = undefined;
    private segmentOfNode: DocumentSegment | undefined = undefined;

    constructor(readonly node: AstNode, readonly name: string, readonly documentUri: URI, readonly path: string, private readonly nameProvider: NameProvider) {
        this.type = node.$type;
    }

    get nameSegment(): DocumentSegment | undefined {
        // A check's is read from its token table: every action's is compared with the scan of its file (cli's releasing check).
        return this.segmentOfName ??= lazyNameSegment(this.node) ?? CstUtils.toDocumentSegment(this.nameProvider.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.segmentOfNode ??= CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}
