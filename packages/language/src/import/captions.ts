import { splitLabel } from './labels.js';
import { groupTurns, linesOf, paragraphsOf, splitTitle, type Transcript } from './transcript.js';

/** `>>` at the start of a line marks a change of speaker in real-time captioning (CART). */
const SPEAKER_CHANGE = /^\s*>>\s?/;

/**
 * Reads a real-time captioning transcript: `>> NAME: text` starts a named speaker's turn,
 * a bare `>> text` an unidentified speaker's. The lines before the first turn are a title
 * (a first line of its own) and a disclaimer ("The following are the outputs of the
 * real-time captioning…"); a text without any `>>` is a title and prose.
 */
export function readCaptions(text: string): Transcript {
    const { before, turns } = groupTurns(linesOf(text), line => {
        const change = SPEAKER_CHANGE.exec(line);
        if (!change) return undefined;
        const rest = line.slice(change[0].length);
        const labelled = splitLabel(rest.trim());
        return labelled ? { label: labelled.label, lines: [labelled.text], notes: [] } : { lines: [rest], notes: [] };
    }, line => line);
    const { title, rest } = splitTitle(paragraphsOf(before));
    return {
        format: 'captions',
        title,
        disclaimer: turns.length > 0 ? rest : [],
        prologue: turns.length > 0 ? [] : rest,
        turns,
        trailingNotes: []
    };
}

/** How many lines of a text start with `>>`: the sign of a captioning transcript. */
export function countSpeakerChanges(lines: readonly string[]): number {
    return lines.filter(line => SPEAKER_CHANGE.test(line)).length;
}
