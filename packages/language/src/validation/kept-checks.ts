import type { AstNode, ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { CustomField, Field } from '../generated/ast.js';
import type { DocumentStructure } from '../model/structure.js';

/**
 * What the checks of a meeting reported, kept while the meeting object lives, so that an edit
 * validates again only the meetings it touched (docs/performance.md, "Checks per meeting").
 *
 * A meeting object outlives a parse only when an incremental parse kept all its blocks and
 * their references resolve as before (model/structure.ts, `keptMeeting`). The checks kept
 * here read nothing else but what `CheckContext` holds: the document's own fields (its date,
 * language and series, outside any meeting), the directory's parties (the names, offices and
 * memberships a rule reads through a resolved reference: any change of the index's parties
 * counts), the configured locale and the categories checked. Checks that read other documents
 * (the action ledger, name clashes) are never kept: a node they check is run again in place.
 */
export interface CheckContext {
    readonly fields: readonly Field[];
    readonly customFields: readonly CustomField[];
    /** The index's last change of parties (`MinutesIndexManager.lastChangeOf`). */
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
        into.push({ severity, message, info, line: lineIndexOf(info.node) });
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
