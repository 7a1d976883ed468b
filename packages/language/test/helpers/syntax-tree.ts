import { isReference, type AstNode, type CstNode } from 'langium';

/**
 * A document's syntax tree written out whole, for comparing two parses: every AST node
 * with its properties, its container and its CST node's offsets and range, and every CST
 * node with its grammar element, token type, offsets, range and hidden flag. Throws when a
 * node's container, index or root does not point where it sits.
 */
export function syntaxTreeOf(root: AstNode): string {
    const cstRoot = root.$cstNode;
    if (!cstRoot) throw new Error('the document has no CST');
    return JSON.stringify({ ast: astOf(root, undefined), cst: cstOf(cstRoot, cstRoot, undefined), text: cstRoot.root.fullText });
}

function astOf(node: AstNode, container: AstNode | undefined): unknown {
    if (node.$container !== container) throw new Error(`${node.$type}: $container is not the node it sits in`);
    if (container && node.$containerProperty !== undefined) {
        const value = (container as unknown as Record<string, unknown>)[node.$containerProperty];
        const at = Array.isArray(value) ? value[node.$containerIndex ?? -1] : value;
        if (at !== node) throw new Error(`${node.$type}: $containerProperty/$containerIndex do not lead to it`);
    }
    if (node.$cstNode && node.$cstNode.astNode !== node) throw new Error(`${node.$type}: its CST node belongs to another AST node`);
    const written: Record<string, unknown> = { $type: node.$type, $cst: node.$cstNode && positionOf(node.$cstNode) };
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        written[key] = valueOf(value, node);
    }
    return written;
}

function valueOf(value: unknown, container: AstNode): unknown {
    if (Array.isArray(value)) return value.map(item => valueOf(item, container));
    if (isReference(value)) return { $refText: value.$refText, $refNode: value.$refNode && positionOf(value.$refNode) };
    if (value && typeof value === 'object' && '$type' in value) return astOf(value as AstNode, container);
    return value;
}

function positionOf(node: CstNode): unknown {
    return { offset: node.offset, end: node.end, range: node.range, text: node.text };
}

function cstOf(node: CstNode, root: CstNode, container: CstNode | undefined): unknown {
    if (node.root !== root) throw new Error(`CST node at ${node.offset}: root is another tree's`);
    if (node.container !== container) throw new Error(`CST node at ${node.offset}: container is not the node it sits in`);
    const grammar = (node.grammarSource as { $cstNode?: CstNode } | undefined)?.$cstNode?.offset;
    const content = (node as { content?: CstNode[] }).content;
    if (content) return { grammar, range: node.range, offset: node.offset, end: node.end, content: content.map(child => cstOf(child, root, node)) };
    const leaf = node as CstNode & { tokenType: { name: string } };
    return { grammar, token: leaf.tokenType.name, offset: node.offset, length: node.length, range: node.range, hidden: node.hidden };
}
