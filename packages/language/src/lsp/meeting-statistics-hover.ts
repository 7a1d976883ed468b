import type { LangiumDocument } from 'langium';
import type { Hover } from 'vscode-languageserver';
import { isField, type Document, type Field } from '../generated/ast.js';
import { meetingStatistics } from '../ledger/speaking-statistics.js';
import { formatShare, stakeholderRows, totalText } from '../ledger/statistics-rows.js';
import { structureOf } from '../model/structure.js';
import { plainText } from '../model/text.js';
import { isKey } from '../model/vocabulary.js';
import { escapeMarkdown } from '../util/markdown-escape.js';

/**
 * Hover on a `meeting:` line: who spoke in the meeting, by stakeholder group — the figures
 * of the HTML's "Who spoke" section (see ledger/speaking-statistics.ts for how they count).
 */
export function meetingStatisticsHover(document: LangiumDocument, offset: number): Hover | undefined {
    const root = document.parseResult.value as Document;
    const field = root.blocks.find((block): block is Field => {
        const range = block.$cstNode;
        if (!isField(block) || !isKey(block.key, 'meeting') || !range) return false;
        // The field's node runs on to the line break: the hover belongs to the written line.
        const lineEnd = document.textDocument.offsetAt({ line: range.range.start.line + 1, character: 0 });
        return range.offset <= offset && offset < lineEnd;
    });
    const meeting = field && structureOf(root).meetings.find(m => m.start === field);
    if (!field?.$cstNode || !meeting) return undefined;
    const title = plainText(field.value).trim() || 'this meeting';
    const statistics = meetingStatistics(meeting);
    const lines = [`**Who spoke** in *${escapeMarkdown(title)}*: ${statistics.total.interventions ? totalText(statistics) : 'no interventions recorded'}`];
    const rows = stakeholderRows(statistics);
    if (rows.length > 0) {
        lines.push('', '| Stakeholder group | Interventions | Words | Share of words |', '| --- | ---: | ---: | ---: |');
        for (const row of rows) lines.push(`| ${row.label} | ${row.interventions} | ${row.words} | ${formatShare(row.wordShare)} |`);
    }
    const start = field.$cstNode.range.start;
    const lineText = document.textDocument.getText({ start: { line: start.line, character: 0 }, end: { line: start.line + 1, character: 0 } });
    return {
        contents: { kind: 'markdown', value: lines.join('\n') },
        // A line may end with CR alone (old Mac files, some captioning exports), not only LF or CRLF.
        range: { start, end: { line: start.line, character: lineText.replace(/(\r\n|\r|\n)$/, '').length } }
    };
}
