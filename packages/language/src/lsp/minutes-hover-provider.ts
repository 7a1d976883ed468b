import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { isAction, isCustomField, type Action, type Party } from '../generated/ast.js';
import type { MinutesServices } from '../minutes-module.js';
import { namesOf, shortName } from '../model/directory.js';
import { nameKey } from '../model/names.js';
import { speakerPhraseOf } from '../model/speaker-phrases.js';
import { ENGLISH_LABELS } from '../model/vocabulary.js';
import { escapeMarkdown } from '../util/markdown-escape.js';
import { blockOf, meetingOf, structureOf } from '../model/structure.js';
import type { DirectoryIndex } from './directory-index.js';
import { meetingStatisticsHover } from './meeting-statistics-hover.js';
import { nameAt } from './name-occurrences.js';
import { meetingName, partyInMeeting, partyMarkdown } from './party-markdown.js';

/**
 * Hover on any name: who the person or organisation is (honorific, organisations, role,
 * aliases) and what they did in the meeting the name is written in (attendance, meeting
 * roles, number of interventions). On an action identifier: the action. On a `meeting:`
 * line: who spoke, by stakeholder group.
 */
export class MinutesHoverProvider implements HoverProvider {
    private readonly directory: DirectoryIndex;

    constructor(services: MinutesServices) {
        this.directory = services.lsp.DirectoryIndex;
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const offset = document.textDocument.offsetAt(params.position);
        const occurrence = nameAt(document, offset);
        const target = occurrence?.target;
        const phrase = occurrence && !occurrence.declaration && !isAction(target) ? phraseMarkdown(occurrence.written, target) : undefined;
        if (occurrence && !target && phrase) return { contents: { kind: 'markdown', value: phrase }, range: occurrence.token.range };
        if (!occurrence || !target) return customFieldHover(document, offset) ?? meetingStatisticsHover(document, offset);
        const value = isAction(target) ? actionMarkdown(target) : this.partyHover(occurrence.token.astNode, target);
        return { contents: { kind: 'markdown', value: phrase ? `${phrase}\n\n---\n\n${value}` : value }, range: occurrence.token.range };
    }

    private partyHover(where: AstNode, party: Party): string {
        const block = blockOf(where);
        const meeting = block ? meetingOf(block) : undefined;
        const entry = this.directory.entryOf(party);
        return meeting
            ? partyMarkdown(entry, partyInMeeting(meeting, party), meetingName(meeting))
            : partyMarkdown(entry);
    }
}

/**
 * What a speaker phrase stands for (model/speaker-phrases.ts): `*The Chairman*: the chair of
 * this meeting, E. SPINA`. None for a name the directory has an entry by.
 */
function phraseMarkdown(written: string, target: Party | undefined): string | undefined {
    const phrase = speakerPhraseOf(written);
    if (!phrase || (target && namesOf(target).some(name => nameKey(name) === nameKey(written)))) return undefined;
    const as = `*${escapeMarkdown(written)}*`;
    switch (phrase.kind) {
        case 'group':
            return `${as}: a group of speakers the record does not name. Outputs print it as written; \`minutes stats\` counts it apart.`;
        case 'delegation':
            return target ? `${as}: speaks for ${escapeMarkdown(shortName(target))}.` : undefined;
        case 'office': {
            if (!phrase.office) return target ? `${as}: ${escapeMarkdown(shortName(target))}, named by title.` : undefined;
            const office = ENGLISH_LABELS.offices[phrase.office];
            return target
                ? `${as}: the ${office} of this meeting, ${escapeMarkdown(shortName(target))} (the meeting's \`${phrase.office}:\` field).`
                : `${as}: the ${office} of this meeting, whom its header does not name (write \`${phrase.office}: @name\` to name them).`;
        }
    }
}

/** On a custom field's label: what Minutes makes of a key it does not know. */
function customFieldHover(document: LangiumDocument, offset: number): Hover | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, offset);
    if (!leaf || leaf.tokenType.name !== 'FIELD_LABEL' || !isCustomField(leaf.astNode)) return undefined;
    const value = `**${escapeMarkdown(leaf.astNode.label)}** — a field of this header that Minutes does not know: every output shows it `
        + 'with the header\'s other fields, with its label as written. (Check the spelling if you meant one of the keys Minutes knows.)';
    return { contents: { kind: 'markdown', value }, range: leaf.range };
}

function actionMarkdown(action: Action): string {
    const item = structureOf(action.$container).meetings.flatMap(m => m.actions).find(a => a.action === action);
    const lines = [`**Action \`#${action.name ?? ''}\`** (${item?.status ?? 'open'})`];
    if (item) {
        if (item.text) lines.push(item.text);
        const facts: string[] = [];
        if (item.owners.length > 0) facts.push(`Owner: ${item.owners.map(shortName).join(', ')}`);
        if (item.due) facts.push(`Due: ${item.due}`);
        if (facts.length > 0) lines.push(facts.join(' · '));
    }
    const meeting = meetingOf(action);
    if (meeting) lines.push(`Agreed in *${meetingName(meeting)}*`);
    return lines.join('\n\n');
}
