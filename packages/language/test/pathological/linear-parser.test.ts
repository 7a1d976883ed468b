import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CstUtils, EmptyFileSystem, createLangiumParser, isCompositeCstNode, type CstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import { createMinutesServices } from '../../src/minutes-module.js';
import { EXAMPLES_FOLDER, exampleNames } from '../helpers/examples.js';
// @ts-expect-error: plain JavaScript, shared with bench/pathological.mjs
import { commentLines } from './inputs.mjs';

/**
 * parser/minutes-parser.ts replaces two parts of Langium's parser that were quadratic in the
 * number of lines. The CST it builds must be the one Langium builds: the same nodes, in the
 * same order, with hidden tokens (comments, escapes) in the same places.
 */
const { Minutes } = createMinutesServices(EmptyFileSystem);
const langiumParser = createLangiumParser(Minutes);

function shape(node: CstNode, depth = 0, out: string[] = []): string[] {
    out.push(`${depth}:${isCompositeCstNode(node) ? 'composite' : `${node.hidden ? 'hidden ' : ''}leaf`}:${node.offset}-${node.end}:${JSON.stringify(node.text.slice(0, 20))}`);
    if (isCompositeCstNode(node)) for (const child of node.content) shape(child, depth + 1, out);
    return out;
}

const TEXTS: Array<[string, string]> = [
    ...exampleNames().map((name): [string, string] => [name, readFileSync(path.join(EXAMPLES_FOLDER, name), 'utf8')]),
    ['comments between and inside blocks', '// first\nmeeting: A /* inline */ call\n// between\n\n/* block\nlines */\n@mcade: Hello \\# not a heading\n// last\n'],
    ['only comments', '// one\n// two\n/* three */\n'],
    ['escapes at line starts', '\\# one\n\\1. two\n\\@three\n'],
    ['a comment never closed', 'prose\n/* open\nmore\n'],
    ['commented lines', commentLines(200)]
];

describe('the linear CST builder', () => {
    test.each(TEXTS)('builds the CST Langium builds: %s', (_name, text) => {
        const ours = Minutes.parser.LangiumParser.parse(text);
        const theirs = langiumParser.parse(text);
        expect(shape(ours.value.$cstNode!)).toEqual(shape(theirs.value.$cstNode!));
        expect(ours.parserErrors.length).toBe(theirs.parserErrors.length);
    });

    test('hands out every hidden token once, also across parses', () => {
        for (const text of ['a\n// x\nb\n', '// y\n', 'c\n']) {
            const root = Minutes.parser.LangiumParser.parse(text).value.$cstNode!;
            const hidden = CstUtils.streamCst(root).filter(node => !isCompositeCstNode(node) && node.hidden).map(node => node.text).toArray();
            expect(hidden).toEqual(text.match(/\/\/[^\n]*/g) ?? []);
        }
    });
});
