import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { memoised } from '../../src/model/memo.js';

/** V8's collector, as jest's leak detection reaches it: the flag set, then read in a new context. */
function collector(): () => void {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
}

describe('memoised', () => {
    test('remembers each answer, and forgets them all past the number kept', () => {
        const asked: string[] = [];
        const upper = memoised(key => { asked.push(key); return key.toUpperCase(); }, 2);
        expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
        expect(asked).toEqual(['a', 'b']);
        upper('c');
        upper('a');
        expect(asked).toEqual(['a', 'b', 'c', 'a']);
    });

    test('a key cut from a long text does not keep the text', () => {
        const gc = collector();
        const remember = memoised(key => key.length, 10);
        const heapWith = (make: () => void) => {
            gc();
            const before = getHeapStatistics().used_heap_size;
            make();
            gc();
            return getHeapStatistics().used_heap_size - before;
        };
        // An 8 MB text, of which a name of 20 characters is remembered.
        const kept = heapWith(() => {
            const text = `${'é'.repeat(4_000_000)}Tatiana Tropina-Ware${'é'.repeat(4_000_000)}`;
            remember(text.slice(4_000_000, 4_000_020));
        });
        expect(kept).toBeLessThan(1_000_000);
    });

    test('an answer that is its key, or a part of it, does not keep the text either', () => {
        const gc = collector();
        // As nameKey answers a name already in its simplest form: with the very string it was given.
        const same = memoised(key => key, 10);
        const part = memoised(key => key.slice(2), 10);
        gc();
        const before = getHeapStatistics().used_heap_size;
        (() => {
            const text = `${'é'.repeat(4_000_000)}Tatiana Tropina-Ware${'é'.repeat(4_000_000)}`;
            same(text.slice(4_000_000, 4_000_020));
            part(text.slice(4_000_000, 4_000_020));
        })();
        gc();
        expect(getHeapStatistics().used_heap_size - before).toBeLessThan(1_000_000);
        expect([same('Tatiana Tropina-Ware'), part('Tatiana Tropina-Ware')]).toEqual(['Tatiana Tropina-Ware', 'tiana Tropina-Ware']);
    });
});
