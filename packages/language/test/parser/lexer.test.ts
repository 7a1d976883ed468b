import { describe, expect, test } from 'vitest';
import { tokenTypes } from '../helpers/workspace.js';
import { HORIZONTAL_SPACE_CLASS, isHorizontalSpaceCode } from '../../src/parser/minutes-lexer.js';

describe('the lexer', () => {
    test('keys are keywords only at the start of a line', () => {
        expect(tokenTypes('date: 2018-03-19')).toEqual(['date::date:', 'PROSE:2018-03-19']);
        expect(tokenTypes('We set the date: 5 May')).toEqual(['PROSE:We set the date: 5 May']);
        expect(tokenTypes('  Date : 2018-03-19')).toEqual(['date::Date :', 'PROSE:2018-03-19']);
    });

    test('issue 13: setext underlines, + bullets, custom header fields', () => {
        // The line break under a setext title is no token: the underline ends the heading.
        expect(tokenTypes('Agenda\n------\n\n+ item')).toEqual(['PROSE:Agenda', 'UNDERLINE:------', 'BLANK:\n', 'BULLET:+', 'PROSE:item']);
        expect(tokenTypes('# Notes\n-----\ntext')).toEqual(['HEADING:#', 'PROSE:Notes', 'UNDERLINE:-----', 'NL:\n', 'PROSE:text']);
        // Not standing alone (a line before it), or too short: a break and prose as before.
        expect(tokenTypes('one\ntwo\n---')).toEqual(['PROSE:one', 'NL:\n', 'PROSE:two', 'NL:\n', 'RULE:---']);
        expect(tokenTypes('Title\n==')).toEqual(['PROSE:Title', 'NL:\n', 'PROSE:==']);
        expect(tokenTypes('+1 from me')).toEqual(['PROSE:+1 from me']);
        // A custom field only in a meeting's header of fields, with a value on its line.
        expect(tokenTypes("meeting: M\nProposer's Name: Ana\nContent of the Session:\nSize: px")).toEqual([
            'meeting::meeting:', 'PROSE:M', 'NL:\n', "FIELD_LABEL:Proposer's Name:", 'PROSE:Ana', 'NL:\n', 'PROSE:Content of the Session:', 'NL:\n', 'PROSE:Size: px'
        ]);
        expect(tokenTypes('meeting: M\n# Notes\nSize: px')).toEqual(['meeting::meeting:', 'PROSE:M', 'NL:\n', 'HEADING:#', 'PROSE:Notes', 'NL:\n', 'PROSE:Size: px']);
    });

    test('multi-word keys are normalised', () => {
        expect(tokenTypes('next steps:')[0]).toBe('next-steps::next steps:');
        expect(tokenTypes('Key takeaways:')[0]).toBe('key-takeaways::Key takeaways:');
    });

    test('a line that starts with @name is a speaker; @name elsewhere is a mention', () => {
        expect(tokenTypes('@mcade: hello @Joanna.')).toEqual(['SPEAKER_REF:@mcade', ':::', 'PROSE:hello', 'REF:@Joanna', 'PROSE:.']);
        expect(tokenTypes('- @{Matthew Shears} said')).toEqual(['BULLET:-', 'SPEAKER_REF:@{Matthew Shears}', 'PROSE:said']);
        expect(tokenTypes('@?: who?')).toEqual(['SPEAKER_REF:@?', ':::', 'PROSE:who?']);
    });

    test('qualifiers after a speaker are bracketed', () => {
        expect(tokenTypes('@x [replying to @y]: text [not a qualifier]')).toEqual([
            'SPEAKER_REF:@x', '[:[', 'PROSE:replying to', 'REF:@y', ']:]', ':::', 'PROSE:text [not a qualifier]'
        ]);
    });

    test('an @ inside a word is not a reference', () => {
        expect(tokenTypes('write to nigel@icann.org today')).toEqual(['PROSE:write to nigel@icann.org today']);
    });

    test('names with diacritics, hyphens and dots; sentence punctuation is not part of a name', () => {
        expect(tokenTypes('met @Fältström, @CCWG-IG and @Henry.')).toEqual([
            'PROSE:met', 'REF:@Fältström', 'PROSE:,', 'REF:@CCWG-IG', 'PROSE:and', 'REF:@Henry', 'PROSE:.'
        ]);
    });

    test('URLs are tokens of their own, without trailing sentence punctuation', () => {
        expect(tokenTypes('see https://www.itu.int/net4/wsis/forum/2018/Pages/Agenda/Session/196#intro.')).toEqual([
            'PROSE:see', 'URL:https://www.itu.int/net4/wsis/forum/2018/Pages/Agenda/Session/196#intro', 'PROSE:.'
        ]);
        expect(tokenTypes('Seehttp://unctad.org/en/Pages/CSTD/WGEC-2013-to-2014.aspx for')).toEqual([
            'PROSE:See', 'URL:http://unctad.org/en/Pages/CSTD/WGEC-2013-to-2014.aspx', 'PROSE:for'
        ]);
        expect(tokenTypes('(https://example.org/a_(b)) x')).toEqual(['PROSE:(', 'URL:https://example.org/a_(b)', 'PROSE:) x']);
    });

    test('line comments only at the start of a line; block comments anywhere', () => {
        expect(tokenTypes('a. UNCTAD - CSTD // recent report')).toEqual(['LABEL:a.', 'PROSE:UNCTAD - CSTD // recent report']);
        expect(tokenTypes('one\n// hidden\ntwo')).toEqual(['PROSE:one', 'NL:\n', 'PROSE:two']);
        expect(tokenTypes('one /* hidden */ two')).toEqual(['PROSE:one', 'PROSE:two']);
    });

    test('a blank line is one BLANK token; comment lines do not make a line blank', () => {
        expect(tokenTypes('one\n\n\n  \ntwo')).toEqual(['PROSE:one', 'BLANK:\n', 'PROSE:two']);
        expect(tokenTypes('one\r\n// c\r\ntwo')).toEqual(['PROSE:one', 'NL:\r\n', 'PROSE:two']);
    });

    test('line-start markers: headings, bullets, labels, quotes, breaks', () => {
        expect(tokenTypes('## 2.1 Events')).toEqual(['HEADING:##', 'PROSE:2.1 Events']);
        expect(tokenTypes('#WGEC is a hashtag')).toEqual(['PROSE:#WGEC is a hashtag']);
        expect(tokenTypes('· Review')).toEqual(['BULLET:·', 'PROSE:Review']);
        expect(tokenTypes('   ii. List of Comments')).toEqual(['LABEL:ii.', 'PROSE:List of Comments']);
        expect(tokenTypes('2.4.2 CCWG-IG teleconferences')).toEqual(['LABEL:2.4.2', 'PROSE:CCWG-IG teleconferences']);
        expect(tokenTypes('2 years ago')).toEqual(['PROSE:2 years ago']);
        expect(tokenTypes('> "quoted"')).toEqual(['QUOTE:>', 'PROSE:"quoted"']);
        expect(tokenTypes('---')).toEqual(['RULE:---']);
        expect(tokenTypes('-- not a rule')).toEqual(['PROSE:-- not a rule']);
    });

    test('entry keywords need a handle; action needs a header that ends in a colon', () => {
        expect(tokenTypes('person @mcade Marilyn Cade')).toEqual(['person:person', 'REF:@mcade', 'PROSE:Marilyn Cade']);
        expect(tokenTypes('person of interest')).toEqual(['PROSE:person of interest']);
        expect(tokenTypes('action #a1 @x due 2018-04-01: do it')).toEqual(['action:action', 'ACTION_ID:#a1', 'REF:@x', 'PROSE:due 2018-04-01: do it']);
        expect(tokenTypes('Action was taken: none')).toEqual(['PROSE:Action was taken: none']);
        expect(tokenTypes('update #a1 done: ok')).toEqual(['update:update', 'ACTION_ID:#a1', 'PROSE:done: ok']);
    });

    test('positions are right across CRLF, tabs and astral characters', async () => {
        const { createMinutesServices } = await import('../../src/minutes-module.js');
        const { EmptyFileSystem } = await import('langium');
        const lexer = createMinutesServices(EmptyFileSystem).Minutes.parser.Lexer;
        const text = 'a 😀\r\n\t@x: y';
        const tokens = lexer.tokenize(text).tokens;
        const speaker = tokens.find(t => t.tokenType.name === 'SPEAKER_REF')!;
        expect([speaker.startOffset, speaker.startLine, speaker.startColumn]).toEqual([7, 2, 2]);
        for (const token of tokens) {
            expect(text.slice(token.startOffset, token.endOffset! + 1)).toBe(token.image);
        }
    });

    test('an unterminated block comment is the only lexing error', async () => {
        const { createMinutesServices } = await import('../../src/minutes-module.js');
        const { EmptyFileSystem } = await import('langium');
        const lexer = createMinutesServices(EmptyFileSystem).Minutes.parser.Lexer;
        expect(lexer.tokenize('text /* open').errors.map(e => e.message)).toEqual(['This comment is not closed: add */ where it should end.']);
        expect(lexer.tokenize('\u0000\uD800 ‮ \uFEFF!').errors).toEqual([]);
    });
});

describe('horizontal space, as the lexer reads it and as a regular expression writes it', () => {
    test('HORIZONTAL_SPACE_CLASS holds exactly the code units isHorizontalSpaceCode accepts', () => {
        const pattern = new RegExp(`^${HORIZONTAL_SPACE_CLASS}$`);
        const disagree: number[] = [];
        for (let code = 0; code <= 0xffff; code++) {
            if (pattern.test(String.fromCharCode(code)) !== isHorizontalSpaceCode(code)) disagree.push(code);
        }
        expect(disagree).toEqual([]);
    });
});
