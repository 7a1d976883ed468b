import { isUtf8 } from 'node:buffer';

/**
 * The offset of the first byte of the first sequence that is not well-formed UTF-8 (Unicode
 * Table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF; a sequence cut off by
 * the end counts), or undefined when every byte is well-formed. One pass over the bytes.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
    let i = 0;
    while (i < bytes.length) {
        const lead = bytes[i];
        if (lead < 0x80) {
            i++;
            continue;
        }
        // The number of continuation bytes, and the range the first of them must lie in.
        let count: number;
        let low = 0x80;
        let high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) count = 1;
        else if (lead >= 0xe0 && lead <= 0xef) {
            count = 2;
            if (lead === 0xe0) low = 0xa0;
            else if (lead === 0xed) high = 0x9f;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            count = 3;
            if (lead === 0xf0) low = 0x90;
            else if (lead === 0xf4) high = 0x8f;
        } else return i;
        for (let k = 1; k <= count; k++) {
            const byte = bytes[i + k];
            if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
        }
        i += count + 1;
    }
    return undefined;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text of a source's bytes, or why they are not Minutes text (a transcript's, when it is not UTF-16). */
export function decodeSource(bytes: Uint8Array): string | { problem: string } {
    const problem = sourceProblem(bytes);
    return problem === undefined ? decodeWellFormed(bytes) : { problem };
}

/**
 * Why a source's bytes are not Minutes text (NUL bytes, or not well-formed UTF-8), or
 * undefined when they are: checked without decoding them, so that a check can keep a file
 * as its bytes and decode it when its turn comes (workspace.ts, WorkspaceSource).
 */
export function sourceProblem(bytes: Uint8Array): string | undefined {
    if (bytes.includes(0)) return 'looks like a binary file (it contains NUL bytes), not Minutes text';
    if (isUtf8(bytes)) return undefined;
    // Searched for the offset only when the bytes are refused. Node's check and this search read
    // the same table; should they ever disagree, the fatal decoder decides.
    const invalid = firstInvalidUtf8(bytes);
    if (invalid !== undefined) return `not valid UTF-8 (first bad byte at offset ${invalid}); save it as UTF-8`;
    decoder.decode(bytes);
    return undefined;
}

/** The text of bytes that sourceProblem found to be Minutes text (a byte-order mark left out, as every decoding of a source does). */
export function decodeWellFormed(bytes: Uint8Array): string {
    return decoder.decode(bytes);
}
