import { readFileSync } from 'node:fs';
import { AstUtils, EmptyFileSystem, GrammarAST } from 'langium';
import { describe, expect, test } from 'vitest';
import { createMinutesServices } from '../../src/minutes-module.js';
import {
    ENGLISH_LABELS, ENTRY_KINDS, isLabelled, KEYS, keyDefinition, normalisedKey, type KeyKind
} from '../../src/model/vocabulary.js';

const grammar = createMinutesServices(EmptyFileSystem).Minutes.Grammar;

/** The keywords of a grammar rule, as written there. */
function keywordsOf(ruleName: string): string[] {
    const rule = grammar.rules.find(r => r.name === ruleName);
    if (!rule) throw new Error(`The grammar has no rule ${ruleName}`);
    return AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).map(keyword => keyword.value).toArray();
}

/** The rule of minutes.langium that lists the keys of each kind. */
const RULES: Record<KeyKind, string> = {
    field: 'FieldKey', entry: 'EntryKey', roster: 'RosterKey', agenda: 'AgendaKey', segment: 'SegmentKey', outcome: 'OutcomeKey'
};

describe('the vocabulary', () => {
    test.each(Object.entries(RULES))('its %s keys are the keywords of the grammar rule %s, in order', (kind, rule) => {
        expect(KEYS.filter(definition => definition.kind === kind).map(definition => definition.key)).toEqual(keywordsOf(rule));
    });

    test('every key the grammar has is in the vocabulary', () => {
        const grammarKeys = AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword)
            .map(keyword => keyword.value).filter(value => value.length > 1 && value.endsWith(':')).toArray();
        expect(new Set(grammarKeys)).toEqual(new Set(KEYS.map(definition => definition.key)));
    });

    test('the words that start a directory entry are the grammar\'s', () => {
        expect([...ENTRY_KINDS]).toEqual([...keywordsOf('Person'), ...keywordsOf('OrganisationKind')]);
    });

    test('each key is listed once, normalised as the lexer reads it', () => {
        const keys = KEYS.map(definition => definition.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const key of keys) expect(normalisedKey(key)).toBe(key);
        expect(keyDefinition('Next  Steps :')?.key).toBe('next-steps:');
        expect(keyDefinition('Organizer:')?.id).toBe('organisers');
    });

    test('every key outputs show by name has an English label', () => {
        const missing = KEYS.filter(definition => isLabelled(definition) && !ENGLISH_LABELS.keys[definition.id]);
        expect(missing.map(definition => definition.key)).toEqual([]);
    });

    test('facts go with the kinds they belong to', () => {
        for (const definition of KEYS) {
            expect(definition.outcome !== undefined, definition.key).toBe(definition.kind === 'outcome');
            expect(definition.turns !== undefined, definition.key).toBe(definition.kind === 'segment');
            expect(definition.attendance !== undefined, definition.key).toBe(definition.kind === 'roster');
            if (definition.office || definition.body || definition.header !== undefined) expect(definition.kind, definition.key).toBe('field');
        }
    });

    test('docs/language.md documents every key and every kind of directory entry', () => {
        const docs = readFileSync(new URL('../../../../docs/language.md', import.meta.url), 'utf8');
        // Inline code in the prose: `next steps:` is how the docs write `next-steps:`.
        const documented = (word: string) => docs.includes(`\`${word}`);
        const undocumented = KEYS.map(definition => definition.key)
            .filter(key => !documented(key) && !documented(key.replace(/-/g, ' ')));
        expect(undocumented).toEqual([]);
        expect(ENTRY_KINDS.filter(kind => !documented(kind))).toEqual([]);
    });
});
