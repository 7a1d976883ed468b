import type { ValidationAcceptor } from 'langium';
import type { Line } from '../generated/ast.js';
import type { AgendaGroup, AgendaItemNode } from '../model/structure.js';
import { IssueCodes } from './issue-codes.js';

type Kind = 'number' | 'letter' | 'roman';

/** An agenda label taken apart: `2.1.` → number 1 under prefix [2], suffix `.`. */
interface Label {
    readonly kind: Kind;
    readonly value: number;
    /** Leading parts of a multi-level number: `2.1` → [2]. */
    readonly prefix: readonly number[];
    readonly suffix: string;
    readonly upper: boolean;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

function romanValue(text: string): number | undefined {
    let total = 0;
    const letters = text.toLowerCase();
    for (let i = 0; i < letters.length; i++) {
        const value = ROMAN[letters[i]];
        if (value === undefined) return undefined;
        const next = ROMAN[letters[i + 1]] ?? 0;
        total += value < next ? -value : value;
    }
    return total;
}

export function romanNumeral(value: number): string {
    const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
        [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
    let result = '';
    for (const [amount, letters] of table) {
        while (value >= amount) {
            result += letters;
            value -= amount;
        }
    }
    return result;
}

function parseLabel(marker: string, kind: Kind | undefined): Label | undefined {
    const suffix = /[.)]$/.test(marker) ? marker[marker.length - 1] : '';
    const core = suffix ? marker.slice(0, -1) : marker;
    if (/^\d+(\.\d+)*$/.test(core)) {
        const parts = core.split('.').map(part => parseInt(part, 10));
        return { kind: 'number', value: parts[parts.length - 1], prefix: parts.slice(0, -1), suffix, upper: false };
    }
    if (!/^[a-z]+$/i.test(core)) return undefined;
    const upper = core === core.toUpperCase();
    if (kind === 'roman' || (kind === undefined && (core.toLowerCase() === 'i' || core.length > 1))) {
        const value = romanValue(core);
        return value === undefined ? undefined : { kind: 'roman', value, prefix: [], suffix, upper };
    }
    if (core.length !== 1) return undefined;
    return { kind: 'letter', value: core.toLowerCase().charCodeAt(0) - 96, prefix: [], suffix, upper };
}

function formatLabel(label: Label, value: number, prefix: readonly number[]): string {
    let core: string;
    if (label.kind === 'number') core = [...prefix, value].join('.');
    else if (label.kind === 'letter') core = String.fromCharCode(96 + value);
    else core = romanNumeral(value);
    if (label.upper) core = core.toUpperCase();
    return core + label.suffix;
}

/** What a label reads as in a message: `3`, `b`, `ii`, `2.1`. */
function shown(label: Label, value = label.value, prefix = label.prefix): string {
    return formatLabel({ ...label, suffix: '' }, value, prefix);
}

export interface AgendaNumberingProblem {
    readonly line: Line;
    readonly message: string;
}

/**
 * The labels an agenda should have: each list of siblings counts from 1 (a, i) in the
 * kind of its first label; a multi-level number (`2.1`) carries its parent's number.
 * Bulleted items keep their bullets. Returns only the labels that differ.
 */
export function expectedAgendaLabels(group: AgendaGroup): Map<Line, string> {
    const expected = new Map<Line, string>();
    const visit = (siblings: readonly AgendaItemNode[], parentNumber: readonly number[] | undefined) => {
        const kind = siblingKind(siblings);
        let count = 0;
        for (const node of siblings) {
            const label = kind ? parseLabel(node.label, kind) : undefined;
            let childNumber: readonly number[] | undefined;
            if (label && label.kind === kind) {
                count++;
                const prefix = label.kind === 'number' && label.prefix.length > 0 ? (parentNumber ?? label.prefix) : [];
                const wanted = formatLabel(label, count, prefix);
                if (wanted !== node.label) expected.set(node.line, wanted);
                childNumber = label.kind === 'number' ? [...prefix, count] : undefined;
            }
            visit(node.children, childNumber);
        }
    };
    visit(group.items, undefined);
    return expected;
}

/** The kind of a list of siblings: that of its first labelled item (`a.` … `i.` counts as letters). */
function siblingKind(siblings: readonly AgendaItemNode[]): Kind | undefined {
    for (const node of siblings) {
        const label = parseLabel(node.label, undefined);
        if (label) return label.kind;
    }
    return undefined;
}

/** Each place where the numbering skips, repeats, goes back, or sits under the wrong parent. */
export function agendaNumberingProblems(group: AgendaGroup): AgendaNumberingProblem[] {
    const problems: AgendaNumberingProblem[] = [];
    const visit = (siblings: readonly AgendaItemNode[], parentNumber: readonly number[] | undefined) => {
        const kind = siblingKind(siblings);
        let previous: Label | undefined;
        for (const node of siblings) {
            const label = kind ? parseLabel(node.label, kind) : undefined;
            let childNumber: readonly number[] | undefined;
            if (label && label.kind === kind) {
                const wanted = previous ? previous.value + 1 : 1;
                const item = `Agenda item ${shown(label)}`;
                if (label.kind === 'number' && label.prefix.length > 0 && parentNumber
                    && label.prefix.join('.') !== parentNumber.join('.')) {
                    problems.push({ line: node.line, message: `${item} is numbered under ${parentNumber.join('.')}: expected ${shown(label, label.value, parentNumber)}.` });
                } else if (!previous && label.value !== 1) {
                    problems.push({ line: node.line, message: `${item} starts the list, which skips ${shown(label, 1)}: expected ${shown(label, 1)}.` });
                } else if (previous && label.value === previous.value) {
                    problems.push({ line: node.line, message: `${item} repeats the number of the item before it: expected ${shown(label, wanted)}.` });
                } else if (previous && label.value > wanted) {
                    const skipped = label.value - wanted === 1 ? shown(label, wanted) : `${shown(label, wanted)} to ${shown(label, label.value - 1)}`;
                    problems.push({ line: node.line, message: `${item} skips ${skipped}: expected ${shown(label, wanted)}.` });
                } else if (previous && label.value < wanted) {
                    problems.push({ line: node.line, message: `${item} comes after ${shown(previous)}: expected ${shown(label, wanted)}.` });
                }
                previous = label;
                childNumber = label.kind === 'number' ? [...(label.prefix.length > 0 && parentNumber ? parentNumber : label.prefix), label.value] : undefined;
            }
            visit(node.children, childNumber);
        }
    };
    visit(group.items, undefined);
    return problems;
}

/** `1. 2. 4.` skips 3; `1. 2. 2.` repeats 2: a warning on the label, with a quick fix to renumber. */
export function agendaNumbersMustFollowInOrder(group: AgendaGroup, accept: ValidationAcceptor): void {
    for (const problem of agendaNumberingProblems(group)) {
        accept('warning', problem.message, {
            node: problem.line,
            property: 'marker',
            code: IssueCodes.AgendaNumbering,
            data: { code: IssueCodes.AgendaNumbering }
        });
    }
}
