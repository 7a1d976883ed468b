import { describe, expect, test } from 'vitest';
import { ObjectFacts } from '../../src/util/object-facts.js';

describe('ObjectFacts', () => {
    test('keeps a fact per object, as a WeakMap would', () => {
        const lines = new ObjectFacts<object, string[]>('lines');
        const a = { $type: 'Line' };
        const b = { $type: 'Line' };
        expect(lines.get(a)).toBeUndefined();
        expect(lines.has(a)).toBe(false);
        lines.set(a, ['one']).set(b, ['two']);
        expect(lines.get(a)).toEqual(['one']);
        expect(lines.get(b)).toEqual(['two']);
        lines.set(a, ['again']);
        expect(lines.get(a)).toEqual(['again']);
        expect(lines.delete(a)).toBe(true);
        expect(lines.delete(a)).toBe(false);
        expect(lines.has(a)).toBe(false);
        expect(lines.get(b)).toEqual(['two']);
    });

    test('two kinds of fact on one object do not meet', () => {
        const first = new ObjectFacts<object, number>('same name');
        const second = new ObjectFacts<object, number>('same name');
        const node = {};
        first.set(node, 1);
        expect(second.get(node)).toBeUndefined();
    });

    test('a fact is not copied by a spread, nor listed, nor serialised', () => {
        // An incremental parse makes the next document as `{ ...document, blocks }`: it must not inherit the old one's structure.
        const structures = new ObjectFacts<object, object>('structure');
        const document = { $type: 'Document', blocks: [] as unknown[] };
        structures.set(document, { document });
        expect(structures.get({ ...document, blocks: [] })).toBeUndefined();
        expect(Object.keys(document)).toEqual(['$type', 'blocks']);
        expect(JSON.stringify(document)).toBe('{"$type":"Document","blocks":[]}');
        expect(Object.assign({}, document)).toEqual({ $type: 'Document', blocks: [] });
    });

    test('an object that takes no properties keeps its facts all the same', () => {
        const facts = new ObjectFacts<object, string>('frozen');
        const frozen = Object.freeze({ $type: 'Line' });
        facts.set(frozen, 'kept');
        expect(facts.get(frozen)).toBe('kept');
        expect(facts.delete(frozen)).toBe(true);
        expect(facts.get(frozen)).toBeUndefined();
    });
});
