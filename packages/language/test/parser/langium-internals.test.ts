import { EmptyFileSystem, LangiumParser, LeafCstNodeImpl } from 'langium';
import { describe, expect, test } from 'vitest';
import { createMinutesServices } from '../../src/minutes-module.js';
import { assertLangiumInternals, type ParserInternals } from '../../src/parser/minutes-parser.js';

/**
 * The parser override relies on members Langium keeps private. Installed with another Langium
 * (a consumer's resolution, an override), it must stop at start-up with a message that names
 * the cause, not fail on the first document inside Langium.
 */
describe('the guard on Langium internals', () => {
    const { Minutes } = createMinutesServices(EmptyFileSystem);
    const internals = new LangiumParser(Minutes) as unknown as ParserInternals;

    test('the pinned Langium passes it, and the services it guards parse', () => {
        expect(() => assertLangiumInternals(internals, LeafCstNodeImpl)).not.toThrow();
        expect(Minutes.parser.LangiumParser.parse('meeting: A call\n').parserErrors).toEqual([]);
    });

    test('a CST node whose root is a getter (Langium 4.4) is refused, naming the version needed', () => {
        class GetterRootLeaf { get root(): unknown { return undefined; } }
        expect(() => assertLangiumInternals(internals, GetterRootLeaf)).toThrow(/needs Langium 4\.2\.1 exactly.*writable LeafCstNodeImpl\.root/);
    });

    test('a parser without the private members replaced is refused, naming each', () => {
        expect(() => assertLangiumInternals({ nodeBuilder: internals.nodeBuilder }, LeafCstNodeImpl))
            .toThrow(/lacks LangiumParser\.doParse, LangiumParser\.extractHiddenTokens\./);
    });
});
