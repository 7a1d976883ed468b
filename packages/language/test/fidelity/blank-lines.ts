import type { Block, Document } from '../../src/generated/ast.js';
import { structureOf } from '../../src/model/structure.js';
import { blockWords, itemUnits, wordsOf } from './word-for-word.js';

/**
 * The blank-line check: where the source separates two units of text (a paragraph, a list
 * item, a turn's line, an attendee, an action — see `itemUnits`) by a blank line, an output
 * separates them too. Each unit is found, in order, within one chunk of the output (the text
 * between its blank lines); two units a blank line apart in the source must not share one.
 */
export interface BlankLineFidelity {
    /** Pairs of neighbouring units a blank line apart in the source. */
    readonly gaps: number;
    /** Units found in the output, of those with words. */
    readonly found: number;
    readonly units: number;
    /** The first few units not found within one chunk, for a message. */
    readonly missingAt: readonly string[];
    /** The gaps the output closed: the words that start the unit after each, for a message. */
    readonly closedAt: readonly string[];
    /** Gaps between two rows of one table (Markdown's actions and attendees): a table has no blank lines, on purpose (docs/limits.md). */
    readonly inTables: number;
}

/** How far apart two consecutive words of a unit may be in the output: a name, a label or an organisation between them. */
const MAX_GAP = 12;

type Place = { chunk: number; start: number; end: number };

export function blankLineFidelity(document: Document, output: string): BlankLineFidelity {
    const source = document.$document?.textDocument.getText() ?? '';
    const units = structureOf(document).items.flatMap(itemUnits)
        .map(blocks => ({ blocks, words: blocks.flatMap(blockWords) }))
        .filter(unit => unit.words.length > 0);
    const texts = output.split(/\n[ \t]*\n/);
    const chunks = texts.map(wordsOf);
    const isTable = texts.map(text => text.trim().split('\n').every(line => line.trimStart().startsWith('|')));
    let from: Place = { chunk: 0, start: 0, end: 0 };
    const places = units.map(unit => {
        const place = find(chunks, unit.words, from);
        if (place) from = place;
        return place;
    });
    let gaps = 0;
    let inTables = 0;
    const closedAt: string[] = [];
    for (let i = 1; i < units.length; i++) {
        if (!blankBetween(source, units[i - 1].blocks, units[i].blocks)) continue;
        gaps++;
        const [before, after] = [places[i - 1], places[i]];
        if (!before || !after || before.chunk !== after.chunk) continue;
        if (isTable[after.chunk]) inTables++;
        else closedAt.push(units[i].words.slice(0, 8).join(' '));
    }
    const missingAt = units.filter((_unit, i) => !places[i]).slice(0, 5).map(unit => unit.words.slice(0, 8).join(' '));
    return { gaps, found: places.filter(Boolean).length, units: units.length, closedAt, inTables, missingAt };
}

/** Whether only blank lines (and comments) stand between two units, and at least one blank line. */
function blankBetween(source: string, before: readonly Block[], after: readonly Block[]): boolean {
    const last = before[before.length - 1].$cstNode;
    const first = after[0].$cstNode;
    if (!last || !first) return false;
    const end = last.offset + last.text.trimEnd().length;
    const between = source.slice(end, first.offset).replace(/\/\*[\s\S]*?\*\/|\/\/[^\r\n]*/g, '');
    return between.trim() === '' && /\n[ \t]*\r?\n/.test(between);
}

/** The first place, from `from` on, where a chunk holds the words in order with gaps of at most MAX_GAP words. */
function find(chunks: readonly string[][], words: readonly string[], from: Place): Place | undefined {
    for (let chunk = from.chunk; chunk < chunks.length; chunk++) {
        const within = chunks[chunk];
        for (let start = chunk === from.chunk ? from.end : 0; start < within.length; start++) {
            if (within[start] !== words[0]) continue;
            let at = start;
            let matched = 1;
            for (; matched < words.length; matched++) {
                const limit = Math.min(within.length, at + 1 + MAX_GAP);
                let next = -1;
                for (let k = at + 1; k < limit; k++) {
                    if (within[k] === words[matched]) {
                        next = k;
                        break;
                    }
                }
                if (next < 0) break;
                at = next;
            }
            if (matched === words.length) return { chunk, start, end: at + 1 };
        }
    }
    return undefined;
}
