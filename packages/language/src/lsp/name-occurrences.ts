import { CstUtils, GrammarUtils, type LangiumDocument, type LeafCstNode } from 'langium';
import {
    isAction, isActionUpdate, isMention, isParty, isSpeakerLine, type Action, type Party
} from '../generated/ast.js';
import { writtenName } from '../model/text.js';
import { isRefNameChar, isRefNameStart } from '../parser/characters.js';

/** A name written in a document: a `@name` reference, a handle declaration, an action id. */
export interface NameOccurrence {
    /** The token: `@mcade`, `@{Marilyn Cade}`, `#wsis-report`. */
    readonly token: LeafCstNode;
    /** What the name stands for, when it resolves. */
    readonly target?: Party | Action;
    /** True for the handle after `person`/`org` and the id after `action`. */
    readonly declaration: boolean;
    /** The name as written, without `@`, `#` and braces. */
    readonly written: string;
}

/**
 * The name at a document offset. The cursor may stand right after the name (`@mcade|:`),
 * where editors still consider it "on" the name, so the character before is tried too.
 */
export function nameAt(document: LangiumDocument, offset: number): NameOccurrence | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    return occurrenceOf(CstUtils.findLeafNodeAtOffset(root, offset))
        ?? (offset > 0 ? occurrenceOf(CstUtils.findLeafNodeAtOffset(root, offset - 1)) : undefined);
}

/** The name a token writes, if it writes one. */
export function occurrenceOf(leaf: LeafCstNode | undefined): NameOccurrence | undefined {
    if (!leaf || leaf.hidden) return undefined;
    const node = leaf.astNode;
    if (isMention(node) && node.party.$refNode === leaf) {
        return { token: leaf, target: node.party.ref, declaration: false, written: writtenName(leaf.text) };
    }
    if (isSpeakerLine(node) && node.speaker.$refNode === leaf) {
        return { token: leaf, target: node.speaker.ref, declaration: false, written: writtenName(leaf.text) };
    }
    if (isActionUpdate(node) && node.action.$refNode === leaf) {
        return { token: leaf, target: node.action.ref, declaration: false, written: leaf.text.slice(1) };
    }
    if ((isParty(node) || isAction(node)) && GrammarUtils.findNodeForProperty(node.$cstNode, 'name') === leaf) {
        return { token: leaf, target: node, declaration: true, written: node.name ?? '' };
    }
    return undefined;
}

/**
 * Whether a handle can be written as `@handle` and read back unchanged: it starts with a
 * letter, digit or underscore, continues with those or `.`/`-`, and does not end in `.`/`-`
 * (which the lexer leaves out of a name, as in "met @Joanna.").
 */
export function isBareHandle(handle: string): boolean {
    if (handle.length === 0 || !isRefNameStart(handle.codePointAt(0))) return false;
    for (const char of handle) {
        if (!isRefNameChar(char.codePointAt(0))) return false;
    }
    return !/[.-]$/.test(handle);
}

/** How to write a reference to a handle: `@mcade`, or `@{...}` for a handle that needs braces. */
export function referenceTo(handle: string): string {
    return isBareHandle(handle) ? `@${handle}` : `@{${handle}}`;
}
