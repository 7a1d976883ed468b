import { editDistance } from '../model/names.js';

/**
 * The name keys of a directory, indexed to find those close to a misspelt one.
 *
 * "Unknown speaker 'Tatiana Tropnia'. Did you mean 'Tatiana Tropina'?" needs every key
 * within a few edits of what was written. Comparing with all 18,000 keys of a
 * 5,000-person directory costs milliseconds per unknown name, and a workspace has
 * hundreds of them. Two filters leave only a handful of keys to compare:
 *
 * - Within `k` edits, two strings differ in length by at most `k`: keys are grouped by length.
 * - Within `k` edits, two strings share at least `m = max(|a|, |b|) - 1 - 2k` character pairs
 *   (bigrams, counted with repetition), since one edit changes at most two of them (the
 *   q-gram lemma). So a key shares one of the `|a| - m` rarest bigram occurrences of what was
 *   written (the prefix filter): each bigram lists the keys of each length that hold it, and
 *   only the lists of those rarest, for the lengths within `k`, are read. Keys too short for
 *   the bound to exclude anything are compared directly.
 *
 * Words are indexed too, in order, for names that start with what was typed.
 */
export class NearNameIndex {
    private readonly keys: string[];
    private readonly byLength = new Map<number, number[]>();
    /** By key length: bigram → the indexes of the keys of that length that hold it. */
    private readonly bigrams = new Map<number, Map<number, number[]>>();
    /** Every word of every key, sorted by code unit, with the keys holding it. */
    private readonly words: string[];
    private readonly keysOfWord = new Map<string, number[]>();
    /** Marks of the keys met in a query, one per key, cleared after each length. */
    private readonly counts: Uint8Array;

    /** @param keys distinct keys; results come in this order */
    constructor(keys: Iterable<string>) {
        this.keys = [...keys];
        this.counts = new Uint8Array(this.keys.length);
        this.keys.forEach((key, id) => {
            push(this.byLength, key.length, id);
            let ofLength = this.bigrams.get(key.length);
            if (!ofLength) this.bigrams.set(key.length, ofLength = new Map());
            for (const bigram of bigramsOf(key).keys()) push(ofLength, bigram, id);
            for (const word of new Set(key.split(' '))) push(this.keysOfWord, word, id);
        });
        this.words = [...this.keysOfWord.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }

    /**
     * The keys within `limit` edits of `key` (score: the distance) and, when `key` has three
     * characters or more, the keys with a word starting with it (score: `limit + 0.5`), in
     * the order the keys were given.
     */
    near(key: string, limit: number): Array<{ key: string; score: number }> {
        const scores = new Map<number, number>();
        const consider = (id: number) => {
            const distance = editDistance(key, this.keys[id], limit);
            if (distance <= limit) scores.set(id, distance);
        };
        const minimumShared = (length: number) => Math.max(key.length, length) - 1 - 2 * limit;
        // Each occurrence of each bigram of `key`, once for each time it occurs.
        const occurrences = [...bigramsOf(key)].flatMap(([bigram, count]) => Array<number>(count).fill(bigram));
        for (let length = Math.max(0, key.length - limit); length <= key.length + limit; length++) {
            const least = minimumShared(length);
            // Too short for the bigram bound to exclude anything: compare them all.
            if (least <= 0) {
                this.byLength.get(length)?.forEach(consider);
                continue;
            }
            const ofLength = this.bigrams.get(length);
            if (!ofLength) continue;
            // A key of this length shares at least `least` bigrams with `key`, so it holds one of the `occurrences.length - least + 1`
            // rarest bigram occurrences of `key` (the prefix filter): only their keys are compared. Reading every key that shares a
            // bigram made an unknown name cost time in proportion to the directory when its bigrams were common (digits: `@Unknown12`).
            const postingsOf = (bigram: number) => ofLength.get(bigram)?.length ?? 0;
            const rarest = [...occurrences].sort((a, b) => postingsOf(a) - postingsOf(b)).slice(0, occurrences.length - least + 1);
            const touched: number[] = [];
            for (const bigram of new Set(rarest)) {
                for (const id of ofLength.get(bigram) ?? []) {
                    if (this.counts[id] === 0) {
                        this.counts[id] = 1;
                        touched.push(id);
                    }
                }
            }
            // The edit distance decides: a key within `limit` edits shares enough bigrams (the q-gram lemma), so none is missed.
            for (const id of touched) {
                consider(id);
                this.counts[id] = 0;
            }
        }
        if (key.length >= 3) {
            for (let i = this.firstWordNotBefore(key); i < this.words.length && this.words[i].startsWith(key); i++) {
                for (const id of this.keysOfWord.get(this.words[i])!) {
                    if (!scores.has(id)) scores.set(id, limit + 0.5);
                }
            }
        }
        return [...scores].sort((a, b) => a[0] - b[0]).map(([id, score]) => ({ key: this.keys[id], score }));
    }

    private firstWordNotBefore(text: string): number {
        let low = 0;
        let high = this.words.length;
        while (low < high) {
            const middle = (low + high) >>> 1;
            if (this.words[middle] < text) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}

/** The bigrams of a string (two UTF-16 code units as one number) with their occurrences. */
function bigramsOf(text: string): Map<number, number> {
    const bigrams = new Map<number, number>();
    for (let i = 0; i + 1 < text.length; i++) {
        const bigram = text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
        bigrams.set(bigram, (bigrams.get(bigram) ?? 0) + 1);
    }
    return bigrams;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}
