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
});
