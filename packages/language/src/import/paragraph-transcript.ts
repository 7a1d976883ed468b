import { isNameLike, splitLabel } from './labels.js';
import { groupTurns, linesOf, paragraphsOf, splitTitle, type Transcript } from './transcript.js';

/**
 * Words that scribe tools and minutes pages write as `word: text` at the start of a paragraph
 * although no one is speaking: W3C's scribe.perl commands (`github:`, `topic:`, `scribenick:`),
 * outcome and link labels. Compared in lower case.
 */
const NOT_SPEAKERS = new Set([
    'github', 'topic', 'subtopic', 'agenda', 'scribe', 'scribenick', 'chair', 'chairs', 'present', 'regrets',
    'action', 'actions', 'resolution', 'resolved', 'proposed', 'proposal', 'summary', 'note', 'notes',
    'link', 'links', 'slides', 'minutes', 'issue', 'issues', 'meeting', 'date', 'previous meeting', 'draft'
]);

/** A label at the start of a paragraph: name-like, not a scribe command, at most three words (a nickname, a name). */
function paragraphLabel(line: string): { label: string; text: string } | undefined {
    return splitLabel(line.trim(), label => isNameLike(label) && label.split(/\s+/).length <= 3 && !NOT_SPEAKERS.has(label.toLowerCase()));
}

/**
 * Reads a `Name: text` transcript, as W3C minutes, ICANN and many meeting pages print them:
 * each paragraph that starts with a speaker label (`florian:`, `Marilyn Cade:`) is a turn,
 * the paragraph's other lines (`… also can annotate`) continue it, and paragraphs without a
 * label continue the turn above. Labels count only at the start of a paragraph, so a
 * `Note: …` or `see: …` line inside a turn stays its text. The text before the first turn
 * is a title (see splitTitle) and prose: a page header is never a title.
 */
export function readParagraphTranscript(text: string): Transcript {
    let atParagraphStart = true;
    const { before, turns } = groupTurns(linesOf(text), line => {
        const blank = !line.trim();
        const labelled = atParagraphStart && !blank ? paragraphLabel(line) : undefined;
        atParagraphStart = blank;
        return labelled && { label: labelled.label, lines: [labelled.text], notes: [] };
    }, line => line);
    const { title, rest } = splitTitle(paragraphsOf(before));
    return { format: 'transcript', title, disclaimer: [], prologue: rest, turns, trailingNotes: [] };
}

/**
 * For telling the format: how many lines carry a speaker label, and how many of them start a
 * paragraph. In a `Name: text` transcript nearly all do; a chat log has messages on
 * consecutive lines instead.
 */
export function countLabelledLines(lines: readonly string[]): { anywhere: number; startingParagraphs: number } {
    let anywhere = 0;
    let startingParagraphs = 0;
    let atParagraphStart = true;
    for (const line of lines) {
        const blank = !line.trim();
        if (!blank && paragraphLabel(line)) {
            anywhere++;
            if (atParagraphStart) startingParagraphs++;
        }
        atParagraphStart = blank;
    }
    return { anywhere, startingParagraphs };
}
