import fc from 'fast-check';
import { CstUtils, EmptyFileSystem, isLeafCstNode, URI, type CstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import { createMinutesCoreServices } from '../../src/minutes-core-module.js';
import { createMinutesServices } from '../../src/minutes-module.js';
import { generatedDocument, mutated } from '../fuzz/arbitraries.js';
import { examplesCorpusAndRegressions } from '../helpers/sample-texts.js';

/**
 * The syntax tree of `minutes check` (services with checkOnly, whose leaves make their ranges
 * when asked) is the editor's: every node in the same place, of the same kind, with the same
 * offsets and ranges, on the examples, the corpus and fuzz inputs.
 */
const editor = createMinutesServices(EmptyFileSystem).Minutes;
const check = createMinutesCoreServices(EmptyFileSystem, { checkOnly: true }).Minutes;

function describeTree(text: string, services: typeof check): unknown[] {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/tree.minutes'));
    const root = document.parseResult.value.$cstNode!;
    const nodes: unknown[] = [];
    for (const node of CstUtils.streamCst(root) as Iterable<CstNode>) {
        nodes.push({
            leaf: isLeafCstNode(node), offset: node.offset, end: node.end, hidden: node.hidden, range: node.range,
            type: isLeafCstNode(node) ? node.tokenType.name : node.astNode.$type, grammar: node.grammarSource?.$type
        });
    }
    return nodes;
}


describe('the syntax tree of a check is the editor\'s', () => {
    test.each(examplesCorpusAndRegressions())('%s', (_name, text) => {
        expect(describeTree(text, check)).toEqual(describeTree(text, editor));
    });

    test('generated and mutated documents', () => {
        for (const text of fc.sample(mutated(generatedDocument), { seed: 16, numRuns: 200 })) {
            expect(describeTree(text, check)).toEqual(describeTree(text, editor));
        }
    });
});
