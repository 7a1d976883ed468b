import { URI, type AstNode, type AstNodeDescription, type ReferenceDescription } from 'langium';
import type { DocumentSegment } from 'langium';

/**
 * An index description as plain data, to pass between threads: `minutes check` parses its
 * files in worker threads, and each worker's index must hold the descriptions of the
 * documents other workers parsed (actions named by `update #id`, identifiers that must be
 * unique in the workspace) as if it had parsed them itself.
 */
export interface PortableDescription {
    readonly name: string;
    readonly type: string;
    readonly uri: string;
    readonly path: string;
    /** The name of the node described: a scope prefers a description of a node's own name (a handle) over an alias. */
    readonly nodeName?: string;
    readonly nameSegment?: DocumentSegment;
    readonly selectionSegment?: DocumentSegment;
}

/** A description of a node held in another thread: no `node`, its name carried along. */
export interface ForeignDescription extends AstNodeDescription {
    readonly nodeName?: string;
}

export function toPortableDescription(description: AstNodeDescription): PortableDescription {
    return {
        name: description.name,
        type: description.type,
        uri: description.documentUri.toString(),
        path: description.path,
        nodeName: nodeNameOf(description),
        nameSegment: plainSegment(description.nameSegment),
        selectionSegment: plainSegment(description.selectionSegment)
    };
}

export function fromPortableDescription(portable: PortableDescription, uri: URI = URI.parse(portable.uri)): ForeignDescription {
    return {
        name: portable.name,
        type: portable.type,
        documentUri: uri,
        path: portable.path,
        nodeName: portable.nodeName,
        nameSegment: portable.nameSegment,
        selectionSegment: portable.selectionSegment
    };
}

/**
 * Makes a description of this thread independent of its node's tree, in place: its
 * ranges become plain data and its node name is carried along (as a foreign description's),
 * and its node is looked up when asked (`locate`), in whatever tree its document has then.
 * Langium's description holds its node, and through it the whole tree; a document whose
 * tree is released (workspace/closed-document-trees.ts) keeps its descriptions this way.
 */
export function detachDescription(description: AstNodeDescription, locate: () => AstNode | undefined): void {
    const nodeName = nodeNameOf(description);
    const nameSegment = plainSegment(description.nameSegment);
    const selectionSegment = plainSegment(description.selectionSegment);
    Object.defineProperties(description, {
        nodeName: { value: nodeName, enumerable: true, configurable: true },
        nameSegment: { value: nameSegment, enumerable: true, configurable: true, writable: true },
        selectionSegment: { value: selectionSegment, enumerable: true, configurable: true, writable: true },
        node: { get: locate, enumerable: true, configurable: true }
    });
}

/**
 * A reference's description as plain data: read once, it holds nothing of the tree it was
 * read from. Its segment is kept as six numbers and made when asked (find references and
 * rename ask for a few; a workspace of 10,000 meetings holds 300,000 of them, and a segment
 * with its range and two positions is four objects).
 */
export function plainReferenceDescription(description: ReferenceDescription): ReferenceDescription {
    return new CompactReferenceDescription(description);
}

class CompactReferenceDescription implements ReferenceDescription {
    readonly sourceUri: URI;
    readonly sourcePath: string;
    readonly targetUri: URI;
    readonly targetPath: string;
    readonly local?: boolean;
    private readonly offset: number;
    private readonly length: number;
    private readonly startLine: number;
    private readonly startCharacter: number;
    private readonly endLine: number;
    private readonly endCharacter: number;

    constructor(description: ReferenceDescription) {
        this.sourceUri = description.sourceUri;
        this.sourcePath = description.sourcePath;
        this.targetUri = description.targetUri;
        this.targetPath = description.targetPath;
        this.local = description.local;
        const { offset, length, range } = description.segment;
        this.offset = offset;
        this.length = length;
        this.startLine = range.start.line;
        this.startCharacter = range.start.character;
        this.endLine = range.end.line;
        this.endCharacter = range.end.character;
    }

    get segment(): DocumentSegment {
        return {
            offset: this.offset, end: this.offset + this.length, length: this.length,
            range: { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } }
        };
    }
}

/** The name of the node a description stands for, whether the node is here, in another thread or in a released tree. */
export function nodeNameOf(description: AstNodeDescription): string | undefined {
    if ('nodeName' in description) return (description as ForeignDescription).nodeName;
    const node = description.node as { name?: unknown } | undefined;
    if (node) return typeof node.name === 'string' ? node.name : undefined;
    return (description as ForeignDescription).nodeName;
}

function plainSegment(segment: DocumentSegment | undefined): DocumentSegment | undefined {
    if (!segment) return undefined;
    const { start, end } = segment.range;
    return { offset: segment.offset, end: segment.end, length: segment.length, range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } } };
}
