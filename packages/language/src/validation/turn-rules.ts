import type { ValidationAcceptor } from 'langium';
import { shortName } from '../model/directory.js';
import type { Turn } from '../model/structure.js';
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
