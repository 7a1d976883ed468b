import { CstUtils, isLeafCstNode, type LangiumDocument } from 'langium';
import type { FoldingRangeProvider } from 'langium/lsp';
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams, type Range } from 'vscode-languageserver';
import type { Document } from '../generated/ast.js';
import { structureOf, type AgendaItemNode, type Section } from '../model/structure.js';
import { meetingsOfHeadings, rangeOfBlocks, rangeOfItem, rangeOfMeeting, rangeOfSection } from './block-ranges.js';

/**
 * Folds what spans lines: meetings, sections, turns with their paragraphs, rosters,
 * agendas (and agenda items with sub-items), outcomes and actions with their text,
 * directory entries with their fields, and block comments.
 */
export class MinutesFoldingRangeProvider implements FoldingRangeProvider {
    getFoldingRanges(document: LangiumDocument, _params: FoldingRangeParams): FoldingRange[] {
        const root = (document as LangiumDocument<Document>).parseResult.value;
        const structure = structureOf(root);
        const ranges: FoldingRange[] = [];
        const add = (range: Range | undefined, kind?: string) => {
            if (range && range.end.line > range.start.line) {
                ranges.push({ startLine: range.start.line, endLine: range.end.line, kind });
            }
        };
        for (const meeting of structure.meetings) {
            add(rangeOfMeeting(meeting), FoldingRangeKind.Region);
        }
        const headingMeetings = meetingsOfHeadings(structure.items);
        const addSections = (sections: readonly Section[]) => {
            for (const section of sections) {
                add(rangeOfSection(section, headingMeetings.get(section.heading)), FoldingRangeKind.Region);
                addSections(section.children);
            }
        };
        addSections(structure.sections);
        for (const item of structure.items) {
            switch (item.kind) {
                case 'turn': case 'roster': case 'outcome': case 'action': case 'update': case 'party': case 'field': case 'custom-field':
                    add(rangeOfItem(item));
                    break;
                case 'agenda':
                    add(rangeOfItem(item));
                    addAgendaItems(item.group.items, add);
                    break;
                default:
                    break;
            }
        }
        const cst = root.$cstNode;
        if (cst) {
            for (const node of CstUtils.streamCst(cst)) {
                if (isLeafCstNode(node) && node.hidden && node.tokenType.name === 'ML_COMMENT') {
                    add(node.range, FoldingRangeKind.Comment);
                }
            }
        }
        return ranges;
    }
}

function addAgendaItems(items: readonly AgendaItemNode[], add: (range: Range | undefined) => void): void {
    for (const item of items) {
        if (item.children.length > 0) {
            add(rangeOfBlocks(item.line, lastDescendantLine(item)));
            addAgendaItems(item.children, add);
        }
    }
}

function lastDescendantLine(item: AgendaItemNode): AgendaItemNode['line'] {
    const last = item.children[item.children.length - 1];
    return last ? lastDescendantLine(last) : item.line;
}
