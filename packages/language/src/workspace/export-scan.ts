import type { AstNodeDescription } from 'langium';
import { Action } from '../generated/ast.js';
import { nameKey } from '../model/names.js';
import { ENTRY_KINDS } from '../model/vocabulary.js';
import { ACTION_PATTERN, HORIZONTAL_SPACE_CLASS } from '../parser/minutes-lexer.js';
import { detached } from '../util/detached-string.js';
import { LineIndex } from '../util/line-index.js';

/**
 * What a file exports, read from its text without parsing it: the identifiers of its
 * actions (`action #id …:` at the start of a line) with where each is written, whether it
 * may declare people or organisations (a line that starts with `person @…`, `org @…`, …),
 * and the identifiers its `update #id` lines name.
 *
 * `minutes check` indexes every file's exports before it links any (a name may be declared
 * in a later file), and with this it can do so without keeping, or parsing twice, the trees
 * of files that declare no party (cli/src/releasing-check.ts). It is a guess, checked: when
 * the file is parsed, `scanMatchesExports` compares it with what the parser's tree exports,
 * and the check starts again keeping every tree if they differ (an `action` line inside a
 * block comment, say). A file that may declare parties is parsed at once, never guessed.
 */
export interface ScannedExports {
    readonly mayDeclareParties: boolean;
    readonly actions: readonly ScannedAction[];
    /** Name keys of the identifiers after `update` (anywhere: more than the parser finds, never fewer). */
    readonly updateKeys: readonly string[];
}

export interface ScannedAction {
    /** Without `#`, as the value converter gives it. */
    readonly name: string;
    /** Where `#id` is written (the name's segment: its ACTION_ID token). */
    readonly offset: number;
    readonly length: number;
    readonly line: number;
    readonly character: number;
}

/** A line that may start a block the scan looks for: `action`, or an entry keyword before `@`. */
const LINE_START = new RegExp(`^${HORIZONTAL_SPACE_CLASS}*(?:(action)|(?:${ENTRY_KINDS.join('|')})(?=[ \\t]+@))`, 'gim');
/** The action's identifier right after the keyword (the lexer's ACTION_ID, trailing `.` and `-` left out). */
const IDENTIFIER = new RegExp(`${HORIZONTAL_SPACE_CLASS}*(#[\\p{L}\\p{N}\\p{M}_][\\p{L}\\p{N}\\p{M}_.-]*)`, 'uy');
/** The word `update`, tried where it must end (see updateBefore). */
const UPDATE_WORD = /update/iy;

export function scanExports(text: string): ScannedExports {
    const actions: ScannedAction[] = [];
    let mayDeclareParties = false;
    // Made at the first action: a file without one needs no line counted.
    let lines: LineIndex | undefined;
    LINE_START.lastIndex = 0;
    for (let match = LINE_START.exec(text); match; match = LINE_START.exec(text)) {
        if (match[1] === undefined) {
            mayDeclareParties = true;
            continue;
        }
        const keyword = match.index + match[0].length - 'action'.length;
        ACTION_PATTERN.lastIndex = keyword;
        if (!ACTION_PATTERN.test(text)) continue;
        IDENTIFIER.lastIndex = keyword + 'action'.length;
        const id = IDENTIFIER.exec(text);
        if (!id) continue;
        let written = id[1];
        while (written.endsWith('.') || written.endsWith('-')) written = written.slice(0, -1);
        const offset = IDENTIFIER.lastIndex - id[1].length;
        const { line, character } = (lines ??= LineIndex.ofText(text)).positionAt(offset);
        // Detached: the index keeps the name to the end of a check, which keeps the file's text only as bytes.
        actions.push({ name: detached(written.slice(1)), offset, length: written.length, line, character });
    }
    const updateKeys = new Set<string>();
    // From each `#` back: a `#` is rare in a text, and `indexOf` finds one far faster than a
    // case-insensitive search finds `update` (4–6 ms instead of 22–28 for the bench's 1,000 files).
    for (let hash = text.indexOf('#'); hash >= 0; hash = text.indexOf('#', hash + 1)) {
        if (!updateBefore(text, hash)) continue;
        IDENTIFIER.lastIndex = hash;
        const id = IDENTIFIER.exec(text);
        if (id) updateKeys.add(nameKey(id[1]));
    }
    return { mayDeclareParties, actions, updateKeys: [...updateKeys] };
}

/**
 * Whether `update`, then spaces or tabs, come right before the `#` at `hash`: where the
 * search `/update[ \t]+(?=#)/gi` finds a match that ends (the word anywhere, in any case).
 */
function updateBefore(text: string, hash: number): boolean {
    let wordEnd = hash;
    while (wordEnd > 0 && (text.charCodeAt(wordEnd - 1) === 0x20 || text.charCodeAt(wordEnd - 1) === 0x09)) wordEnd--;
    if (wordEnd === hash || wordEnd < 'update'.length) return false;
    UPDATE_WORD.lastIndex = wordEnd - 'update'.length;
    return UPDATE_WORD.test(text);
}

/** Whether the descriptions a parsed file exports are those its scan found: the same actions, written at the same places, and nothing else. */
export function scanMatchesExports(scan: ScannedExports, exports: readonly AstNodeDescription[]): boolean {
    if (exports.length !== scan.actions.length) return false;
    return exports.every((description, i) => {
        const scanned = scan.actions[i];
        const segment = description.nameSegment;
        return description.type === Action.$type && description.name === scanned.name && segment !== undefined
            && segment.offset === scanned.offset && segment.length === scanned.length
            && segment.range.start.line === scanned.line && segment.range.start.character === scanned.character
            && segment.range.end.line === scanned.line && segment.range.end.character === scanned.character + scanned.length;
    });
}
