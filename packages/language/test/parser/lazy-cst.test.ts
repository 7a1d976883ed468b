import fc from 'fast-check';
import { AstUtils, CstUtils, EmptyFileSystem, GrammarUtils, isReference, URI, type AstNode, type CstNode, type Reference } from 'langium';
import { describe, expect, test } from 'vitest';
import { createMinutesCoreServices } from '../../src/minutes-core-module.js';
import { createMinutesServices } from '../../src/minutes-module.js';
import { blockTreeCacheOf } from '../../src/parser/minutes-parser.js';
import { lazyNameSegment, lazyTreeOf } from '../../src/parser/lazy-cst.js';
import { isText, type Block } from '../../src/generated/ast.js';
import { sourceSpanOf, textTokens } from '../../src/model/text.js';
import { blockStart, indentOf } from '../../src/model/structure.js';
import { lineNumberOf } from '../../src/ledger/meetings.js';
import { generatedDocument, mutated } from '../fuzz/arbitraries.js';
import { examplesCorpusAndRegressions } from '../helpers/sample-texts.js';

/**
 * A check's syntax tree is made block by block when asked (parser/lazy-cst.ts). What its
 * readers get from it is what they get from the editor's tree: for every AST node, its CST
 * node (offsets, range, text, grammar element, AST node) and the node of each of its
 * properties (`findNodeForProperty`, as Langium's validator and the rules read keys and
 * names), its references' leaves; and the root's offsets and range. Read in document order,
 * then backwards, and in a document of more blocks than the check keeps made, so that trees
 * are made again after being forgotten.
 */
const editor = createMinutesServices(EmptyFileSystem).Minutes;
const check = createMinutesCoreServices(EmptyFileSystem, { checkOnly: true }).Minutes;

function parse(text: string, services: typeof check): AstNode {
    return services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/tree.minutes')).parseResult.value;
}

function describeCst(node: CstNode | undefined): unknown {
    if (!node) return undefined;
    return { offset: node.offset, end: node.end, range: node.range, text: node.text, grammar: node.grammarSource?.$type, ast: node.astNode.$type, hidden: node.hidden };
}

/** What the readers of one AST node get from its tree. */
function describeNode(node: AstNode): unknown {
    const properties: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
        // A check's node has every property of its type, those the line lacks undefined (flat-parser.ts's nodeClassOf).
        if (key.startsWith('$') || value === undefined) continue;
        properties[key] = describeCst(GrammarUtils.findNodeForProperty(node.$cstNode, key));
        if (isReference(value)) properties[`${key} reference`] = describeCst((value as Reference).$refNode);
    }
    // What the readers of a check read from its token table, without making the tree.
    const tokens = isText(node) ? { tokens: textTokens(node).map(({ offset, end, text, astNode }) => ({ offset, end, text, ast: astNode.$type })), span: sourceSpanOf(node) } : undefined;
    const block = node.$container && !node.$container.$container
        ? { start: blockStart(node as Block)?.offset, line: lineNumberOf(node), indent: indentOf(node as Block) }
        : undefined;
    const name = typeof (node as { name?: unknown }).name === 'string' && block
        ? { nameSegment: (lazyNameSegment(node) ?? CstUtils.toDocumentSegment(GrammarUtils.findNodeForProperty(node.$cstNode, 'name'))) }
        : undefined;
    return { type: node.$type, cst: describeCst(node.$cstNode), properties, action: describeCst(GrammarUtils.findNodeForKeyword(node.$cstNode, 'action')), tokens, block, name };
}

function describeReadings(root: AstNode, backwards: boolean): unknown[] {
    const nodes = AstUtils.streamAst(root).toArray();
    if (backwards) nodes.reverse();
    const described = nodes.map(describeNode);
    if (backwards) described.reverse();
    inWrittenOrder(described as Array<{ type: string; cst: { offset: number } }>);
    const rootCst = root.$cstNode!;
    return [{ offset: rootCst.offset, end: rootCst.end, range: rootCst.range, text: rootCst.text }, ...described];
}

/**
 * A Text's mentions and links, which have no children and so follow their Text in a walk, put in the order written:
 * Langium's parser sets first the list it meets first, a check's Text has both lists from its making
 * (flat-parser.ts's nodeClassOf), mentions first. Nothing a check reports depends on that order (a link holds no reference).
 */
function inWrittenOrder(described: Array<{ type: string; cst: { offset: number } }>): void {
    for (let i = 0; i < described.length;) {
        let end = i;
        while (end < described.length && (described[end].type === 'Mention' || described[end].type === 'Link')) end++;
        if (end > i + 1) described.splice(i, end - i, ...described.slice(i, end).sort((a, b) => a.cst.offset - b.cst.offset));
        i = Math.max(end, i + 1);
    }
}

function expectSameReadings(text: string): void {
    const expected = describeReadings(parse(text, editor), false);
    const lazyRoot = parse(text, check);
    expect(lazyTreeOf(lazyRoot), 'made when asked').toBeDefined();
    expect(describeReadings(lazyRoot, false)).toEqual(expected);
    expect(describeReadings(lazyRoot, true)).toEqual(expected);
}


describe('a check\'s tree made when asked reads as the editor\'s', () => {
    test.each(examplesCorpusAndRegressions())('%s', (_name, text) => {
        expectSameReadings(text);
    });

    test('generated and mutated documents', () => {
        for (const text of fc.sample(mutated(generatedDocument), { seed: 17, numRuns: 200 })) expectSameReadings(text);
    });

    test('comments on lines of their own, before the first block and after the last', () => {
        expectSameReadings('// a comment\n\n# Title\n// between\ndate: 2025-01-01 // after\n\n@ann: Hello @bob.\n/* two\nlines */\n- item\n// the end\n');
        expectSameReadings('\n\n// only a comment\n');
        expectSameReadings('');
    });

    test('a document of more blocks than are kept made: trees forgotten and made again', () => {
        const cache = blockTreeCacheOf(check.parser.LangiumParser)!;
        const lines = ['# Minutes', 'date: 2025-03-04', '', 'attendees:', '@ann', '@bob', ''];
        for (let i = 0; i < 3000; i++) lines.push(`@ann: Point ${i} for @bob, see https://example.org/${i}.`, `- item ${i} // note`, '');
        const text = lines.join('\n');
        const made = cache.made;
        expectSameReadings(text);
        // Every block's tree was made more than once: the three readings each went past what is kept.
        expect(cache.made - made).toBeGreaterThan(2 * 6000);
    });
});
