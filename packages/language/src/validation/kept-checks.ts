import type { AstNode, ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { CustomField, Field } from '../generated/ast.js';
import type { DocumentStructure } from '../model/structure.js';

/**
 * What the checks of a chunk of a long document reported (model/structure.ts, `Chunk`), kept
 * while the chunk's items are, so that an edit checks again only the chunks it touched
 * (docs/performance.md, "Structure and checks by chunk").
 *
 * A chunk's items outlive a parse only when an incremental parse kept all its blocks and their
 * references resolve to the same nodes (model/structure.ts, `keptChunk`). The checks kept here
 * read nothing else but what `CheckContext` holds: the document's own fields (its date,
 * language and series, outside any meeting), the fields of the chunk's meeting, the parties of
 * other documents (what a rule reads through a resolved reference: any change of another
 * document's parties counts; the document's own are new nodes when they change, which its
 * references then resolve to), the configured locale and the categories checked. The rules on
 * a whole meeting, and the checks of nodes that read other documents (the action ledger, name
 * clashes) or their meeting (a field's date, read in its meeting's language), run again each
 * time: such a node is kept as a place to check it again, in order.
 */
export interface CheckContext {
    readonly fields: readonly Field[];
    readonly customFields: readonly CustomField[];
    /** How often other documents changed their parties (`MinutesIndexManager.changesByOthers`). */
    readonly parties: number;
    readonly locale?: string;
    readonly categories?: string;
    /** The fields of the meeting the chunk belongs to (null: none), for the checks that read them. */
    readonly meetingFields?: readonly Field[] | null;
}

export function checkContext(structure: DocumentStructure, parties: number, locale: string | undefined, categories: readonly string[] | undefined): CheckContext {
    return { fields: structure.fields, customFields: structure.customFields, parties, locale, categories: categories?.join() };
}

function sameContext(a: CheckContext, b: CheckContext): boolean {
    return a.parties === b.parties && a.locale === b.locale && a.categories === b.categories
        && sameItems(a.fields, b.fields) && sameItems(a.customFields, b.customFields)
        && (a.meetingFields === b.meetingFields || (!!a.meetingFields && !!b.meetingFields && sameItems(a.meetingFields, b.meetingFields)));
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
    return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** A report accepted by a check, with the line its node was on; or a node whose checks run again each time. */
export type KeptEntry =
    | { readonly severity: Parameters<ValidationAcceptor>[0]; readonly message: string; readonly info: Parameters<ValidationAcceptor>[2]; readonly line: number }
    | { readonly again: AstNode };

/** An acceptor that passes reports on and keeps them. */
export function recordingAcceptor(accept: ValidationAcceptor, into: KeptEntry[]): ValidationAcceptor {
    return (severity, message, info) => {
        // A copy: a range may share its positions with the syntax tree, which an incremental parse moves.
        const kept = info.range ? { ...info, range: movedBy(info.range, 0) } : info;
        into.push({ severity, message, info: kept, line: lineIndexOf(info.node) });
        accept(severity, message, info);
    };
}

/**
 * Accepts a kept report again; an explicit range is moved by the lines its node has moved
 * since (the blocks an edit did not touch keep their columns).
 */
export function acceptAgain(entry: Exclude<KeptEntry, { again: AstNode }>, accept: ValidationAcceptor): void {
    const { severity, message, info } = entry;
    const moved = info.range ? lineIndexOf(info.node) - entry.line : 0;
    accept(severity, message, moved === 0 ? info : { ...info, range: movedBy(info.range!, moved) });
}

/** Accepts kept reports again, in order (entries that name a node to check again have none here). */
export function replay(entries: readonly KeptEntry[], accept: ValidationAcceptor): void {
    for (const entry of entries) if (!('again' in entry)) acceptAgain(entry, accept);
}

/** Kept entries per chunk of a document (model/structure.ts, `Chunk.key`), valid in one context. */
export class KeptChecks<T> {
    private readonly kept = new WeakMap<object, { context: CheckContext; value: T }>();
    /** How many chunks were checked, and how many had their reports kept (tests and the benchmark read it). */
    readonly counts = { checked: 0, kept: 0 };

    get(chunk: object, context: CheckContext): T | undefined {
        const kept = this.kept.get(chunk);
        if (kept && sameContext(kept.context, context)) {
            this.counts.kept++;
            return kept.value;
        }
        this.counts.checked++;
        return undefined;
    }

    set(chunk: object, context: CheckContext, value: T): void {
        this.kept.set(chunk, { context, value });
    }
}

/** The line a node starts on, 0-based as LSP ranges count it (the ledger's `lineNumberOf` is 1-based). */
export function lineIndexOf(node: AstNode): number {
    return node.$cstNode?.range.start.line ?? 0;
}

export function movedBy(range: Range, lines: number): Range {
    return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}
