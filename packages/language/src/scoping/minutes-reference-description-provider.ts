import {
    CstUtils, DefaultReferenceDescriptionProvider, interruptAndCheck, isReference, UriUtils,
    type AstNode, type AstNodeDescription, type AstNodeLocator, type CstNode, type DocumentSegment, type LangiumDocument,
    type Reference, type ReferenceDescription, type ReferenceInfo, type URI, Cancellation
} from 'langium';
import { isDocument } from '../generated/ast.js';
import { keepsChunks } from '../model/structure.js';
import { blocksWithReferences } from './minutes-linker.js';
import { astNodesOf, forEachAstNode, forEachReference } from '../util/ast-walk.js';

const NODES_PER_CHECK = 256;
const BLOCKS_PER_CHECK = 64;

/** What a reference resolved to: a node, a linking error, or nothing yet. */
function resolutionOf(reference: Reference): unknown {
    return (reference as unknown as { _ref?: unknown })._ref;
}

/**
 * The descriptions of a document's resolved references, for "find references" and for
 * deciding which documents an edit affects. The same descriptions as Langium's provider,
 * found with plain loops instead of streams, and with the source document known once per
 * document rather than looked up from each reference's container.
 */
export class MinutesReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const root = document.parseResult.value;
        if (isDocument(root) && keepsChunks(root)) {
            // Only the blocks that hold a reference, when linking listed them.
            const referencing = blocksWithReferences(root);
            const count = referencing ? referencing.length : root.blocks.length;
            for (let k = 0; k < count; k++) {
                if (k % BLOCKS_PER_CHECK === 0) await interruptAndCheck(cancelToken);
                const block = root.blocks[referencing ? referencing[k] : k];
                for (const description of this.descriptionsOfBlock(block, document)) descriptions.push(description);
            }
            return descriptions;
        }
        const nodes = astNodesOf(root);
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            forEachReference(nodes[i], info => this.describe(info, document, descriptions));
        }
        return descriptions;
    }

    /**
     * The descriptions of a block's references, kept while the block and what each reference
     * resolved to are (a long document's blocks outlive an edit of other lines, and their
     * descriptions read their paths and segments when asked).
     */
    private descriptionsOfBlock(block: AstNode, document: LangiumDocument): readonly ReferenceDescription[] {
        const kept = this.described.get(block);
        if (kept && kept.document === document && kept.references.every((reference, k) =>
            resolutionOf(reference) === kept.resolutions[k] && reference.$nodeDescription === kept.found[k])) return kept.descriptions;
        const references: Reference[] = [];
        const descriptions: ReferenceDescription[] = [];
        forEachAstNode(block, node => forEachReference(node, info => {
            references.push(info.reference as Reference);
            this.describe(info, document, descriptions);
        }));
        this.described.set(block, { document, references, resolutions: references.map(resolutionOf), found: references.map(reference => reference.$nodeDescription), descriptions });
        return descriptions;
    }

    private readonly described = new WeakMap<AstNode, {
        document: LangiumDocument; references: Reference[]; resolutions: unknown[]; found: Array<AstNodeDescription | undefined>; descriptions: ReferenceDescription[];
    }>();

    private describe(info: ReferenceInfo, document: LangiumDocument, into: ReferenceDescription[]): void {
        const reference = info.reference;
        if (!isReference(reference)) {
            into.push(...this.createInfoDescriptions(info));
            return;
        }
        const target = reference.$nodeDescription;
        if (reference.error || !reference.$refNode || !target) return;
        into.push(new LazyReferenceDescription(document.uri, target, info.container, reference.$refNode, this.nodeLocator));
    }
}

/**
 * A reference's description whose source path and segment are worked out when read: only
 * find-references, rename and document highlights read them, and only for the references
 * to the node they are about, while every edit describes every reference of the document
 * again (the paths and offsets of the lines after the edit move). The values are Langium's
 * (`DefaultReferenceDescriptionProvider`), from the tree of the document when read.
 */
class LazyReferenceDescription implements ReferenceDescription {
    readonly targetUri: URI;
    readonly targetPath: string;
    readonly local: boolean;

    constructor(readonly sourceUri: URI, target: AstNodeDescription, private readonly container: AstNode,
        private readonly refNode: CstNode, private readonly locator: AstNodeLocator) {
        this.targetUri = target.documentUri;
        this.targetPath = target.path;
        this.local = UriUtils.equals(target.documentUri, sourceUri);
    }

    get sourcePath(): string {
        return this.locator.getAstNodePath(this.container);
    }

    get segment(): DocumentSegment {
        return CstUtils.toDocumentSegment(this.refNode);
    }
}
