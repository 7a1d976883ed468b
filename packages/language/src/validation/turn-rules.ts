import type { ValidationAcceptor } from 'langium';
import { shortName } from '../model/directory.js';
import type { Line, SpeakerLine } from '../generated/ast.js';
import { blockStart, firstLineOf, lastLineOf, type JointNames, type Paragraph, type Turn } from '../model/structure.js';
import { isTrimmedSpace, writtenName } from '../model/text.js';
import { IssueCodes } from './issue-codes.js';
import { firstLineRange, listItems, rangeOfOffsets, writtenValue } from './ranges.js';

export type TurnRule = (turn: Turn, accept: ValidationAcceptor) => void;

/** The qualifiers `qualifiersOf` understands, as the message lists them. */
export const KNOWN_QUALIFIERS = [
    'replying to @name', 'on behalf of @org', 'for @org', 'presented by @name', 'as <capacity>', 'remote', 'from the floor',
    'at <time>'
];

/** A speaker line with nothing said: no text after the name and no lines below it. */
export const interventionMustNotBeEmpty: TurnRule = (turn, accept) => {
    if (turn.line.text || turn.paragraphs.length > 0) return;
    const who = turn.unidentified ? 'An unidentified speaker' : turn.speaker ? shortName(turn.speaker) : `'${turn.line.speaker.$refText}'`;
    accept('warning', `${who} takes the floor but says nothing: write what was said after the name or on the lines below.`, {
        node: turn.line,
        range: firstLineRange(turn.line),
        code: IssueCodes.EmptyIntervention,
        data: { code: IssueCodes.EmptyIntervention }
    });
};

/**
 * A paragraph of a turn set apart from the turn by two blank lines or more, as authors set
 * apart their own words after quoting speakers (`icann-ccwg-ig-2016-12-21`): it is read as
 * the speaker's, as written, and the hint asks; the quick fix writes `narration:` above it.
 */
export const narrationMayResume: TurnRule = (turn, accept) => {
    let previous = blockStart(turn.line);
    for (const paragraph of turn.paragraphs) {
        const line = paragraph.kind === 'list' ? firstLineOf(paragraph.items[0]) : paragraph.lines[0];
        const first = blockStart(line);
        if (!first || !previous) return;
        if (blankLinesBetween(previous.source, previous.offset, first.offset) >= 2) {
            const who = turn.speaker ? shortName(turn.speaker) : writtenName(turn.line.speaker.$refText);
            accept('hint', `This paragraph stands apart from ${who}'s turn, after blank lines, and is read as theirs. `
                + 'If the note-taker\'s own words resume here, write narration: above it.', {
                node: line,
                range: firstLineRange(line),
                code: IssueCodes.NarrationAfterTurn,
                data: { code: IssueCodes.NarrationAfterTurn }
            });
            return;
        }
        const last = lastLineOfParagraph(paragraph);
        previous = last && blockStart(last);
    }
};

/**
 * The blank lines between two lines starting at `start` and `after` (a comment line is not
 * blank, as the lexer counts them): the line breaks in the white space that ends the text
 * between, read backwards from `after` rather than by copying the text between (a whole paragraph).
 */
function blankLinesBetween(text: string, start: number, after: number): number {
    let breaks = 0;
    for (let i = after - 1; i >= start && isTrimmedSpace(text[i]); i--) {
        if (text[i] === '\n') breaks++;
    }
    return breaks - 1;
}

function lastLineOfParagraph(paragraph: Paragraph): Line | SpeakerLine | undefined {
    return paragraph.kind === 'list' ? lastLineOf(paragraph.items[paragraph.items.length - 1]) : paragraph.lines[paragraph.lines.length - 1];
}

/**
 * A line that opens with names joined by `/`, `+` or `&` and has neither a colon nor `will` or `to`
 * after them (`@YK/@DD PR`) is prose that mentions them, no one's turn: the hint asks whether they
 * spoke (the quick fix writes the colon of their joint turn) or own an action (`@YK/@DD will …`).
 */
export function jointNamesShouldSayWhat({ line, names, start, end }: JointNames, accept: ValidationAcceptor): void {
    const source = blockStart(line)?.source;
    if (!source) return;
    const written = source.slice(start, end);
    accept('hint', `${written} opens this line with no colon: it is read as prose that mentions ${names.length} people, neither their joint turn `
        + `nor an action they own. If they spoke, write a colon after the names (${written}: …); if they are to do something, write will or to after them.`, {
        node: line,
        range: rangeOfOffsets(line, start, end),
        code: IssueCodes.JointNamesWithoutColon,
        data: { code: IssueCodes.JointNamesWithoutColon }
    });
}

/** Compares qualifier phrases as `qualifiersOf` sees them: references as `@`, spaces collapsed. */
function phraseKey(phrase: string): string {
    return phrase.replace(/@\{[^}]*\}?|@[^\s,;\]]+/g, ' @').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** `[replying to @x]` is understood; `[replyin to @x]` is not, and would be silently dropped from outputs. */
export const qualifiersMustBeKnown: TurnRule = (turn, accept) => {
    if (turn.qualifiers.unknown.length === 0) return;
    const unknown = new Set(turn.qualifiers.unknown.map(phraseKey));
    const written = writtenValue(turn.line.qualifiers);
    if (!written) return;
    for (const item of listItems(written.value)) {
        if (!unknown.has(phraseKey(item.text))) continue;
        accept('warning', `Unknown qualifier '${item.text}'. Known qualifiers: ${KNOWN_QUALIFIERS.join(', ')}.`, {
            node: turn.line,
            range: rangeOfOffsets(turn.line, written.offset + item.start, written.offset + item.end),
            code: IssueCodes.UnknownQualifier,
            data: { code: IssueCodes.UnknownQualifier }
        });
    }
};
