import { describe, expect, test } from 'vitest';
import type { Document } from '../../src/generated/ast.js';
import { continuationOf, structureOf } from '../../src/model/structure.js';
import { textContent } from '../../src/model/text-content.js';
import { parse, tokenTypes } from '../helpers/workspace.js';

/** The language's escape, which `minutes import` relies on to keep transcript text as prose. */
describe('backslash escapes', () => {
    test('before ASCII punctuation, the character is prose and the backslash is not text', () => {
        expect(tokenTypes('\\# not a heading')).toEqual(['PROSE:# not a heading']);
        expect(tokenTypes('\\- not a bullet')).toEqual(['PROSE:- not a bullet']);
        expect(tokenTypes('\\> not a quote')).toEqual(['PROSE:> not a quote']);
        expect(tokenTypes('\\@mcade: not a speaker')).toEqual(['PROSE:@mcade: not a speaker']);
        expect(tokenTypes('write \\@mcade and \\/* this */')).toEqual(['PROSE:write', 'PROSE:@mcade and', 'PROSE:/* this */']);
    });

    test('at the start of a line, before any character: labels, keys and entries become prose', () => {
        expect(tokenTypes('\\1. not an item')).toEqual(['PROSE:1. not an item']);
        expect(tokenTypes('\\date: not a field')).toEqual(['PROSE:date: not a field']);
        expect(tokenTypes('\\person @x not an entry')).toEqual(['PROSE:person', 'REF:@x', 'PROSE:not an entry']);
        expect(tokenTypes('  \\a. indented')).toEqual(['PROSE:a. indented']);
    });

    test('a backslash before anything else is text', () => {
        expect(tokenTypes('C:\\Users and \\ alone \\')).toEqual(['PROSE:C:\\Users and \\ alone \\']);
        expect(tokenTypes('\\ at the start before a space')).toEqual(['PROSE:\\ at the start before a space']);
    });

    test('an escaped character joins the text before it without a space', async () => {
        const document = await parse('@?: (\\@handle) a\\*b \\\\\\# end\n\\## 2. Heading text\n');
        const turn = structureOf(document.parseResult.value as Document).meetings[0].turns[0];
        // The escaped line right after the turn continues its paragraph.
        expect(continuationOf(turn.line)).toHaveLength(1);
        expect(turn.paragraphs).toHaveLength(0);
        expect(textContent(document.parseResult.value)).toBe('(@handle) a*b \\# end\n## 2. Heading text');
        expect(document.parseResult.parserErrors).toEqual([]);
    });
});
