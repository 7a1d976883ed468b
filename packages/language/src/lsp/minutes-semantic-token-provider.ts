import { isCompositeCstNode, isLeafCstNode, type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isAction, isActionUpdate, isCustomField, isHeading, isMention, isOrganisation, isParty, isSpeakerLine, isText,
    type Party, type Text
} from '../generated/ast.js';
import { isJointSpeaker } from '../model/structure.js';

/**
 * The semantic token types Minutes uses, by what they mark. Themes colour these standard
 * types; the extension may map them to more specific scopes.
 */
export const MinutesTokenTypes = {
    /** `@name` at the start of a turn or attendee line (a person). */
    speaker: SemanticTokenTypes.type,
    /** `@name` in running text or a field (a person). */
    mention: SemanticTokenTypes.variable,
    /** An organisation, country or delegation, wherever it is named. */
    organisation: SemanticTokenTypes.namespace,
    date: SemanticTokenTypes.number,
    heading: SemanticTokenTypes.class,
    headingMarker: SemanticTokenTypes.keyword,
    /** A custom header field's label (`Session Format:`), which no keyword token marks. */
    customFieldLabel: SemanticTokenTypes.property,
    actionId: SemanticTokenTypes.enumMember
} as const;

/**
 * Highlights speakers, mentions, organisations (by what a name resolves to, which a
 * TextMate grammar cannot know), handle declarations, action identifiers, headings, and
 * dates inside prose (prose is lexed as long runs, so dates are found by pattern).
 */
export class MinutesSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isParty(node)) {
            acceptor({ node, property: 'name', type: partyType(node, MinutesTokenTypes.mention), modifier: SemanticTokenModifiers.declaration });
        } else if (isSpeakerLine(node)) {
            acceptor({ node, property: 'speaker', type: partyType(node.speaker.ref, MinutesTokenTypes.speaker) });
        } else if (isMention(node)) {
            // The other speakers of a joint turn (`@Ana + @Ben:`) are speakers too.
            const speaking = isJointSpeaker(node);
            acceptor({ node, property: 'party', type: partyType(node.party.ref, speaking ? MinutesTokenTypes.speaker : MinutesTokenTypes.mention) });
        } else if (isAction(node) && node.name) {
            acceptor({ node, property: 'name', type: MinutesTokenTypes.actionId, modifier: SemanticTokenModifiers.declaration });
        } else if (isActionUpdate(node)) {
            acceptor({ node, property: 'action', type: MinutesTokenTypes.actionId });
        } else if (isCustomField(node)) {
            acceptor({ node, property: 'label', type: MinutesTokenTypes.customFieldLabel });
        } else if (isHeading(node)) {
            if (node.level) acceptor({ node, property: 'level', type: MinutesTokenTypes.headingMarker });
            if (node.underline) acceptor({ node, property: 'underline', type: MinutesTokenTypes.headingMarker });
        } else if (isText(node)) {
            this.highlightText(node, acceptor);
        }
    }

    /** A heading's words are the heading; elsewhere, the dates in the prose. */
    private highlightText(text: Text, acceptor: SemanticTokenAcceptor): void {
        const inHeading = isHeading(text.$container);
        const cst = text.$cstNode;
        if (!isCompositeCstNode(cst)) return;
        for (const child of cst.content) {
            if (!isLeafCstNode(child) || child.hidden || child.tokenType.name !== 'PROSE') continue;
            if (inHeading) {
                acceptor({ cst: child, type: MinutesTokenTypes.heading });
                continue;
            }
            const { line, character } = child.range.start;
            for (const date of datesIn(child.text)) {
                acceptor({ line, char: character + date.start, length: date.end - date.start, type: MinutesTokenTypes.date });
            }
        }
    }
}

/** Organisations look alike wherever they are named; people by where they are named. */
function partyType(party: Party | undefined, forPeople: string): string {
    return isOrganisation(party) ? MinutesTokenTypes.organisation : forPeople;
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const DATE_PATTERN = new RegExp([
    // 2018-03-19, 2018-06-12/2018-06-16
    '\\d{4}-\\d{2}-\\d{2}(?:\\s*/\\s*\\d{4}-\\d{2}-\\d{2})?',
    // 8 December 2016, 12-16 June 2017, 16 March
    `${DAY}(?:\\s*[-–]\\s*${DAY})?\\s+${MONTH}\\.?(?:\\s+\\d{4})?`,
    // December 8, 2016
    `${MONTH}\\.?\\s+${DAY}(?:\\s*[-–]\\s*${DAY})?,?\\s+\\d{4}`,
    // 19/03/2018
    '\\d{1,2}/\\d{1,2}/\\d{2,4}'
].map(p => `(?<![\\p{L}\\p{N}])(?:${p})(?![\\p{L}\\p{N}])`).join('|'), 'gu');

/** The dates written in a piece of prose, as offsets into it. */
export function datesIn(text: string): Array<{ start: number; end: number }> {
    const dates: Array<{ start: number; end: number }> = [];
    for (const match of text.matchAll(DATE_PATTERN)) {
        dates.push({ start: match.index, end: match.index + match[0].length });
    }
    return dates;
}
