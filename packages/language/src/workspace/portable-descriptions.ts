import { URI, type AstNodeDescription } from 'langium';
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

/** The name of the node a description stands for, whether the node is here or in another thread. */
export function nodeNameOf(description: AstNodeDescription): string | undefined {
    const node = description.node as { name?: unknown } | undefined;
    if (node) return typeof node.name === 'string' ? node.name : undefined;
    return (description as ForeignDescription).nodeName;
}

function plainSegment(segment: DocumentSegment | undefined): DocumentSegment | undefined {
    if (!segment) return undefined;
    const { start, end } = segment.range;
    return { offset: segment.offset, end: segment.end, length: segment.length, range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } } };
}
