import type { ILexingError, IToken, TokenType } from 'chevrotain';
import type { LangiumCoreServices } from 'langium';
import type { Lexer, LexerResult, TokenizeOptions } from 'langium';
import { BULLET_CHARACTERS, isAsciiPunctuation, isRefNameChar, isRefNameStart, isWordChar } from './characters.js';
import { MinutesToken } from './minutes-token.js';
import { TokenNumbersWriter, type TokenNumbers } from './token-numbers.js';
import { officeNamedBy } from '../model/speaker-phrases.js';
import { ENTRY_KINDS, KEYS, keyDefinition, normalisedKey } from '../model/vocabulary.js';

/**
 * The Minutes lexer.
 *
 * Minutes is line-oriented: what a line is (a heading, a field, a speaker's turn, a
 * bullet, plain prose) depends on how the line *starts*. A regex-per-token lexer cannot
 * see that, so this one is a single hand-written pass that knows whether it stands at
 * the start of a line. It also lexes prose as long runs (a whole sentence is usually
 * one token) rather than word by word: that keeps the token stream, the CST and the
 * parse time small, which is what makes large meeting files cheap.
 *
 * Every input produces tokens; the only lexing error is an unterminated block comment.
 */
export class MinutesLexer implements Lexer {
    readonly definition: Record<string, TokenType>;
    private readonly vocabulary: Vocabulary;

    constructor(services: LangiumCoreServices) {
        const built = services.parser.TokenBuilder.buildTokens(services.Grammar, { caseInsensitive: true });
        const tokens = Array.isArray(built) ? built : Object.values(built as Record<string, TokenType>);
        this.definition = {};
        for (const token of tokens) {
            this.definition[token.name] = token;
        }
        this.vocabulary = new Vocabulary(this.definition);
    }

    tokenize(text: string, _options?: TokenizeOptions): LexerResult {
        const window = this.window;
        if (window) {
            this.window = undefined;
            this.lastLineStarts = undefined;
            return window;
        }
        this.lastLineStarts = undefined;
        if (text.length > MAX_DOCUMENT_LENGTH) return tooLarge(text);
        const result = new Scanner(text, this.vocabulary).run();
        this.lastLineStarts = result.lineStarts;
        return result;
    }

    /** The line starts of the text last tokenized whole (none after a window or a text too large). */
    lastLineStarts: LineStarts | undefined;

    /**
     * Lexes `text` from a line start whose lexer state is known (`from`, taken from an earlier
     * lexing of the same text before that point), until a line start where `stopAt` says the
     * rest would lex as before (that line start is not lexed), or to the end.
     */
    tokenizeFrom(text: string, from: LineStartPoint, stopAt: StopAt): WindowLexerResult {
        return new Scanner(text, this.vocabulary, from, stopAt).run();
    }

    /** Makes the next `tokenize` return these tokens: how the parser is given a window of a document. */
    provideNext(result: LexerResult): void {
        this.window = result;
    }

    private window: LexerResult | undefined;

    /** The token types by their index (`tokenTypeIdx`), as TokenTables name them. */
    get typesByIndex(): readonly TokenType[] {
        if (!this.byIndex) {
            this.byIndex = [];
            for (const type of Object.values(this.definition)) this.byIndex[type.tokenTypeIdx!] = type;
        }
        return this.byIndex;
    }

    private byIndex: TokenType[] | undefined;

    /**
     * Each token type's name and index (`tokenTypeIdx`): what a PackingLexer in another thread
     * is made from. Chevrotain numbers the token types when the services' parser is made:
     * lexingTypeIndexes (packed-lexing.ts) makes it first.
     */
    typeIndexes(): TokenTypeIndexes {
        return Object.values(this.definition).map(type => {
            if (type.tokenTypeIdx === undefined) throw new Error(`The token type ${type.name} has no index yet: make the parser first.`);
            return [type.name, type.tokenTypeIdx];
        });
    }
}

/** Token types by name and index, as MinutesLexer.typeIndexes gives them. */
export type TokenTypeIndexes = ReadonlyArray<readonly [string, number]>;

/**
 * A whole text's lexing as numbers (token-numbers.ts), made in another thread: the tokens a
 * MinutesLexer would make of a text of `textLength` characters, as TokenTables keep them.
 */
export interface PackedLexing {
    textLength: number;
    visible: TokenNumbers;
    hidden: TokenNumbers;
}

/**
 * The Minutes lexer for another thread than the parser's: it writes the tokens as numbers,
 * which move between threads without copying, and needs no more of the language than the
 * token types' indexes, so that such a thread loads the lexer alone (`minutes check` lexes
 * ahead of its parsing so: cli/src/read-ahead.ts). The tokens are those of MinutesLexer.tokenize,
 * made by the same scanner.
 */
export class PackingLexer {
    private readonly vocabulary: Vocabulary;

    constructor(typeIndexes: TokenTypeIndexes) {
        const definition: Record<string, TokenType> = {};
        for (const [name, tokenTypeIdx] of typeIndexes) definition[name] = { name, tokenTypeIdx } as TokenType;
        this.vocabulary = new Vocabulary(definition);
    }

    /**
     * The tokens of `text`, or undefined where the parser's own lexing is wanted instead: a text
     * over MAX_DOCUMENT_LENGTH, or one with a lexing error (whose message the parser's lexer gives).
     */
    lex(text: string): PackedLexing | undefined {
        if (text.length > MAX_DOCUMENT_LENGTH) return undefined;
        // About one token every forty characters in the bench's meetings; the table grows if need be.
        const visible = new TokenNumbersWriter(text.length >> 5);
        const hidden = new TokenNumbersWriter(16);
        const result = new Scanner(text, this.vocabulary, undefined, undefined, [visible, hidden]).run();
        if (result.errors.length > 0) return undefined;
        return { textLength: text.length, visible: visible.finish(), hidden: hidden.finish() };
    }
}

/**
 * Where the lexer may start again: a line's first character that is not a space (`offset`),
 * the line's 1-based number and start, and the lexer's state there (see `Place.state`).
 */
export interface LineStartPoint {
    offset: number;
    line: number;
    lineStart: number;
    state: number;
}

/**
 * The line starts a lexing passed, in order: the first non-space character of each line
 * that is not blank or a comment line (`offsets`), and the lexer's state there (`states`).
 * Lexing again from any of them, with that state, gives the same tokens as lexing the
 * whole text: the state of `Place`, and whether a blank line came before, is all a line
 * carries over to the next.
 */
export interface LineStarts {
    offsets: Int32Array;
    states: Int32Array;
}

/** Whether lexing stops at the line start `offset` (state `state`, the line starting at `lineStart`, 1-based number `line`). */
export type StopAt = (offset: number, state: number, lineStart: number, line: number) => boolean;

export interface WindowLexerResult extends LexerResult {
    lineStarts: LineStarts;
    /** Where lexing stopped: the text's length, or the line start `stopAt` accepted. */
    end: number;
}

/**
 * The longest document Minutes reads, in characters (about 10 MB). Parsing, linking and
 * validating take about 70 bytes of memory per character, and generating an output as
 * much again: a 10 MB file peaks at about 3 GB, which is near what Node gives a process by
 * default; at 50 MB the process ran out of memory. See docs/limits.md and bench/pathological.mjs.
 */
export const MAX_DOCUMENT_LENGTH = 10_000_000;

/** `12,000,000`. */
function size(length: number): string {
    return length.toLocaleString('en');
}

/**
 * Why a text too large is not read: `This file has 12,000,000 characters, more than the
 * 10,000,000 (about 10 MB) that Minutes reads, so it is not read at all: split it…`. `what`
 * says how large it is (the CLI refuses files too large for any string by their bytes).
 */
export function tooLargeMessage(what: string): string {
    return `${what}, more than the ${size(MAX_DOCUMENT_LENGTH)} characters (about 10 MB) `
        + 'that Minutes reads, so it is not read at all: split it into several files, one per meeting or per year.';
}

/** A document over the limit is not read at all: no tokens, one error that says why. */
function tooLarge(text: string): LexerResult {
    let firstLine = 0;
    while (firstLine < text.length && firstLine < 200 && !isLineBreak(text[firstLine])) firstLine++;
    return {
        tokens: [],
        hidden: [],
        errors: [{
            offset: 0,
            length: firstLine,
            line: 1,
            column: 1,
            message: tooLargeMessage(`This file has ${size(text.length)} characters`)
        }]
    };
}

/** The token types the scanner emits, looked up once. */
class Vocabulary {
    readonly blank: TokenType;
    readonly newline: TokenType;
    readonly heading: TokenType;
    readonly rule: TokenType;
    readonly underline: TokenType;
    readonly fieldLabel: TokenType;
    readonly bullet: TokenType;
    readonly label: TokenType;
    readonly quote: TokenType;
    readonly speakerRef: TokenType;
    readonly ref: TokenType;
    readonly actionId: TokenType;
    readonly url: TokenType;
    readonly prose: TokenType;
    readonly lineComment: TokenType;
    readonly blockComment: TokenType;
    readonly escape: TokenType;
    readonly colon: TokenType;
    readonly openBracket: TokenType;
    readonly closeBracket: TokenType;
    /** Line-start keys such as `date:`, by their normalised spelling (`next-steps:`). */
    readonly keys = new Map<string, TokenType>();
    /** Directory entry keywords (`person`, `org`, ...), recognised when followed by `@`. */
    readonly entryKinds = new Map<string, TokenType>();
    readonly action: TokenType;
    readonly update: TokenType;

    constructor(definition: Record<string, TokenType>) {
        const get = (name: string): TokenType => {
            const type = definition[name];
            if (!type) throw new Error(`The Minutes grammar has no token '${name}'.`);
            return type;
        };
        this.blank = get('BLANK');
        this.newline = get('NL');
        this.heading = get('HEADING');
        this.rule = get('RULE');
        this.underline = get('UNDERLINE');
        this.fieldLabel = get('FIELD_LABEL');
        this.bullet = get('BULLET');
        this.label = get('LABEL');
        this.quote = get('QUOTE');
        this.speakerRef = get('SPEAKER_REF');
        this.ref = get('REF');
        this.actionId = get('ACTION_ID');
        this.url = get('URL');
        this.prose = get('PROSE');
        this.lineComment = get('SL_COMMENT');
        this.blockComment = get('ML_COMMENT');
        this.escape = get('ESCAPE');
        this.colon = get(':');
        this.openBracket = get('[');
        this.closeBracket = get(']');
        this.action = get('action');
        this.update = get('update');
        // The vocabulary says which keys there are; the grammar has a keyword token for each.
        for (const { key } of KEYS) this.keys.set(key, get(key));
        for (const kind of ENTRY_KINDS) this.entryKinds.set(kind, get(kind));
    }
}

const LABEL_PATTERN = /(?:\d{1,4}(?:\.\d{1,4})*[.)]|\d{1,4}(?:\.\d{1,4})+|[a-z][.)]|[ivxlcdm]{1,8}[.)])(?=[ \t]|$)/my;
/** A number right before a speaker, as summary records print paragraph numbers: `1.1@{The Councillor from Belarus}`. */
const NUMBER_BEFORE_SPEAKER = /(?:\d{1,4}(?:\.\d{1,4})*[.)]|\d{1,4}(?:\.\d{1,4})+)(?=@[{\p{L}\p{N}_])/uy;
/**
 * A custom header field's label: one to four words (a letter first), a colon, then a space and
 * a value on the line. A label with nothing after it stays prose: a field without a value would
 * print nothing, and its label would be lost.
 */
/** The longest label that may name an office, in characters (`Secretary of the meeting`, in bold). */
const MAX_OFFICE_LABEL = 40;
const FIELD_LABEL_PATTERN = /\p{L}[\p{L}\p{N}'’&./-]*(?:[ \t]+[\p{L}\p{N}'’&./-]+){0,3}[ \t]*:(?=[ \t]+[^ \t\r\n])/uy;
const KEY_PATTERN = /([A-Za-z][A-Za-z&-]*(?:[ \t]+[A-Za-z&-]+)?)[ \t]*:/y;
const ENTRY_PATTERN = /([A-Za-z]+)(?=[ \t]+@)/y;
/** `action` at the start of a line, followed by its header up to a colon: the keyword (the rest is prose). */
export const ACTION_PATTERN = /action(?=(?:[ \t]*,|[ \t]+(?:#[\p{L}\p{N}_][\p{L}\p{N}_.-]*|@\{[^}\r\n]*\}|@[\p{L}\p{N}_][\p{L}\p{N}_.-]*|due|by|open|done|dropped|moved|\d{4}-\d{2}-\d{2}))*[ \t]*:)/iuy;
const UPDATE_PATTERN = /update(?=[ \t]+#[\p{L}\p{N}_])/iuy;
/**
 * Where prose may end (see `endOfProse`), one character matched: a line break, `@`, `/*`, `\\`,
 * `]`, and the `h` or `m` of `http` or `mailto` (a URL; `urlEndAt` decides).
 */
const MAY_END_PROSE = /[\n\r@\\\]]|\/(?=\*)|[hH](?=[tT][tT][pP])|[mM](?=[aA][iI][lL][tT][oO])/g;
/** A line break: found natively (`endOfLine`), several times faster than a loop. */
const LINE_BREAK = /[\n\r]/g;
const URL_TRAILING = new Set(['.', ',', ';', ':', '!', '?', '\'', '"', '’', '”', '»']);
const URL_CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

function isHorizontalSpace(c: string | undefined): boolean {
    return c !== undefined && isHorizontalSpaceCode(c.charCodeAt(0));
}

/** The characters of `isHorizontalSpaceCode` as a regular expression's class, for the scans that read a text without lexing it (export-scan.ts). */
export const HORIZONTAL_SPACE_CLASS = '[ \\t\\u00a0\\ufeff\\u3000\\u2000-\\u200a\\u202f\\u205f]';

/** `isHorizontalSpace` of a character code (NaN, past the end of a text: false). */
export function isHorizontalSpaceCode(code: number): boolean {
    if (code === 0x20 || code === 0x09) return true;
    if (code < 0xa0) return false;
    return code === 0xa0 || code === 0xfeff || code === 0x3000 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f;
}

function isLineBreak(c: string): boolean {
    return c === '\n' || c === '\r';
}

/** What may come next on the current line, given what has been emitted on it. */
const enum Expect {
    /** Nothing special: inline tokens only. */
    Inline,
    /** After a line start or a bullet: `@name` is a speaker. */
    Speaker,
    /** After a speaker: `[` opens qualifiers (when `]` closes them on the line), `:` ends the header. */
    AfterSpeaker,
    /** After a speaker's qualifiers: `:` ends the header; another `[` is text. */
    AfterQualifiers,
    /** After `action` or `update`: `#id` is the action's identifier. */
    ActionId
}

class Scanner {
    private pos = 0;
    private line = 1;
    private lineStart = 0;
    private atLineStart = true;
    /** The start of the line whose first character was recorded in the line starts. */
    private recordedLine = -1;
    private readonly lineStartOffsets: number[] = [];
    private readonly lineStartStates: number[] = [];
    private expect = Expect.Speaker;
    private inQualifiers = false;
    /**
     * Whether a blank line (or nothing) comes before the current line: a paragraph starts here,
     * so it may be a setext title or a numbered turn. Part of a line start's state (`LineStarts`).
     */
    private afterBlank = true;
    /** The underline (start and end) of the setext heading whose title is the current line. */
    private underline: [number, number] | undefined;
    /**
     * The current line may hold a roster's list of names: the roster's key line, a line of prose
     * or a bullet that is no speaker's (a group's label, `Présents : @a, @b,`), or a line that
     * goes on with a list. Read at the line's end: see `listGoesOn` and `underBareLabel`.
     */
    private listLine = false;
    /** The current list line starts at the margin. */
    private listLineAtMargin = false;
    /**
     * In an open roster, the line before ends a list line with a separator (`@a, @b,`): the list
     * goes on, so a line of names (`@c, @d`) continues it rather than starting a speaker's line.
     * Part of a line start's state (`LineStarts`).
     */
    private listGoesOn = false;
    /**
     * In an open roster, the line before is a label at the margin with nothing after its colon
     * (`Present:`, `Regrets:`): an indented line of several names under it is its list, as W3C
     * writes attendance. Part of a line start's state (`LineStarts`).
     */
    private underBareLabel = false;
    // What carries from one line to the next is `afterBlank`, `listGoesOn`, `underBareLabel` and
    // `place`, and nothing else: it is a line start's state (`LineStarts`), from which incremental
    // reparsing lexes again. A new field that outlives a line break belongs there too
    // (test/parser/incremental-reparse.test.ts fails otherwise).
    /** Where the current line stands, which decides the keys it may start: see `Place`. */
    private readonly place = new Place();
    private readonly tokens: IToken[] = [];
    private readonly hidden: IToken[] = [];
    private readonly errors: ILexingError[] = [];

    constructor(
        private readonly text: string,
        private readonly vocabulary: Vocabulary,
        from?: LineStartPoint,
        private readonly stopAt?: StopAt,
        /** Where the tokens go as numbers instead (PackingLexer): visible, then hidden. */
        private readonly packing?: [TokenNumbersWriter, TokenNumbersWriter]
    ) {
        if (from) {
            this.pos = from.offset;
            this.line = from.line;
            this.lineStart = from.lineStart;
            this.place.restore(from.state);
            this.afterBlank = (from.state & AFTER_BLANK) !== 0;
            this.listGoesOn = (from.state & LIST_GOES_ON) !== 0;
            this.underBareLabel = (from.state & UNDER_BARE_LABEL) !== 0;
        }
    }

    run(): WindowLexerResult {
        const text = this.text;
        const length = text.length;
        while (this.pos < length) {
            const code = text.charCodeAt(this.pos);
            if (isHorizontalSpaceCode(code)) {
                this.pos++;
                continue;
            }
            const c = text[this.pos];
            if (code === 0x0a || code === 0x0d) {
                if (!this.scanUnderline()) this.scanLineBreak();
                continue;
            }
            if (this.atLineStart && this.recordedLine !== this.lineStart) {
                const state = this.place.state() | (this.afterBlank ? AFTER_BLANK : 0)
                    | (this.listGoesOn ? LIST_GOES_ON : 0) | (this.underBareLabel ? UNDER_BARE_LABEL : 0);
                if (this.stopAt && this.lineStartOffsets.length > 0 && this.stopAt(this.pos, state, this.lineStart, this.line)) {
                    return this.result(this.pos);
                }
                this.recordedLine = this.lineStart;
                this.lineStartOffsets.push(this.pos);
                this.lineStartStates.push(state);
            }
            if (c === '\\' && this.isEscape(this.pos)) {
                this.scanEscape();
                continue;
            }
            if (c === '/' && text[this.pos + 1] === '*') {
                this.scanBlockComment();
                continue;
            }
            if (this.atLineStart) {
                this.atLineStart = false;
                if (this.scanLineStart(c)) continue;
            }
            this.scanInline(c);
        }
        return this.result(length);
    }

    private result(end: number): WindowLexerResult {
        return {
            tokens: this.tokens, hidden: this.hidden, errors: this.errors, end,
            lineStarts: { offsets: Int32Array.from(this.lineStartOffsets), states: Int32Array.from(this.lineStartStates) }
        };
    }

    // ---- Line starts ----------------------------------------------------------

    /** Tries the constructs that only exist at the start of a line. */
    private scanLineStart(c: string): boolean {
        const text = this.text;
        const start = this.pos;
        const v = this.vocabulary;
        const next = text[start + 1];
        const afterAttendance = this.place.leaveAttendance();
        if (c === '/' && next === '/') {
            this.emitHidden(v.lineComment, start, this.endOfLine(start));
            return true;
        }
        const atDocumentStart = this.place.leaveDocumentStart();
        if (c === '#') {
            let end = start;
            while (text[end] === '#' && end - start < 7) end++;
            if (end - start <= 6 && this.spaceOrEnd(end)) {
                this.place.heading();
                this.underline = this.underlineAfter(start);
                this.emit(v.heading, start, end, Expect.Inline);
                return true;
            }
            this.place.prose(start > this.lineStart, true);
            return false;
        }
        if (c === '-' && next === '-' && text[start + 2] === '-') {
            const end = this.endOfLine(start);
            if (/^-{3,}[ \t]*$/.test(text.slice(start, end))) {
                // The first line of a document opens a front matter, as GitHub's pages write their fields.
                if (atDocumentStart) this.place.frontMatter();
                else this.place.body();
                this.emit(v.rule, start, end, Expect.Inline);
                return true;
            }
        }
        if (BULLET_CHARACTERS.has(c) && this.spaceOrEnd(start + 1)) {
            this.place.prose(start > this.lineStart, false);
            // `- Council: @Carol, @Mark,` may go on onto the next line; `- @mshears (ICANN),` is an attendee's line.
            this.markListLine(start, text[skipSpaces(text, start + 1)] !== '@');
            this.emit(v.bullet, start, start + 1, Expect.Speaker);
            return true;
        }
        if (c === '>' && this.spaceOrEnd(start + 1)) {
            this.place.prose(start > this.lineStart, false);
            this.emit(v.quote, start, start + 1, Expect.Inline);
            return true;
        }
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
            // A numbered paragraph may be a turn (`1. @{Mr. Al-Otaibi} said…`), as summary records number
            // them: at the margin, after a blank line. A tight list's items (`next steps:` / `1. @x to
            // circulate…`), an indented list's and an agenda's stay items that mention someone.
            const numberedTurn = start === this.lineStart && this.afterBlank && !this.place.inAgenda();
            LABEL_PATTERN.lastIndex = start;
            NUMBER_BEFORE_SPEAKER.lastIndex = start;
            // `1.1@{The Councillor…}`, with no space, is a number only where it numbers a turn.
            const label = LABEL_PATTERN.exec(text) ?? (numberedTurn ? NUMBER_BEFORE_SPEAKER.exec(text) : null);
            if (label) {
                this.place.prose(start > this.lineStart, false);
                this.emit(v.label, start, start + label[0].length, numberedTurn ? Expect.Speaker : Expect.Inline);
                return true;
            }
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            if (this.scanKeyword(start, afterAttendance)) return true;
        }
        // A setext heading's title: a line of prose standing alone, underlined.
        if (c !== '@' && this.afterBlank) {
            this.underline = this.underlineAfter(start);
            if (this.underline) {
                this.place.heading();
                this.expect = Expect.Inline;
                return false;
            }
        }
        // A header's own field (`Session Format: Round Table`), on an unindented line of a header.
        if (start === this.lineStart && this.place.customFieldsAllowed) {
            FIELD_LABEL_PATTERN.lastIndex = start;
            const label = FIELD_LABEL_PATTERN.exec(text);
            if (label) {
                this.place.customField();
                this.emit(v.fieldLabel, start, start + label[0].length, Expect.Inline);
                return true;
            }
        }
        // After an attendee list, a meeting office's label opens the list of its holders (W3C's `Chair:` / `Scribe:`).
        if (afterAttendance && start === this.lineStart && c !== '@' && this.labelsOffice(start)) this.place.officeList();
        // A speaker's line (`@name`, emitted by the inline scanner as Expect.Speaker says) or prose.
        this.place.prose(start > this.lineStart, c !== '@');
        if (c === '@' && this.continuesList(start)) {
            // A line of names that goes on with a roster's list: its names are mentions, the line prose.
            this.expect = Expect.Inline;
            this.markListLine(start, true);
        } else {
            this.markListLine(start, c !== '@');
        }
        return false;
    }

    /** Records whether the line starting at `start` may hold a roster's list of names (`listLine`). */
    private markListLine(start: number, may: boolean): void {
        this.listLine = may && this.place.inRoster();
        this.listLineAtMargin = start === this.lineStart;
    }

    /**
     * Whether the line starting at `start` is a label that names a meeting office (`Chair:`,
     * `**Scribe:**`, model/speaker-phrases.ts) with nothing after its colon but names.
     */
    private labelsOffice(start: number): boolean {
        const text = this.text;
        const end = this.endOfLine(start);
        const colon = text.indexOf(':', start);
        if (colon < 0 || colon >= end || colon - start > MAX_OFFICE_LABEL) return false;
        let after = colon + 1;
        if (text.startsWith('**', after) || text.startsWith('__', after)) after += 2;
        after = skipSpaces(text, after);
        if (!atLineEnd(text, after) && !namesOnlyLine(text, after, false)) return false;
        return officeNamedBy(text.slice(start, colon).replace(/^(?:\*\*|__)/, '')) !== undefined;
    }

    /**
     * Whether the line starting at `start` with `@` goes on with a roster's list: the list's line
     * before it ends in a separator, or it is indented under a bare label at the margin; and it
     * holds only names and separators (under a bare label, at least two names), so that a speaker's
     * line (`@carol: thanks`, `@mshears (ICANN Board)`) stays one.
     */
    private continuesList(start: number): boolean {
        if (this.afterBlank || !this.place.inRoster()) return false;
        if (this.listGoesOn) return namesOnlyLine(this.text, start, false);
        return this.underBareLabel && start > this.lineStart && namesOnlyLine(this.text, start, true);
    }

    /** Whether `at` is white space, a line break or the end of the text. */
    private spaceOrEnd(at: number): boolean {
        const code = this.text.charCodeAt(at);
        return at >= this.text.length || code === 0x0a || code === 0x0d || isHorizontalSpaceCode(code);
    }

    /** Whether nothing but white space (or a comment) follows `from` on its line. */
    private restOfLineBlank(from: number): boolean {
        const text = this.text;
        let at = from;
        while (at < text.length && isHorizontalSpace(text[at])) at++;
        return at >= text.length || isLineBreak(text[at]) || text.startsWith('//', at) || text.startsWith('/*', at);
    }

    /**
     * The underline on the line after the one `from` is on, if that line is only `===` or
     * `---` (three or more, indented or not): Markdown's setext heading. A `---` there is the
     * heading's, not a break that ends the meeting.
     */
    private underlineAfter(from: number): [number, number] | undefined {
        const text = this.text;
        const lineEnd = this.endOfLine(from);
        if (lineEnd >= text.length) return undefined;
        let start = this.lineBreakEnd(lineEnd);
        while (start < text.length && isHorizontalSpace(text[start])) start++;
        const mark = text[start];
        if (mark !== '=' && mark !== '-') return undefined;
        let end = start;
        while (text[end] === mark) end++;
        if (end - start < 3) return undefined;
        let after = end;
        while (after < text.length && isHorizontalSpace(text[after])) after++;
        return after >= text.length || isLineBreak(text[after]) ? [start, end] : undefined;
    }

    /**
     * The line break under a setext title, which is no block's end, and the underline; false
     * when the current line is no title, or a comment has taken the underline's place.
     */
    private scanUnderline(): boolean {
        const underline = this.underline;
        this.underline = undefined;
        if (!underline || this.underlineAfter(this.pos)?.[0] !== underline[0]) return false;
        const [start, end] = underline;
        this.newLine(this.lineBreakEnd(this.pos));
        this.atLineStart = false;
        this.inQualifiers = false;
        this.listLine = false;
        this.emit(this.vocabulary.underline, start, end, Expect.Inline);
        return true;
    }

    private scanKeyword(start: number, afterAttendance: boolean): boolean {
        const text = this.text;
        const v = this.vocabulary;
        KEY_PATTERN.lastIndex = start;
        const key = KEY_PATTERN.exec(text);
        if (key) {
            const normalised = normalisedKey(key[0]);
            const type = v.keys.get(normalised);
            if (type && this.place.key(normalised, this.restOfLineBlank(start + key[0].length), afterAttendance)) {
                // A roster's key line may hold the first names of its list (`Present: @a, @b,`), or only open it.
                this.markListLine(start, keyDefinition(normalised)?.kind === 'roster');
                this.emit(type, start, start + key[0].length, Expect.Inline);
                return true;
            }
        }
        ENTRY_PATTERN.lastIndex = start;
        const entry = ENTRY_PATTERN.exec(text);
        if (entry) {
            const type = v.entryKinds.get(entry[1].toLowerCase());
            if (type) {
                this.place.entry();
                this.emit(type, start, start + entry[1].length, Expect.Inline);
                return true;
            }
        }
        const first = text.charCodeAt(start) | 0x20;
        ACTION_PATTERN.lastIndex = start;
        if (first === 0x61 /* a */ && ACTION_PATTERN.test(text)) {
            this.place.body();
            this.emit(v.action, start, start + 'action'.length, Expect.ActionId);
            return true;
        }
        UPDATE_PATTERN.lastIndex = start;
        if (first === 0x75 /* u */ && UPDATE_PATTERN.test(text)) {
            this.place.body();
            this.emit(v.update, start, start + 'update'.length, Expect.ActionId);
            return true;
        }
        return false;
    }

    // ---- Escapes --------------------------------------------------------------

    /**
     * `\` before ASCII punctuation makes that character plain text anywhere; at the start
     * of a line it does so before any character, so that `\1. x` or `\date: x` is prose.
     * This is how text that would read as syntax is written as prose (`minutes import`).
     */
    private isEscape(at: number): boolean {
        const next = this.text[at + 1];
        if (next === undefined) return false;
        if (isAsciiPunctuation(next)) return true;
        return this.atLineStart && !isHorizontalSpace(next) && !isLineBreak(next);
    }

    /** The backslash is hidden; the escaped character starts a run of prose. */
    private scanEscape(): void {
        const start = this.pos;
        if (this.atLineStart) {
            this.place.leaveAttendance();
            this.place.leaveDocumentStart();
            this.place.prose(start > this.lineStart, true);
        }
        this.atLineStart = false;
        this.emitHidden(this.vocabulary.escape, start, start + 1);
        this.emit(this.vocabulary.prose, start + 1, this.endOfProse(start + 1), Expect.Inline);
    }

    // ---- Inline ---------------------------------------------------------------

    private scanInline(c: string): void {
        const text = this.text;
        const start = this.pos;
        const v = this.vocabulary;
        const expect = this.expect;
        if (c === '@' && expect === Expect.Speaker && text[start + 1] === '?') {
            // `@?`: an unidentified speaker.
            this.emit(v.speakerRef, start, start + 2, Expect.AfterSpeaker);
            return;
        }
        if (c === '@' && this.isRefStart(start)) {
            const end = this.endOfRef(start);
            // `@DE/@AWB will …`: names joined with no colon after them are no one's turn (an attendee's line in a roster stays one).
            if (expect === Expect.Speaker && !(jointNamesWithoutColon(text, start) && !this.place.inRoster())) {
                this.emit(v.speakerRef, start, end, Expect.AfterSpeaker);
            } else {
                this.emit(v.ref, start, end, Expect.Inline);
            }
            return;
        }
        if (expect === Expect.AfterSpeaker || expect === Expect.AfterQualifiers) {
            if (c === '[' && expect === Expect.AfterSpeaker && this.closesOnLine(start + 1, ']')) {
                this.inQualifiers = true;
                this.emit(v.openBracket, start, start + 1, Expect.Inline);
                return;
            }
            if (c === ':') {
                this.emit(v.colon, start, start + 1, Expect.Inline);
                return;
            }
        }
        if (this.inQualifiers && c === ']') {
            this.inQualifiers = false;
            this.emit(v.closeBracket, start, start + 1, Expect.AfterQualifiers);
            return;
        }
        if (expect === Expect.ActionId && c === '#' && isRefNameStart(text.codePointAt(start + 1))) {
            let end = start + 1;
            while (end < text.length && isRefNameChar(text.codePointAt(end))) end += codePointLength(text, end);
            end = trimTrailing(text, start + 1, end, '.-');
            this.emit(v.actionId, start, end, Expect.Inline);
            return;
        }
        const urlEnd = this.urlEndAt(start);
        if (urlEnd > start) {
            this.emit(v.url, start, urlEnd, Expect.Inline);
            return;
        }
        this.emit(v.prose, start, this.endOfProse(start), Expect.Inline);
    }

    /** Whether `closer` comes before the end of the line: a `[` that nothing closes is text, not qualifiers. */
    private closesOnLine(from: number, closer: string): boolean {
        const text = this.text;
        for (let i = from; i < text.length && !isLineBreak(text[i]); i++) {
            if (text[i] === closer) return true;
        }
        return false;
    }

    /**
     * `@` starts a reference unless it is inside a word, as in an e-mail address, or doubled:
     * `@@species` is JavaScript's notation for a well-known symbol, in TC39's minutes.
     */
    private isRefStart(at: number): boolean {
        const text = this.text;
        const next = text[at + 1];
        if (at > 0 && text[at - 1] === '@') return false;
        if (next === '{') return true;
        if (!isRefNameStart(text.codePointAt(at + 1))) return false;
        return at === 0 || !isWordChar(previousCodePoint(text, at));
    }

    private endOfRef(start: number): number {
        return refEnd(this.text, start);
    }

    /** The end of a URL starting here, or `at` when no URL starts here. */
    private urlEndAt(at: number): number {
        return urlEndAt(this.text, at);
    }

    /** Prose runs to the end of the line, stopping before a reference, a URL or a comment. */
    private endOfProse(start: number): number {
        const text = this.text;
        let end = text.length;
        // The regular expression skips what cannot end prose natively, several times faster than a loop.
        for (let at = start + 1; at < text.length; at++) {
            MAY_END_PROSE.lastIndex = at;
            if (!MAY_END_PROSE.test(text)) break;
            at = MAY_END_PROSE.lastIndex - 1;
            const c = text[at];
            if (isLineBreak(c)
                || (c === '@' && this.isRefStart(at))
                || c === '/'
                || (c === '\\' && isAsciiPunctuation(text[at + 1]))
                || (c === ']' && this.inQualifiers)
                || ((c === 'h' || c === 'H' || c === 'm' || c === 'M') && this.urlEndAt(at) > at)) {
                end = at;
                break;
            }
        }
        while (end > start + 1 && isHorizontalSpaceCode(text.charCodeAt(end - 1))) end--;
        return end;
    }

    // ---- Line breaks and comments ---------------------------------------------

    /**
     * One separator token per run of line breaks: BLANK when the run contains a blank
     * line, NL otherwise. Comment lines inside the run are hidden tokens and do not
     * make it blank, so commenting out a line never splits a paragraph.
     */
    private scanLineBreak(): void {
        const text = this.text;
        const v = this.vocabulary;
        const first = this.pos;
        const firstEnd = this.lineBreakEnd(first);
        let blank = false;
        const comments: Array<[number, number]> = [];
        let at = firstEnd;
        for (;;) {
            let lineContent = at;
            while (isHorizontalSpaceCode(text.charCodeAt(lineContent))) lineContent++;
            if (lineContent >= text.length) {
                at = lineContent;
                break;
            }
            if (isLineBreak(text[lineContent])) {
                blank = true;
                at = this.lineBreakEnd(lineContent);
                continue;
            }
            if (text[lineContent] === '/' && text[lineContent + 1] === '*') {
                // A block comment that is all there is on its lines counts as comment lines.
                const close = text.indexOf('*/', lineContent + 2);
                const end = close < 0 ? text.length : close + 2;
                let after = end;
                while (after < text.length && isHorizontalSpace(text[after])) after++;
                if (after < text.length && !isLineBreak(text[after])) {
                    at = lineContent;
                    break;
                }
                comments.push([lineContent, end]);
                if (after >= text.length) {
                    at = after;
                    break;
                }
                at = this.lineBreakEnd(after);
                continue;
            }
            if (text[lineContent] === '/' && text[lineContent + 1] === '/') {
                const end = this.endOfLine(lineContent);
                comments.push([lineContent, end]);
                if (end >= text.length) {
                    at = end;
                    break;
                }
                at = this.lineBreakEnd(end);
                continue;
            }
            at = lineContent;
            break;
        }
        // What the line just ended says of the next: a list that goes on, or a bare label over its names.
        const listLine = this.listLine && !blank;
        this.listGoesOn = listLine && endsWithSeparator(text, this.lineStart, first);
        this.underBareLabel = listLine && this.listLineAtMargin && endsWithBareLabel(text, this.lineStart, first);
        this.listLine = false;
        if (blank) this.place.blankLine();
        this.afterBlank = blank;
        this.emit(blank ? v.blank : v.newline, first, firstEnd, Expect.Speaker);
        this.newLine(firstEnd);
        for (const [start, end] of comments) {
            this.advanceLinesTo(start);
            if (text[start + 1] === '*') {
                if (!text.startsWith('*/', end - 2) || end - start < 4) this.reportUnclosedComment(start, end);
                this.emitHidden(v.blockComment, start, end);
            } else {
                this.emitHidden(v.lineComment, start, end);
            }
        }
        this.advanceLinesTo(at);
        this.pos = at;
        this.atLineStart = true;
        this.expect = Expect.Speaker;
        this.inQualifiers = false;
    }

    private scanBlockComment(): void {
        const text = this.text;
        const start = this.pos;
        const close = text.indexOf('*/', start + 2);
        const end = close < 0 ? text.length : close + 2;
        if (close < 0) this.reportUnclosedComment(start, end);
        this.emitHidden(this.vocabulary.blockComment, start, end);
    }

    private reportUnclosedComment(start: number, end: number): void {
        // Langium draws a lexing error on the line where it starts (line, column, length), so
        // a length running past that line would put the diagnostic outside the document.
        this.errors.push({
            offset: start,
            length: Math.min(end, this.endOfLine(start)) - start,
            line: this.line,
            column: start - this.lineStart + 1,
            message: 'This comment is not closed: add */ where it should end.'
        });
    }

    private lineBreakEnd(at: number): number {
        return this.text[at] === '\r' && this.text[at + 1] === '\n' ? at + 2 : at + 1;
    }

    private endOfLine(from: number): number {
        LINE_BREAK.lastIndex = from;
        return LINE_BREAK.test(this.text) ? LINE_BREAK.lastIndex - 1 : this.text.length;
    }

    /** Moves line bookkeeping forward over any line breaks between pos and `to`. */
    private advanceLinesTo(to: number): void {
        const text = this.text;
        let i = Math.max(this.pos, this.lineStart);
        while (i < to) {
            const c = text[i];
            if (isLineBreak(c)) {
                i = this.lineBreakEnd(i);
                this.newLine(i);
            } else {
                i++;
            }
        }
        this.pos = Math.max(this.pos, to);
    }

    private newLine(startOfNextLine: number): void {
        this.line++;
        this.lineStart = startOfNextLine;
        this.pos = startOfNextLine;
    }

    // ---- Token construction ---------------------------------------------------

    private emit(type: TokenType, start: number, end: number, expectNext: Expect): void {
        if (this.packing) this.pack(this.packing[0], type, start, end);
        else this.tokens.push(this.token(type, start, end));
        this.pos = end;
        this.expect = expectNext;
    }

    private emitHidden(type: TokenType, start: number, end: number): void {
        if (this.packing) this.pack(this.packing[1], type, start, end);
        else this.hidden.push(this.token(type, start, end));
        // Block comments may span lines: keep line bookkeeping right.
        const text = this.text;
        for (let i = start; i < end; i++) {
            const c = text[i];
            if (isLineBreak(c)) {
                const next = this.lineBreakEnd(i);
                this.line++;
                this.lineStart = next;
                i = next - 1;
            }
        }
        this.pos = end;
    }

    private token(type: TokenType, start: number, end: number): IToken {
        this.findEnd(type, start, end);
        // A class of its own, not chevrotain's createTokenInstance: see MinutesToken.
        return new MinutesToken(type, this.text.slice(start, end), start, end - 1, this.line, this.endLine, start - this.lineStart + 1, this.endColumn);
    }

    /** The token as numbers, as TokenTable keeps them (token-numbers.ts). */
    private pack(into: TokenNumbersWriter, type: TokenType, start: number, end: number): void {
        this.findEnd(type, start, end);
        into.add(start, end - start, type.tokenTypeIdx!, this.line, start - this.lineStart + 1, this.endLine, this.endColumn);
    }

    /** The line and column, 1-based, of the last character of the token findEnd was last given. */
    private endLine = 0;
    private endColumn = 0;

    /**
     * Where a token ends (`endLine`, `endColumn`): fields rather than a returned pair, which
     * would be an object a token. Only a block comment can span lines: its end is counted
     * here; every other token ends on the line it starts on, and its text is not rescanned.
     */
    private findEnd(type: TokenType, start: number, end: number): void {
        const text = this.text;
        let endLine = this.line;
        let endLineStart = this.lineStart;
        const multiLine = type === this.vocabulary.blockComment;
        for (let i = start; multiLine && i < end - 1; i++) {
            const c = text[i];
            if (isLineBreak(c)) {
                const next = this.lineBreakEnd(i);
                if (next >= end) break;
                endLine++;
                endLineStart = next;
                i = next - 1;
            }
        }
        this.endLine = endLine;
        this.endColumn = end - endLineStart;
    }
}

/**
 * Where keys are keys (docs/language.md). A header field (`date:`, `room:`, `recording:` …)
 * is shown in the outputs' header, away from where it is written, so it is read as a key
 * only in a header: from the start of the document or a `meeting:` line up to the body,
 * which starts at the first turn, outcome, action, segment, `---` or line of prose that
 * does not belong to a list or text field of the header. Anywhere else the line is prose,
 * word for word. A directory entry's field keys (`role:`, `note:` …) are keys only in the
 * entry they follow. Every other key is read where it is written and shown there. A label the
 * vocabulary lacks (`Session Format:`) starts a custom field while a `meeting:` line's header
 * holds only fields: shown with them, it passes no heading, list or text that outputs show in place.
 */
class Place {
    /** Before the body of the current meeting (or of the document). */
    private header = true;
    /**
     * In a meeting's header (after its `meeting:` line) that holds only fields so far, comments
     * and blank lines aside. Not at the start of a document: a first line such as `We set the
     * date: 5 May` is prose.
     */
    private fieldsOnly = false;
    /** What the last key opened: its lines do not start the body. */
    private open: Opened = 'nothing';
    /** The open list is an agenda: its numbered lines are items, never turns. */
    private agenda = false;
    /** The open list is a roster (`attendees:` …): its lines of names may wrap (`Scanner.listGoesOn`). */
    private roster = false;
    /**
     * The blank lines before the current line end a roster's list: a label that names a meeting office
     * here (`Chair:` over `@{Dan Connolly}`, as W3C lists them after `Regrets:`) lists its holders.
     */
    private afterAttendance = false;
    /** No line has been read yet but blank lines and comments: a `---` here opens a front matter. */
    private atDocumentStart = true;

    inAgenda(): boolean {
        return this.open === 'list' && this.agenda;
    }

    inRoster(): boolean {
        return this.open === 'list' && this.roster;
    }

    /** The state as a small integer, for line starts (`LineStarts`). */
    state(): number {
        return (this.header ? 1 : 0) | (OPENED.indexOf(this.open) << 1) | (this.agenda ? 1 << 4 : 0) | (this.fieldsOnly ? FIELDS_ONLY : 0)
            | (this.roster ? ROSTER : 0) | (this.afterAttendance ? AFTER_ATTENDANCE : 0) | (this.atDocumentStart ? AT_DOCUMENT_START : 0);
    }

    restore(state: number): void {
        this.atDocumentStart = (state & AT_DOCUMENT_START) !== 0;
        this.header = (state & 1) === 1;
        this.open = OPENED[(state >> 1) & 7];
        this.agenda = (state & (1 << 4)) !== 0;
        this.fieldsOnly = (state & FIELDS_ONLY) !== 0;
        this.roster = (state & ROSTER) !== 0;
        this.afterAttendance = (state & AFTER_ATTENDANCE) !== 0;
    }

    /** Whether the blank lines before the current line end a roster's list; the line is read, so it no longer does. */
    leaveAttendance(): boolean {
        const after = this.afterAttendance;
        this.afterAttendance = false;
        return after;
    }

    /** An office's label after an attendee list (`Chair:`): the list of its holders, read as a roster's is. */
    officeList(): void {
        this.open = 'list';
        this.agenda = false;
        this.roster = true;
    }

    /**
     * Whether a line may start with `key` (normalised) here; if so, the key is taken. `bare`: nothing
     * follows the key on its line, so a field that may be a list (`organisers:`) opens one.
     * `afterAttendance`: blank lines before the line end a roster's list (`leaveAttendance`).
     */
    key(key: string, bare = false, afterAttendance = false): boolean {
        const definition = keyDefinition(key);
        switch (definition?.kind) {
            case 'entry':
                return this.open === 'entry';
            case 'field':
                if (definition.id === 'meeting') {
                    this.header = true;
                    this.fieldsOnly = true;
                    this.open = 'nothing';
                    return true;
                }
                if (!definition.inPlace) {
                    if (!this.header) return false;
                    // `Chair:` alone on its line after an attendee list labels the list of the office's holders, where written.
                    if (bare && definition.office && (afterAttendance || this.inRoster())) return false;
                    this.open = definition.listed && bare ? 'list' : 'field';
                    this.agenda = false;
                    this.roster = false;
                    return true;
                }
                // Narration is the body's, wherever it is written.
                if (definition.narration) {
                    this.body();
                    return true;
                }
                this.open = definition.body ? 'text' : 'nothing';
                this.fieldsOnly = false;
                return true;
            case 'roster':
            case 'agenda':
                this.open = 'list';
                this.agenda = definition.kind === 'agenda';
                this.roster = definition.kind === 'roster';
                this.fieldsOnly = false;
                return true;
            default:
                this.body();
                return true;
        }
    }

    /** Whether a label the vocabulary lacks starts a field here: in a header of fields only. */
    get customFieldsAllowed(): boolean {
        return this.header && this.fieldsOnly;
    }

    /** A custom field (`Session Format: …`): a field of the header, continued by indented lines. */
    customField(): void {
        this.open = 'field';
    }

    entry(): void {
        this.open = 'entry';
    }

    /** A heading closes what was open, but does not start the body: a title may come before the fields. */
    heading(): void {
        this.open = 'nothing';
        this.fieldsOnly = false;
    }

    /** Whether no line came before the current one but blank lines and comments; the line is read, so now one has. */
    leaveDocumentStart(): boolean {
        const atStart = this.atDocumentStart;
        this.atDocumentStart = false;
        return atStart;
    }

    /**
     * A `---` on a document's first line (`leaveDocumentStart`) opens a front matter: a header of
     * fields as GitHub's pages write theirs (`date:`, `title:` …), up to the next `---`.
     */
    frontMatter(): void {
        this.header = true;
        this.fieldsOnly = true;
        this.open = 'nothing';
    }

    /**
     * A line of prose, a list item or a speaker's line: the body starts, unless the line is
     * the open list's or text field's, or an indented line that continues a header field.
     */
    prose(indented: boolean, plain: boolean): void {
        if (this.open === 'list' || this.open === 'text') return;
        if (this.open === 'field' && indented && plain) return;
        this.body();
    }

    body(): void {
        this.header = false;
        this.fieldsOnly = false;
        this.open = 'nothing';
    }

    blankLine(): void {
        this.afterAttendance = this.inRoster();
        if (this.open === 'list') this.open = 'nothing';
    }
}

type Opened = 'nothing' | 'field' | 'list' | 'text' | 'entry';
/** In a line start's state (`LineStarts`), beside `Place.state`: a blank line, or nothing, comes before the line. */
const AFTER_BLANK = 1 << 5;
/** In `Place.state`: a `meeting:` line's header that holds only fields so far (custom fields may follow). */
const FIELDS_ONLY = 1 << 6;
/** In `Place.state`: the open list is a roster. */
const ROSTER = 1 << 7;
/** In a line start's state, beside `Place.state`: a roster's list goes on from the line before (`Scanner.listGoesOn`). */
const LIST_GOES_ON = 1 << 8;
/** In a line start's state, beside `Place.state`: the line before is a roster's bare label (`Scanner.underBareLabel`). */
const UNDER_BARE_LABEL = 1 << 9;
/** In `Place.state`: blank lines before the line end a roster's list (`Place.afterAttendance`). */
const AFTER_ATTENDANCE = 1 << 10;
/** In `Place.state`: no line read yet (`Place.atDocumentStart`). */
const AT_DOCUMENT_START = 1 << 11;
/** The lexer's state at the start of a document: in a header, nothing open, nothing before. */
export const INITIAL_STATE = 1 | AFTER_BLANK | AT_DOCUMENT_START;
const OPENED: readonly Opened[] = ['nothing', 'field', 'list', 'text', 'entry'];

/** The end of a URL starting at `at` in `text`, or `at` when no URL starts there. */
export function urlEndAt(text: string, at: number): number {
    const c = text[at];
    if (c !== 'h' && c !== 'H' && c !== 'm' && c !== 'M') return at;
    // `http`/`mailto`: the second letter rules out most words before anything is sliced.
    const second = text.charCodeAt(at + 1) | 0x20;
    if (second !== 0x74 /* t */ && second !== 0x61 /* a */) return at;
    const head = text.slice(at, at + 8).toLowerCase();
    let bodyStart: number;
    if (head.startsWith('https://')) bodyStart = at + 8;
    else if (head.startsWith('http://')) bodyStart = at + 7;
    else if (head.startsWith('mailto:')) bodyStart = at + 7;
    else return at;
    let end = bodyStart;
    while (end < text.length) {
        const ch = text[end];
        if (isHorizontalSpace(ch) || isLineBreak(ch) || ch === '<' || ch === '>' || ch === '"' || ch === ' ') break;
        end++;
    }
    // Sentence punctuation and unbalanced closing brackets are not part of the URL.
    // Brackets are counted once, so that a URL followed by many `)` stays linear.
    let brackets: Map<string, number> | undefined;
    while (end > bodyStart) {
        const last = text[end - 1];
        if (URL_TRAILING.has(last)) {
            end--;
            continue;
        }
        const opener = URL_CLOSERS[last];
        if (opener) {
            brackets ??= countBrackets(text, at, end);
            const closes = brackets.get(last) ?? 0;
            if (closes > (brackets.get(opener) ?? 0)) {
                brackets.set(last, closes - 1);
                end--;
                continue;
            }
        }
        break;
    }
    return end > bodyStart ? end : at;
}

function countBrackets(text: string, from: number, to: number): Map<string, number> {
    const counts = new Map<string, number>();
    for (let i = from; i < to; i++) {
        const c = text[i];
        if (c === '(' || c === ')' || c === '[' || c === ']' || c === '{' || c === '}') counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    return counts;
}

function previousCodePoint(text: string, at: number): number | undefined {
    const code = text.charCodeAt(at - 1);
    if (code >= 0xdc00 && code <= 0xdfff && at >= 2) {
        return text.codePointAt(at - 2);
    }
    return code;
}

function codePointLength(text: string, at: number): number {
    const code = text.codePointAt(at);
    return code !== undefined && code > 0xffff ? 2 : 1;
}

function trimTrailing(text: string, min: number, end: number, chars: string): number {
    while (end > min && chars.includes(text[end - 1])) end--;
    return end;
}

/**
 * Whether the line from `from` (an `@`) holds only a list of names: names (`@carol`,
 * `@{Eric Holk}`), each followed by notes in parentheses or square brackets that close on the
 * line (`@mjs[last_10_minutes]`, `@alice (W3C)`), separated by `,`, `;`, `&` or `and`, perhaps
 * ending in a separator (the list goes on). `severalNames`: at least two names. What reads the
 * list (model/structure.ts, `oneLineList`) decides what it is; this only keeps a speaker's line
 * (`@carol: thanks`, `@mshears (ICANN Board) said`) one.
 */
export function namesOnlyLine(text: string, from: number, severalNames: boolean): boolean {
    let at = from;
    let names = 0;
    for (;;) {
        // A name.
        if (text[at] !== '@' || (!isRefNameStart(text.codePointAt(at + 1)) && text[at + 1] !== '{')) return false;
        at = refEnd(text, at);
        names++;
        // Its notes.
        for (;;) {
            const noteStart = skipSpaces(text, at);
            const open = text[noteStart];
            if (open !== '(' && open !== '[') break;
            const end = noteEnd(text, noteStart);
            if (end < 0) return false;
            at = end;
        }
        at = skipSpaces(text, at);
        if (atLineEnd(text, at)) return !severalNames || names > 1;
        // A separator, perhaps `, and`.
        const separator = separatorEnd(text, at);
        if (separator === at) return false;
        at = skipSpaces(text, separator);
        if (text[separator - 1] === ',' || text[separator - 1] === ';') {
            const joiner = separatorEnd(text, at);
            if (joiner > at && text[at] !== ',' && text[at] !== ';') at = skipSpaces(text, joiner);
        }
        if (atLineEnd(text, at)) return !severalNames || names > 1;
    }
}

/**
 * Whether the line from `from` (an `@`) opens with two or more names joined by `/`, `+` or `&`
 * (`@DE/@AWB`, `@Ana + @Ben`) and goes on with no colon or qualifiers after them: not the joint turn a
 * colon would make (`@YK/@DD: PR`), but a sentence about them (`@DE/@AWB will make minor changes`).
 */
export function jointNamesWithoutColon(text: string, from: number): boolean {
    let at = refEnd(text, from);
    let names = 1;
    for (;;) {
        const joiner = skipSpaces(text, at);
        const c = text[joiner];
        if (c !== '/' && c !== '+' && c !== '&') break;
        const next = skipSpaces(text, joiner + 1);
        if (text[next] !== '@' || (!isRefNameStart(text.codePointAt(next + 1)) && text[next + 1] !== '{')) return false;
        at = refEnd(text, next);
        names++;
    }
    if (names < 2) return false;
    const after = skipSpaces(text, at);
    return text[after] !== ':' && text[after] !== '[' && !atLineEnd(text, after);
}

/** The end of the `@name` or `@{name}` at `at`: a name does not end in '.' or '-' ("met @Joanna." ends a sentence). */
function refEnd(text: string, at: number): number {
    if (text[at + 1] === '{') {
        let end = at + 2;
        while (end < text.length && text[end] !== '}' && !isLineBreak(text[end])) end++;
        return text[end] === '}' ? end + 1 : end;
    }
    let end = at + 1;
    while (end < text.length && isRefNameChar(text.codePointAt(end))) end += codePointLength(text, end);
    return trimTrailing(text, at + 1, end, '.-');
}

/** The end of the note (`(…)`, `[…]`, nested) opening at `at`, or -1 when it does not close on its line. */
function noteEnd(text: string, at: number): number {
    let depth = 0;
    for (let i = at; i < text.length && !isLineBreak(text[i]); i++) {
        const c = text[i];
        if (c === '(' || c === '[') depth++;
        else if ((c === ')' || c === ']') && --depth === 0) return i + 1;
    }
    return -1;
}

/** The end of a separator of a list of names at `at` (`,`, `;`, `&`, `and`), or `at` when there is none. */
function separatorEnd(text: string, at: number): number {
    const c = text[at];
    if (c === ',' || c === ';' || c === '&') return at + 1;
    if ((text.charCodeAt(at) | 0x20) === 0x61 && text.slice(at, at + 3).toLowerCase() === 'and' && !isRefNameChar(text.codePointAt(at + 3))) return at + 3;
    return at;
}

function skipSpaces(text: string, from: number): number {
    let at = from;
    while (isHorizontalSpaceCode(text.charCodeAt(at))) at++;
    return at;
}

function atLineEnd(text: string, at: number): boolean {
    return at >= text.length || isLineBreak(text[at]);
}

/** The last character before `end` that is not a space, from `lineStart` on; -1 when there is none. */
function lastVisible(text: string, lineStart: number, end: number): number {
    let at = end - 1;
    while (at >= lineStart && isHorizontalSpaceCode(text.charCodeAt(at))) at--;
    return at;
}

/** Whether the line `text[lineStart..end]` ends in a separator of a list of names: `,`, `;`, `&` or the word `and`. */
function endsWithSeparator(text: string, lineStart: number, end: number): boolean {
    const last = lastVisible(text, lineStart, end);
    if (last < lineStart) return false;
    const c = text[last];
    if (c === ',' || c === ';' || c === '&') return true;
    return last - 2 >= lineStart && text.slice(last - 2, last + 1).toLowerCase() === 'and'
        && (last - 3 < lineStart || isHorizontalSpaceCode(text.charCodeAt(last - 3)));
}

/** Whether the line `text[lineStart..end]` ends in a label's colon, plain or in bold (`Present:`, `**Remote attendees:**`). */
function endsWithBareLabel(text: string, lineStart: number, end: number): boolean {
    let last = lastVisible(text, lineStart, end);
    if (last - 1 >= lineStart && (text.startsWith('**', last - 1) || text.startsWith('__', last - 1))) last -= 2;
    return last >= lineStart && text[last] === ':';
}
