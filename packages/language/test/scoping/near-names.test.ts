import { describe, expect, test } from 'vitest';
import { editDistance } from '../../src/model/names.js';
import { NearNameIndex } from '../../src/scoping/near-names.js';

/** What the index must find, by comparing with every key: those within `limit` edits, then those with a word starting with the text. */
function nearByComparing(keys: string[], key: string, limit: number): Array<{ key: string; score: number }> {
    return keys.flatMap(each => {
        const distance = editDistance(key, each, limit);
        if (distance <= limit) return [{ key: each, score: distance }];
        return key.length >= 3 && each.split(' ').some(word => word.startsWith(key)) ? [{ key: each, score: limit + 0.5 }] : [];
    });
}

/** A pseudo-random sequence, the same at every run. */
function numbers(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
        return state / 2_147_483_648;
    };
}

describe('near names: the index finds what comparing with every key finds', () => {
    const random = numbers(19);
    const pick = (text: string) => text[Math.floor(random() * text.length)];
    const word = (alphabet: string, length: number) => Array.from({ length }, () => pick(alphabet)).join('');
    // Names of few letters and many digits (`p123`, `person 1204`), whose bigrams are shared by many keys, and ordinary ones.
    const keys = [...new Set(Array.from({ length: 1_500 }, (_, i) =>
        i % 3 === 0 ? `p${i}` : i % 3 === 1 ? `${word('aeinrst', 2 + (i % 7))} person${i % 500}` : word('abcdefghijklmnopqrstuvwxyzé ', 1 + (i % 13))))];
    const index = new NearNameIndex(keys);
    const edited = (text: string) => {
        const at = Math.floor(random() * (text.length + 1));
        return [text.slice(0, at) + pick('ap1 ') + text.slice(at), text.slice(0, at) + text.slice(at + 1), text.slice(0, at) + pick('x9') + text.slice(at + 1)][Math.floor(random() * 3)];
    };
    const queries = [...Array.from({ length: 300 }, () => edited(edited(keys[Math.floor(random() * keys.length)]))),
        'unknown12', 'p1', 'p', '', 'person 12', 'persn1', 'p10000'];

    test.each([1, 2, 3])('within %i edits', limit => {
        for (const query of queries) expect(index.near(query, limit), query).toEqual(nearByComparing(keys, query, limit));
    });
});
