import type { AstNodeDescription } from 'langium';
import { describe, expect, test } from 'vitest';
import { editDistance, nameKey } from '../../src/model/names.js';
import { NameKeyScope } from '../../src/scoping/minutes-scope-provider.js';

const FIRST = ['Marilyn', 'Torbjörn', 'Łukasz', 'Zoë', 'Anja', 'Hu', 'José', 'Søren', 'Nnenna', 'Þórdís', 'Mei', 'Anne'];
const LAST = ['Cade', 'Fredriksson', 'Fältström', 'Nowak', 'Gengo', 'Xianhong', 'García', 'Ødegaard', "O'Brien", 'Al-Hassan', 'Li', 'Annenberg'];

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = Math.imul(state ^ (state >>> 15), state | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function directory(): AstNodeDescription[] {
    const descriptions: AstNodeDescription[] = [];
    for (const first of FIRST) {
        for (const last of LAST) {
            const node = { name: `${first[0]}${last}`.toLowerCase().replace(/[^a-z]/g, '') };
            for (const name of [node.name, `${first} ${last}`, first]) {
                descriptions.push({ name, node, type: 'Person', path: '', documentUri: undefined, nameSegment: undefined, selectionSegment: undefined } as unknown as AstNodeDescription);
            }
        }
    }
    return descriptions;
}

/** What `nearKeys` must return: every key compared with the written one, as suggestions did before the index. */
function bruteForce(scope: NameKeyScope, key: string, limit: number): Array<{ key: string; score: number }> {
    const result: Array<{ key: string; score: number }> = [];
    for (const [candidate] of scope.entries()) {
        let score = editDistance(key, candidate, limit);
        if (score > limit) {
            if (key.length >= 3 && candidate.split(' ').some(word => word.startsWith(key))) score = limit + 0.5;
            else continue;
        }
        result.push({ key: candidate, score });
    }
    return result;
}

describe('NameKeyScope.nearKeys', () => {
    test('finds exactly the keys a comparison with every key finds, in the same order', () => {
        const scope = new NameKeyScope(directory());
        const next = random(20180319);
        const written: string[] = ['a', 'an', 'ann', 'fal', 'fredrikson', 'lukasz nowk', 'zoe', 'x', ''];
        for (let i = 0; i < 300; i++) {
            const name = `${FIRST[Math.floor(next() * FIRST.length)]} ${LAST[Math.floor(next() * LAST.length)]}`;
            const letters = [...name];
            const at = Math.floor(next() * letters.length);
            const edit = Math.floor(next() * 4);
            if (edit === 0) letters.splice(at, 1);
            else if (edit === 1) letters.splice(at, 0, 'e');
            else if (edit === 2 && at + 1 < letters.length) [letters[at], letters[at + 1]] = [letters[at + 1], letters[at]];
            const typed = letters.join('');
            written.push(typed, typed.slice(0, 1 + Math.floor(next() * typed.length)));
        }
        for (const text of written) {
            const key = nameKey(text);
            for (const limit of [1, 2, 3]) {
                const near = scope.nearKeys(key, limit).map(({ key: candidate, score }) => ({ key: candidate, score }));
                expect(near, `${text} (limit ${limit})`).toEqual(bruteForce(scope, key, limit));
            }
        }
    });

    test('the bounded edit distance is the Levenshtein distance up to the limit', () => {
        expect(editDistance('faltstrom', 'faltstrom')).toBe(0);
        expect(editDistance('kitten', 'sitting')).toBe(3);
        expect(editDistance('kitten', 'sitting', 1)).toBe(2);
        expect(editDistance('', 'abc')).toBe(3);
        expect(editDistance('a much longer key than the buffer holds at first, twice over', 'a much longer key than the buffer holds at first, twice ovr')).toBe(1);
    });
});
