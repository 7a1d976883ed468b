import type { AstNode, CstNode, LangiumParser, ParseResult } from 'langium';
import type { Block, Document } from '../generated/ast.js';
import { isPartyNode } from '../model/directory.js';
import { INITIAL_STATE, MAX_DOCUMENT_LENGTH, type LineStartPoint, type LineStarts, type MinutesLexer } from './minutes-lexer.js';
import { ObjectFacts } from '../util/object-facts.js';

/**
 * Parses an edited document again by re-lexing and re-parsing only the lines around the
 * edit, keeping the syntax tree (AST and CST) of every other block (docs/performance.md,
 * "Incremental reparsing").
 *
 * Every block is one line (a directory entry, its line and its field lines), and what
 * the lexer carries from one line to the next is a small state (`Place`), recorded at
 * each line start (`LineStarts`). So the window to parse again is:
 *
 * - from the start of the block before the last block that starts at least two characters
 *   before the edit (else from the document's start). Lexing a line reads the next line
 *   (to tell a setext heading's underline), and a line break run the first two characters
 *   of the line after it (to tell a blank line or a comment line): so lexing the text
 *   before that block read nothing the edit changed, and the block itself may have become
 *   a setext heading's title. When the block before it is a directory entry, from that
 *   entry: the block may have become one of its fields (`role: …`).
 * - to the first line start past the edit whose line, and the line break before it, the
 *   edit did not touch (so its columns are as before), whose lexer state
 *   is the state the previous lexing had there, on a block's first token: from there on
 *   the lexer sees the same text in the same state, and the parser starts a block there,
 *   as before. Without such a line, to the end of the document.
 *
 * The blocks after the window keep their nodes; their CST positions are shifted by the
 * characters and lines the edit added. Whenever it cannot show the result equals a full
 * parse (the previous parse had an error, the window has one, the tree is not shaped as
 * expected) it returns undefined and the caller parses
 * the whole text. Both paths are counted (`counts`), so tests can tell which one ran.
 */
export class IncrementalReparser {
    /** How often each path ran, and why the last full parse was needed. */
    readonly counts = { incremental: 0, full: 0, lastFullParseReason: '' };

    constructor(private readonly lexer: MinutesLexer, private readonly parser: LangiumParser) {}

    /** The parse of `text`, reusing `previous` outside the edited lines; undefined when a full parse is needed. */
    reparse(previous: ParseResult<AstNode>, text: string): ParseResult<Document> | undefined {
        let reason: string;
        try {
            const result = this.tryReparse(previous, text);
            if (typeof result !== 'string') {
                this.counts.incremental++;
                return result;
            }
            reason = result;
        } catch (error) {
            reason = `internal error: ${error instanceof Error ? error.message : String(error)}`;
        }
        this.counts.full++;
        this.counts.lastFullParseReason = reason;
        return undefined;
    }

    /** The new parse result, or why there is none. */
    private tryReparse(previous: ParseResult<AstNode>, text: string): ParseResult<Document> | string {
        const document = previous.value as Document;
        const root = document.$cstNode as RootCstNode | undefined;
        if (document.$type !== 'Document' || !root || root.root !== root) return 'no syntax tree to reuse';
        if (previous.lexerErrors.length > 0 || previous.parserErrors.length > 0) return 'the previous parse had errors';
        const lineStarts = lineStartsOf(document);
        if (!lineStarts) return 'no line starts recorded';
        if (text.length > MAX_DOCUMENT_LENGTH) return 'text too large';
        const oldText = root.fullText;
        const edit = changedRange(oldText, text);
        const blocks = document.blocks;

        // The window's first block, and the line start it is lexed again from (the document's start for an edit in its first block).
        let first = lastIndexWhere(blocks.length, i => offsetOf(blocks[i]) + 2 <= edit.start) - 1;
        if (first > 0 && isPartyNode(blocks[first - 1])) first--;
        let from: LineStartPoint = { offset: 0, line: 1, lineStart: 0, state: INITIAL_STATE };
        let startIndex = 0;
        if (first >= 0) {
            const firstCst = blocks[first].$cstNode!;
            const lineStart = firstCst.offset - firstCst.range.start.character;
            startIndex = lastIndexWhere(lineStarts.offsets.length, i => lineStarts.offsets[i] <= firstCst.offset);
            if (startIndex < 0 || lineStarts.offsets[startIndex] < lineStart) return 'no line start recorded for the first block';
            from = { offset: lineStarts.offsets[startIndex], line: firstCst.range.start.line + 1, lineStart, state: lineStarts.states[startIndex] };
        } else {
            first = 0;
        }
        const windowStart = from.offset;

        // Lex from there until a line past the edit lexes as before, at a block's start.
        const delta = text.length - oldText.length;
        let end = blocks.length;
        let endLine = 0;
        const lexed = this.lexer.tokenizeFrom(text, from, (offset, state, lineStartHere, line) => {
            if (lineStartHere <= edit.newEnd) return false;
            const old = offset - delta;
            const at = indexOf(lineStarts.offsets, old);
            if (at < 0 || lineStarts.states[at] !== state) return false;
            const block = firstIndexWhere(blocks.length, i => offsetOf(blocks[i]) >= old);
            if (block >= blocks.length || offsetOf(blocks[block]) !== old) return false;
            end = block;
            endLine = line;
            return true;
        });
        if (lexed.errors.length > 0) return 'the window has a lexing error';
        const stopped = lexed.end < text.length;
        const oldWindowEnd = stopped ? lexed.end - delta : oldText.length;

        this.lexer.provideNext({ tokens: lexed.tokens, hidden: lexed.hidden, errors: [] });
        const parsed = this.parser.parse<Document>(text);
        if (parsed.parserErrors.length > 0 || parsed.lexerErrors.length > 0) return 'the window has a syntax error';
        const windowRoot = parsed.value.$cstNode as RootCstNode;

        // Splice the window's nodes in place of the old ones, then shift what follows.
        const content = root.content;
        const removedFrom = firstIndexWhere(content.length, i => content[i].offset >= windowStart);
        const removedTo = stopped ? firstIndexWhere(content.length, i => content[i].offset >= oldWindowEnd) : content.length;
        const inserted = [...windowRoot.content];
        for (const node of inserted) setRoot(node, root);
        replaceRange(content, removedFrom, removedTo, inserted);
        if (stopped) {
            const lineDelta = endLine - (blocks[end].$cstNode!.range.start.line + 1);
            for (let i = removedFrom + inserted.length; i < content.length; i++) shift(content[i], delta, lineDelta);
        }
        root._text = text;
        root._rangeCache = undefined;

        const next: Document = { ...document, blocks: [...blocks.slice(0, first), ...parsed.value.blocks, ...blocks.slice(end)] };
        // Every block gets the new container; an index is written where it changed only (the window's, and those after it when
        // the number of blocks changed): a store into each of ten thousand blocks of eleven types is not free.
        const placed = next.blocks as Array<Block & { $container: Document; $containerProperty: string; $containerIndex: number }>;
        const windowEnd = first + parsed.value.blocks.length;
        for (let index = 0; index < first; index++) placed[index].$container = next;
        for (let index = first; index < windowEnd; index++) {
            placed[index].$container = next;
            placed[index].$containerProperty = 'blocks';
            placed[index].$containerIndex = index;
        }
        if (windowEnd === end) for (let index = windowEnd; index < placed.length; index++) placed[index].$container = next;
        else for (let index = windowEnd; index < placed.length; index++) {
            placed[index].$container = next;
            placed[index].$containerIndex = index;
        }
        root.astNode = next;
        recordLineStarts(next, spliceLineStarts(lineStarts, startIndex, oldWindowEnd, lexed.lineStarts, delta));
        reparsed.set(next, true);
        edits.set(next, { previous: document, first, oldEnd: end, newEnd: windowEnd });
        // The document before it is now the previous one, and forgets its own: each document
        // kept every document before it, about 70 KB per keystroke in a 1 MB report.
        edits.delete(document);
        return { ...previous, value: next, lexerErrors: [], parserErrors: [] };
    }
}

/**
 * Which blocks an incremental parse replaced: `previous.blocks[first, oldEnd)` by
 * `blocks[first, newEnd)` of the new document; every other block is the same object, at the
 * same index before the window and moved by `newEnd - oldEnd` after it.
 */
export interface BlockEdit {
    readonly previous: Document;
    readonly first: number;
    readonly oldEnd: number;
    readonly newEnd: number;
}

const edits = new ObjectFacts<AstNode, BlockEdit>('block edit');

/** The blocks the incremental parse that made this document replaced; undefined for a document parsed in full. */
export function blockEditOf(document: AstNode): BlockEdit | undefined {
    return edits.get(document);
}

/** The part of the text an edit changed: `[start, oldEnd)` of the old text is `[start, newEnd)` of the new. */
export function changedRange(oldText: string, text: string): { start: number; oldEnd: number; newEnd: number } {
    const shorter = Math.min(oldText.length, text.length);
    let start = 0;
    // Whole chunks first: comparing two slices is much faster than comparing characters one by one.
    while (start + CHUNK <= shorter && oldText.slice(start, start + CHUNK) === text.slice(start, start + CHUNK)) start += CHUNK;
    while (start < shorter && oldText.charCodeAt(start) === text.charCodeAt(start)) start++;
    let oldEnd = oldText.length;
    let newEnd = text.length;
    while (oldEnd - CHUNK >= start && newEnd - CHUNK >= start && oldText.slice(oldEnd - CHUNK, oldEnd) === text.slice(newEnd - CHUNK, newEnd)) {
        oldEnd -= CHUNK;
        newEnd -= CHUNK;
    }
    while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
        oldEnd--;
        newEnd--;
    }
    return { start, oldEnd, newEnd };
}

const CHUNK = 4096;

const reparsed = new ObjectFacts<AstNode, true>('reparsed');

/**
 * Whether a document was parsed incrementally: it is being edited, so what is derived from
 * its blocks may be kept for the next edit (model/structure.ts). A document parsed once, as
 * `minutes check` parses every file, keeps nothing.
 */
export function wasReparsed(document: AstNode): boolean {
    return reparsed.has(document);
}

/** Per test, the indices of the blocks of each document that pass it (see blocksWhere). */
const blocksPassing = new WeakMap<(block: Block) => boolean, ObjectFacts<AstNode, readonly number[]>>();

/**
 * The indices of the blocks of the document that pass `test` (a function of the block alone,
 * the same function at each call), in order. Asked of a long document at each edit (where its
 * chunks start, whether it declares parties): found once, then for a document parsed
 * incrementally from those of the document it was parsed from, scanning only the blocks the
 * parse made.
 */
export function blocksWhere(document: Document, test: (block: Block) => boolean): readonly number[] {
    let known = blocksPassing.get(test);
    if (!known) blocksPassing.set(test, known = new ObjectFacts(`blocks passing ${test.name}`));
    let indices = known.get(document);
    if (indices) return indices;
    const edit = edits.get(document);
    const before = edit && known.get(edit.previous);
    const blocks = document.blocks;
    if (edit && before) {
        indices = indicesAfterEdit(before, edit, i => test(blocks[i]));
    } else {
        const found: number[] = [];
        for (let i = 0; i < blocks.length; i++) if (test(blocks[i])) found.push(i);
        indices = found;
    }
    known.set(document, indices);
    return indices;
}

/**
 * Block indices of the document an incremental parse made, from `before`, indices of blocks of
 * `edit.previous` in order: those before the window as they were, those of the blocks the parse
 * made that pass `keep`, and those after the window moved by the change in the number of blocks.
 */
export function indicesAfterEdit(before: readonly number[], edit: BlockEdit, keep: (index: number) => boolean): number[] {
    const indices: number[] = [];
    let k = 0;
    while (k < before.length && before[k] < edit.first) indices.push(before[k++]);
    for (let i = edit.first; i < edit.newEnd; i++) if (keep(i)) indices.push(i);
    while (k < before.length && before[k] < edit.oldEnd) k++;
    const moved = edit.newEnd - edit.oldEnd;
    while (k < before.length) indices.push(before[k++] + moved);
    return indices;
}

const lineStartsByDocument = new ObjectFacts<AstNode, LineStarts>('line starts');

/** The line starts recorded when the document's text was lexed (none for a document not parsed by the Minutes parser). */
export function lineStartsOf(document: AstNode): LineStarts | undefined {
    return lineStartsByDocument.get(document);
}

export function recordLineStarts(document: AstNode, lineStarts: LineStarts): void {
    lineStartsByDocument.set(document, lineStarts);
}

/** The old line starts before the window, the window's, and the old ones after it, shifted. */
function spliceLineStarts(old: LineStarts, startIndex: number, oldWindowEnd: number, window: LineStarts, delta: number): LineStarts {
    let after = startIndex;
    while (after < old.offsets.length && old.offsets[after] < oldWindowEnd) after++;
    const length = startIndex + window.offsets.length + old.offsets.length - after;
    const offsets = new Int32Array(length);
    const states = new Int32Array(length);
    offsets.set(old.offsets.subarray(0, startIndex));
    states.set(old.states.subarray(0, startIndex));
    offsets.set(window.offsets, startIndex);
    states.set(window.states, startIndex);
    let k = startIndex + window.offsets.length;
    for (let i = after; i < old.offsets.length; i++, k++) {
        offsets[k] = old.offsets[i] + delta;
        states[k] = old.states[i];
    }
    return { offsets, states };
}

/** Langium's CST classes, with the fields this module updates (checked by assertLangiumInternals). */
interface RootCstNode extends CstNode {
    content: CstNode[];
    fullText: string;
    _text: string;
    _rangeCache: unknown;
    astNode: AstNode;
}

interface LeafFields {
    _offset: number;
    _range: { start: { line: number }; end: { line: number } };
}

function offsetOf(block: Block): number {
    return block.$cstNode!.offset;
}

function setRoot(node: CstNode, root: CstNode): void {
    (node as { root: CstNode }).root = root;
    const children = (node as { content?: CstNode[] }).content;
    if (children) for (const child of children) setRoot(child, root);
}

/** Moves a node's leaves by `delta` characters and `lineDelta` lines; ranges cached by composite nodes share the leaves' positions. */
function shift(node: CstNode, delta: number, lineDelta: number): void {
    const children = (node as { content?: CstNode[] }).content;
    if (children) {
        for (const child of children) shift(child, delta, lineDelta);
        return;
    }
    const leaf = node as unknown as LeafFields;
    leaf._offset += delta;
    if (lineDelta !== 0) {
        leaf._range.start.line += lineDelta;
        leaf._range.end.line += lineDelta;
    }
}

/** `content[from, to)` replaced by `items`; Langium's node arrays set each item's container. */
function replaceRange(content: CstNode[], from: number, to: number, items: readonly CstNode[]): void {
    const tail = content.splice(to, content.length - to);
    content.splice(from, to - from);
    for (const item of items) content.push(item);
    for (const item of tail) content.push(item);
}

/** The last index below `length` where `test` holds, for a test that holds on a prefix; -1 if none. */
function lastIndexWhere(length: number, test: (index: number) => boolean): number {
    let low = 0;
    let high = length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (test(middle)) low = middle + 1;
        else high = middle;
    }
    return low - 1;
}

/** The first index below `length` where `test` holds, for a test that holds on a suffix; `length` if none. */
function firstIndexWhere(length: number, test: (index: number) => boolean): number {
    return lastIndexWhere(length, index => !test(index)) + 1;
}

function indexOf(sorted: Int32Array, value: number): number {
    const index = firstIndexWhere(sorted.length, i => sorted[i] >= value);
    return index < sorted.length && sorted[index] === value ? index : -1;
}
