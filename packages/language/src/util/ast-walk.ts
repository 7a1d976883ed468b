import { isAstNode, isMultiReference, isReference, type AstNode, type GenericAstNode, type ReferenceInfo } from 'langium';

/**
 * Walking an AST without Langium's streams.
 *
 * `streamAst` and `streamReferences` build a stream object, an iterator state and a key
 * array per node; linking, reference indexing and validation each walk every node of
 * every document that way. These functions visit the same nodes in the same order (depth
 * first, properties in key order, `$`-properties skipped) with plain loops, which takes
 * a fraction of the time on a workspace of a thousand files (docs/performance.md).
 */

/** Every AST node under `root`, `root` first, in the order of `streamAst`. */
export function astNodesOf(root: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    forEachAstNode(root, node => {
        nodes.push(node);
    });
    return nodes;
}

/**
 * Calls `visit` for `root` and every node under it, in the order of `streamAst`; when
 * `visit` returns false the node's children are skipped (as a stream iterator's `prune`).
 */
export function forEachAstNode(root: AstNode, visit: (node: AstNode) => boolean | void): void {
    if (visit(root) === false) return;
    const generic = root as GenericAstNode;
    for (const property in generic) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = generic[property];
        // Most properties hold a string or a boolean: passed over before any test is called.
        if (typeof value !== 'object' || value === null) continue;
        if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++) {
                const element: unknown = value[i];
                if (typeof element === 'object' && element !== null && isAstNode(element)) forEachAstNode(element, visit);
            }
        } else if (isAstNode(value)) {
            forEachAstNode(value, visit);
        }
    }
}

/** Calls `visit` for each cross-reference held by `node` itself, as `streamReferences` lists them. */
export function forEachReference(node: AstNode, visit: (info: ReferenceInfo) => void): void {
    const generic = node as GenericAstNode;
    for (const property in generic) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = generic[property];
        if (typeof value !== 'object' || value === null) continue;
        if (isReference(value) || isMultiReference(value)) {
            visit({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const element: unknown = value[index];
                // A list of nodes (`mentions`, `fields`) holds no reference itself: its first element says so.
                if (index === 0 && isAstNode(element)) break;
                if (isReference(element) || isMultiReference(element)) {
                    visit({ reference: element, container: node, property, index });
                }
            }
        }
    }
}
