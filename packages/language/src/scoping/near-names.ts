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
 * - Within `k` edits, two strings share at least `max(|a|, |b|) - 1 - 2k` character pairs
 *   (bigrams, counted with repetition), since one edit changes at most two of them (the
 *   q-gram lemma). Each bigram lists the keys that hold it, so counting shared bigrams
 *   touches only keys that share some. Keys too short for the bound to exclude anything
 *   are compared directly.
 *
 * Words are indexed too, in order, for names that start with what was typed.
 */
export class NearNameIndex {
    private readonly keys: string[];
    private readonly byLength = new Map<number, number[]>();
    /** Bigram → [key index, occurrences, key index, occurrences, ...]. */
    private readonly bigrams = new Map<number, number[]>();
    /** Every word of every key, sorted by code unit, with the keys holding it. */
    private readonly words: string[];
    private readonly keysOfWord = new Map<string, number[]>();
    /** Shared-bigram counts, one per key, reset after each query. */
    private readonly counts: Int32Array;

    /** @param keys distinct keys; results come in this order */
    constructor(keys: Iterable<string>) {
        this.keys = [...keys];
        this.counts = new Int32Array(this.keys.length);
        this.keys.forEach((key, id) => {
            push(this.byLength, key.length, id);
            for (const [bigram, occurrences] of bigramsOf(key)) {
                const postings = this.bigrams.get(bigram);
                if (postings) postings.push(id, occurrences);
                else this.bigrams.set(bigram, [id, occurrences]);
            }
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
        const filtered: number[] = [];
        for (let length = Math.max(0, key.length - limit); length <= key.length + limit; length++) {
            // Too short for the bigram bound to exclude anything: compare them all.
            if (minimumShared(length) <= 0) this.byLength.get(length)?.forEach(consider);
            else filtered.push(length);
        }
        if (filtered.length > 0) {
            const touched: number[] = [];
            for (const [bigram, occurrences] of bigramsOf(key)) {
                const postings = this.bigrams.get(bigram);
                if (!postings) continue;
                for (let i = 0; i < postings.length; i += 2) {
                    const id = postings[i];
                    if (this.counts[id] === 0) touched.push(id);
                    this.counts[id] += Math.min(occurrences, postings[i + 1]);
                }
            }
            for (const id of touched) {
                const length = this.keys[id].length;
                if (Math.abs(length - key.length) <= limit && minimumShared(length) > 0 && this.counts[id] >= minimumShared(length)) consider(id);
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
