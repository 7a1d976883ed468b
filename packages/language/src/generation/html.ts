import { createHash } from 'node:crypto';
import type { Document } from '../generated/ast.js';
import { isBulletMarker } from '../parser/characters.js';
import { displayWidth } from './wrap.js';
import { outlineOf, type OutlineOptions } from './outline.js';
import { slug } from '../util/slug.js';
import { counted, participantColumns, WritingLanguage } from '../model/language.js';
import type {
    ActionOutline, AgendaEntry, ContentsEntry, Header, ListEntry, MeetingOutline, Outline, OutlineBlock, Participant,
    TurnOutline, UpdateOutline
} from './render-model.js';
import { blocksAroundHeader, isOneLineList, ownersToName, participantsOnLines, roleBesideNote, type ParticipantGroup } from './render-model.js';
import { labelled, plain, type RichText, type Span, type StyledSpan } from './rich-text.js';
import { HTML_STYLE } from './html-style.js';
import { earlierActionsHtml, whoSpokeHtml } from './ledger-html.js';
import { escapeAttribute, escapeText } from './html-escape.js';
import { UniqueNames } from '../util/unique-names.js';

/**
 * One self-contained HTML5 page: no scripts, no external resources (a content security
 * policy forbids any request), semantic and accessible markup, a stylesheet for phones
 * and for print. Everything taken from the source is escaped; only `http:`, `https:` and
 * `mailto:` URLs become links.
 */
export function generateHtml(document: Document, options: OutlineOptions = {}): string {
    return htmlOf(outlineOf(document, options));
}

/** Browsers' and search engines' limit for a readable page title. */
const TITLE_LENGTH = 70;

export function htmlOf(outline: Outline, page: PageOptions = {}): string {
    return htmlPage(outline.title, new HtmlWriter(outline).page(), { language: outline.language, direction: outline.direction, ...page });
}

/** What a page holds besides its content: the site's navigation, style and search script. */
export interface PageOptions {
    /**
     * A script, written into the page: the policy allows it by its digest, and no other
     * (a separate file would need a server: browsers check no digest of a file: URL).
     */
    readonly script?: string;
    /** Markup placed before `<main>`: a site's navigation. */
    readonly before?: string;
    /** More style rules, after the page's stylesheet. */
    readonly style?: string;
    /** The page's language (BCP 47) and direction: `lang` and `dir` of `<html>`; English, left to right, by default. */
    readonly language?: string;
    readonly direction?: 'ltr' | 'rtl';
}

/**
 * A page: the document's head (a content security policy that forbids any request, the
 * stylesheet) around `body`, which is markup already escaped.
 */
export function htmlPage(title: string, body: string, options: PageOptions = {}): string {
    if (options.script?.includes('</')) throw new Error('a page script cannot contain </');
    const policy = `default-src 'none'; style-src 'unsafe-inline'`
        + (options.script ? `; script-src 'sha256-${createHash('sha256').update(options.script).digest('base64')}'` : '');
    return [
        '<!DOCTYPE html>',
        `<html lang="${escapeAttribute(options.language ?? 'en')}" dir="${options.direction ?? 'ltr'}">`,
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
        '<meta name="generator" content="Minutes">',
        `<title>${escapeText(shortTitle(title))}</title>`,
        `<style>${HTML_STYLE}${options.style ?? ''}</style>`,
        '</head>',
        '<body>',
        ...(options.before ? [options.before] : []),
        body,
        ...(options.script ? [`<script>${options.script}</script>`] : []),
        '</body>',
        '</html>',
        ''
    ].join('\n');
}

/** The title, cut at a word with an ellipsis when it is too long; measured escaped, as validators count it. */
function shortTitle(title: string): string {
    if (escapeText(title).length <= TITLE_LENGTH) return title;
    // Escaping only lengthens text, so what is kept lies in the first TITLE_LENGTH characters:
    // look no further. (A title can be a pasted page; cutting it word by word was quadratic.)
    const words = Array.from(title).slice(0, TITLE_LENGTH + 1).join('').split(' ');
    while (words.length > 1 && escapeText(words.join(' ').replace(/[\s,;:.–—-]+$/, '') + '…').length > TITLE_LENGTH) words.pop();
    let short = words.join(' ').replace(/[\s,;:.–—-]+$/, '');
    while (escapeText(short + '…').length > TITLE_LENGTH) short = Array.from(short).slice(0, -1).join('');
    return short + '…';
}

function heading(level: number, content: string, attributes = ''): string {
    const rank = Math.min(6, level + 1);
    return `<h${rank}${attributes}>${content}</h${rank}>`;
}

class HtmlWriter {
    private readonly landmarks = new Set<string>();
    private readonly landmarkNumbers = new Map<string, number>();
    private readonly rowIds = new UniqueNames();
    /** Participants' anchors already in the page: one listed twice (two lists, or a list and a one-line list) has its id once. */
    private readonly anchorsPlaced = new Set<string>();
    /** The language of what is being written, and its words. */
    private readonly language: WritingLanguage;

    constructor(private readonly outline: Outline) {
        this.language = new WritingLanguage(outline.language);
    }

    page(): string {
        const { before, after } = blocksAroundHeader(this.outline);
        const parts = ['<main>', this.blocks(before), this.header(this.outline.header, 'page-header')];
        if (this.outline.meetings.length > 1) parts.push(this.contents(this.outline.contents));
        parts.push(this.blocks(after));
        parts.push('</main>');
        return parts.filter(Boolean).join('\n');
    }

    /** A landmark's label, made unique: screen readers list landmarks by label. */
    private landmark(label: string): string {
        // Counting on from the number this label had last keeps this linear: counting from 2
        // each time was quadratic in a report of thousands of meetings, each with an agenda.
        let n = this.landmarkNumbers.get(label) ?? 1;
        let unique = n === 1 ? label : `${label} (${n})`;
        while (this.landmarks.has(unique)) unique = `${label} (${++n})`;
        this.landmarks.add(unique);
        this.landmarkNumbers.set(label, n + 1);
        return unique;
    }

    private header(header: Header, className: string): string {
        const parts = [`<header class="${className}">`, heading(header.level, this.rich(header.title), ` id="${escapeAttribute(header.id)}"`)];
        if (header.metadata.length > 0) {
            parts.push('<dl class="metadata">');
            for (const entry of header.metadata) {
                parts.push(`<div><dt>${escapeText(entry.label)}</dt><dd>${this.rich(entry.value)}</dd></div>`);
            }
            parts.push('</dl>');
        }
        if (header.participants.length > 0) parts.push(this.participantTable(header.participantsLabel, header.participants));
        parts.push('</header>');
        return parts.join('\n');
    }

    private contents(entries: readonly ContentsEntry[]): string {
        const top = Math.min(...entries.map(entry => entry.level));
        const shown = entries.filter(entry => entry.level <= top + 1);
        const items = shown.map(entry =>
            `<li class="level-${entry.level - top}"><a href="#${escapeAttribute(entry.id)}">${escapeText(entry.text)}</a></li>`);
        const contents = this.language.words.contents;
        return `<nav class="contents" aria-label="${escapeAttribute(this.landmark(contents))}">\n<p class="nav-title">${escapeText(contents)}</p>\n<ul>\n${items.join('\n')}\n</ul>\n</nav>`;
    }

    private blocks(blocks: readonly OutlineBlock[]): string {
        return blocks.map(block => this.block(block)).filter(html => html.length > 0).join('\n');
    }

    private block(block: OutlineBlock): string {
        switch (block.kind) {
            case 'heading':
                return heading(block.level, this.rich(block.text), ` id="${escapeAttribute(block.id)}"`);
            // Each paragraph takes its direction from its first strong letter: a sentence in Latin
            // script in an Arabic note (or the reverse) reads in its own direction.
            case 'paragraph':
                return block.role ? `<p class="${block.role}" dir="auto">${this.rich(block.text)}</p>` : `<p dir="auto">${this.rich(block.text)}</p>`;
            case 'quote':
                return `<blockquote><p dir="auto">${this.rich(block.text)}</p></blockquote>`;
            case 'list':
                return this.list(block.items, block.ordered);
            case 'text-field':
                return `<div class="${block.field}">\n<p class="label">${escapeText(block.label)}</p>\n${this.blocks(block.blocks)}\n</div>`;
            case 'participants': {
                const caption = (group: ParticipantGroup | undefined) => group && group.title.length > 0 ? group.title : labelled(block.label, block.title);
                if (block.groups.every(group => group.title.length === 0)) return this.participantGroup(caption(block.groups[0]), block.label, block.groups[0]);
                // Grouped: a table per group captioned with its label as written (the list's label on the first
                // group's when it has none, else above them all).
                return [
                    `<div class="participant-groups">`,
                    block.groups[0].title.length > 0 ? `<p class="label">${this.keyLine(block.label, block.title)}</p>` : '',
                    ...block.groups.map(group => this.participantGroup(caption(group), block.label, group)),
                    '</div>'
                ].filter(Boolean).join('\n');
            }
            case 'agenda':
                return this.agenda(block.label, block.title, block.items);
            case 'segment':
                return heading(block.level, this.rich(block.title), ` class="segment"`);
            case 'turn':
                return this.turn(block.turn);
            case 'turns':
                return `<ul class="round">\n${block.turns.map((turn, index) => `<li${turn.afterBlankLine && index > 0 ? ' class="after-blank"' : ''}>${this.turnLine(turn)}${this.blocks(turn.blocks)}</li>`).join('\n')}\n</ul>`;
            case 'outcome': {
                const outcome = block.outcome;
                const head = outcome.plural
                    ? heading(outcome.level, outcome.text.length > 0 ? this.rich(outcome.text) : escapeText(outcome.label))
                    : `<p dir="auto"><strong class="label">${escapeText(outcome.label + this.language.words.colon)}</strong> ${this.rich(outcome.text)}</p>`;
                return `<div class="outcome ${outcome.kind}">\n${head}\n${this.blocks(outcome.blocks)}\n</div>`;
            }
            case 'actions':
                return this.actionTable(block.actions);
            case 'updates':
                return this.updateTable(block.updates);
            case 'break':
                return '<hr>';
            case 'meeting':
                return this.meeting(block.meeting);
        }
    }

    private meeting(meeting: MeetingOutline): string {
        return this.language.within(meeting.language, () => {
            if (!meeting.header) return [this.blocks(meeting.blocks), this.ledgerSections(meeting)].filter(Boolean).join('\n');
            // A meeting in another language than the page's says so, for screen readers, hyphenation and direction.
            const language = meeting.language !== this.outline.language ? ` lang="${escapeAttribute(meeting.language)}" dir="${meeting.direction}"` : '';
            return [
                // Not labelled: meetings may share a title (a series of teleconferences), and landmarks' labels must be unique.
                `<section class="meeting"${language}>`,
                this.header(meeting.header, 'meeting-header'),
                this.blocks(meeting.blocks),
                this.ledgerSections(meeting),
                '</section>'
            ].filter(Boolean).join('\n');
        });
    }

    /** "Actions from earlier meetings" and "Who spoke", one level below the meeting's title. */
    private ledgerSections(meeting: MeetingOutline): string {
        const level = (meeting.header?.level ?? this.outline.header.level) + 1;
        const writers = { rich: (text: RichText) => this.rich(text), mention: (span: Span) => this.span(span) };
        return [
            meeting.earlierActions ? earlierActionsHtml(meeting.earlierActions, level, `${meeting.id}-earlier-actions`, writers, this.language.tag) : '',
            meeting.whoSpoke ? whoSpokeHtml(meeting.whoSpoke.statistics, meeting.whoSpoke.rows, level, `${meeting.id}-who-spoke`, this.language.tag) : ''
        ].filter(Boolean).join('\n');
    }

    private list(items: readonly ListEntry[], ordered: boolean): string {
        const tag = ordered ? 'ol' : 'ul';
        const entries = items.map(item => {
            const marker = item.ordered ? `<span class="marker">${escapeText(item.marker)}</span> ` : '';
            const children = item.children.length > 0 ? '\n' + this.list(item.children, item.children[0].ordered) : '';
            return `<li${item.afterBlankLine ? ' class="after-blank"' : ''}>${marker}${item.turn ? this.turnLine(item.turn) : this.rich(item.text)}${children}</li>`;
        });
        return `<${tag}${ordered ? ' class="labelled"' : ''}>\n${entries.join('\n')}\n</${tag}>`;
    }

    private agenda(key: string, title: RichText, items: readonly AgendaEntry[]): string {
        const label = this.landmark(plain(labelled(key, title)) || key);
        return [
            `<nav class="agenda" aria-label="${escapeAttribute(label)}">`,
            `<p class="nav-title">${this.keyLine(key, title)}</p>`,
            this.agendaList(items),
            '</nav>'
        ].join('\n');
    }

    private agendaList(items: readonly AgendaEntry[]): string {
        const entries = items.map(item => {
            const marker = isBulletMarker(item.label) ? '' : `<span class="marker">${escapeText(item.label)}</span> `;
            const text = item.target ? `<a href="#${escapeAttribute(item.target)}">${this.rich(item.text)}</a>` : this.rich(item.text);
            const children = item.children.length > 0 ? '\n' + this.agendaList(item.children) : '';
            return `<li>${marker}${text}${children}</li>`;
        });
        return `<ol class="labelled">\n${entries.join('\n')}\n</ol>`;
    }

    private turn(turn: TurnOutline): string {
        const parts = [`<div class="turn ${turn.kind}">`];
        parts.push(turn.headed ? `<p class="speaker" dir="auto">${this.turnLine(turn)}</p>` : `<p dir="auto">${this.turnLine(turn)}</p>`);
        if (turn.blocks.length > 0) parts.push(this.blocks(turn.blocks));
        parts.push('</div>');
        return parts.join('\n');
    }

    /** As written: the name, its qualifiers, then what follows the name on the line. */
    private turnLine(turn: TurnOutline): string {
        return escapeText(turn.prefix) + this.rich(turn.name, turn.speaker) + this.qualifiers(turn) + this.rich(turn.line.slice(turn.name.length));
    }

    /** A key's label and the text after it (see `labelled`), or the label alone. */
    private keyLine(label: string, text: RichText): string {
        const line = labelled(label, text);
        return line.length > 0 ? this.rich(line) : escapeText(label);
    }

    private qualifiers(turn: TurnOutline): string {
        return turn.qualifierText.length > 0 ? ` <span class="qualifiers">[${this.rich(turn.qualifierText)}]</span>` : '';
    }

    /**
     * A group of an attendee list under its caption (`fallback` when it has none): a table of the
     * attendees on lines of their own; a one-line list (`Council: Carol, Mark`) stays a line, as
     * written, each name the anchor of its participant's entry, which speakers link to.
     */
    private participantGroup(caption: RichText, fallback: string, group: ParticipantGroup | undefined): string {
        const named = new Set(group?.participants.slice(0, group.namedInTitle).map(p => p.anchor).filter(anchor => !this.anchorsPlaced.has(anchor)));
        const captionHtml = caption.length > 0 ? caption.map(span => this.anchoredSpan(span, named)).join('') : escapeText(fallback);
        if (isOneLineList(group)) return `<p class="participant-line" dir="auto">${captionHtml}</p>`;
        const rows = participantsOnLines(group);
        return rows.length > 0 ? this.participantTable(captionHtml, rows, true) : `<p class="label" dir="auto">${captionHtml}</p>`;
    }

    /** A span of a one-line attendee list: the first mention of each of `anchors` carries its participant's anchor. */
    private anchoredSpan(span: Span, anchors: Set<string>): string {
        if (span.kind === 'styled') return `<${STYLE_TAGS[span.style]}>${span.children.map(child => this.anchoredSpan(child, anchors)).join('')}</${STYLE_TAGS[span.style]}>`;
        if (span.kind !== 'mention' || !span.anchor || !anchors.has(span.anchor)) return this.span(span);
        anchors.delete(span.anchor);
        this.anchorsPlaced.add(span.anchor);
        return this.span(span).replace(/^<span class="person"/, `<span class="person" id="${escapeAttribute(span.anchor)}"`);
    }

    private participantTable(caption: string, participants: readonly Participant[], captionIsHtml = false): string {
        const { words, offices, attendance } = this.language.translation;
        const notes = participants.some(p => p.description.length > 0);
        const rows = participants.map(participant => {
            const placed = this.anchorsPlaced.has(participant.anchor);
            this.anchorsPlaced.add(participant.anchor);
            const roles = participant.roles.map(role => offices[role]);
            const role = roleBesideNote(participant);
            const roleCell = [
                roles.length > 0 ? `<strong>${escapeText(roles.join(words.listSeparator))}</strong>` : '',
                escapeText(role)
            ].filter(Boolean).join('<br>');
            const displayName = participant.party.displayName && participant.party.displayName !== participant.party.name
                ? ` title="${escapeAttribute(participant.party.displayName)}"` : '';
            return [
                placed ? '<tr>' : `<tr id="${escapeAttribute(participant.anchor)}">`,
                `<th scope="row"${displayName}>${escapeText(participant.party.name)}</th>`,
                `<td data-label="${escapeAttribute(words.organisation)}">${escapeText(participant.party.organisation ?? '')}</td>`,
                `<td data-label="${escapeAttribute(words.role)}">${roleCell}</td>`,
                `<td data-label="${escapeAttribute(words.attendance)}">${escapeText(attendance[participant.attendance])}</td>`,
                notes ? `<td data-label="${escapeAttribute(words.note)}">${this.rich(participant.description)}</td>` : '',
                '</tr>'
            ].join('');
        });
        return [
            '<div class="table-wrap">',
            '<table class="participants">',
            `<caption>${captionIsHtml ? caption : escapeText(caption)}</caption>`,
            `<thead><tr>${participantColumns(words, notes).map(column => `<th scope="col">${escapeText(column)}</th>`).join('')}</tr></thead>`,
            '<tbody>',
            ...rows,
            '</tbody>',
            '</table>',
            '</div>'
        ].join('\n');
    }

    private actionTable(actions: readonly ActionOutline[]): string {
        const { words } = this.language.translation;
        const rows = actions.map(action => [
            `<tr class="status-${action.status}"${action.id ? ` id="${escapeAttribute(this.rowId(actionRowId(action.id)))}"` : ''}>`,
            `<td>${action.id ? `<span class="action-id" dir="ltr">#${escapeText(action.id)}</span> ` : ''}${this.rich(action.text)}${action.blocks.length > 0 ? '\n' + this.blocks(action.blocks) : ''}</td>`,
            `<td data-label="${escapeAttribute(words.owner)}">${ownersToName(action).map(owner => this.span(owner, true)).join(escapeText(words.listSeparator))}</td>`,
            `<td data-label="${escapeAttribute(words.due)}">${action.due ? `<time datetime="${escapeAttribute(action.due)}" dir="ltr">${escapeText(action.due)}</time>` : ''}</td>`,
            `<td data-label="${escapeAttribute(words.status)}">${escapeText(words.statuses[action.status])}</td>`,
            '</tr>'
        ].join(''));
        return [
            '<div class="table-wrap">',
            '<table class="actions">',
            `<caption>${escapeText(counted(words.actionItems, actions.length, this.language.tag))}</caption>`,
            `<thead><tr>${[words.action, words.owner, words.due, words.status].map(column => `<th scope="col">${escapeText(column)}</th>`).join('')}</tr></thead>`,
            '<tbody>',
            ...rows,
            '</tbody>',
            '</table>',
            '</div>'
        ].join('\n');
    }

    private updateTable(updates: readonly UpdateOutline[]): string {
        const { words } = this.language.translation;
        const rows = updates.map(update => [
            `<tr id="${escapeAttribute(this.rowId(updateRowId(update.action)))}">`,
            `<td><span class="action-id" dir="ltr">#${escapeText(update.action)}</span></td>`,
            `<td data-label="${escapeAttribute(words.status)}">${escapeText(update.status ? words.statuses[update.status] : '')}</td>`,
            `<td data-label="${escapeAttribute(words.update)}">${this.rich(update.text)}${update.blocks.length > 0 ? '\n' + this.blocks(update.blocks) : ''}</td>`,
            '</tr>'
        ].join(''));
        return [
            '<div class="table-wrap">',
            '<table class="updates">',
            `<caption>${escapeText(words.updatesCaption)}</caption>`,
            `<thead><tr>${[words.action, words.status, words.update].map(column => `<th scope="col">${escapeText(column)}</th>`).join('')}</tr></thead>`,
            '<tbody>',
            ...rows,
            '</tbody>',
            '</table>',
            '</div>'
        ].join('\n');
    }

    /** Rich text as HTML; the given mention (a turn's speaker) links to its participant entry. */
    private rich(text: RichText, linked?: Span): string {
        return text.map(span => this.span(span, span === linked)).join('');
    }

    private span(span: Span, link = false): string {
        return spanHtml(span, link);
    }

    /** A row's id, unique in the page: `action-wsis-report`, which the site's actions page links to. */
    private rowId(base: string): string {
        // Suffixes remembered per base: thousands of updates of one action took time as their square.
        return this.rowIds.claim(base);
    }
}

const STYLE_TAGS: Record<StyledSpan['style'], string> = { code: 'code', emphasis: 'em', strong: 'strong' };

/** Rich text as HTML, escaped; mentions are not linked (for pages other than the meeting's). */
export function richHtml(text: RichText): string {
    return text.map(span => spanHtml(span)).join('');
}

/** A span as HTML; `link`: a mention links to its participant's entry in the page. */
function spanHtml(span: Span, link = false): string {
    switch (span.kind) {
        case 'text':
            return escapeText(span.text);
        case 'link':
            return `<a href="${escapeAttribute(span.url)}"${displayWidth(span.text) > 40 ? ' class="long"' : ''}>${escapeText(span.text)}</a>`;
        case 'mention': {
            const title = span.party.displayName && span.party.displayName !== span.text ? ` title="${escapeAttribute(span.party.displayName)}"` : '';
            if (link && span.anchor) return `<a class="person" href="#${escapeAttribute(span.anchor)}"${title}>${escapeText(span.text)}</a>`;
            return `<span class="person"${title}>${escapeText(span.text)}</span>`;
        }        case 'styled': {
            const tag = STYLE_TAGS[span.style];
            return `<${tag}>${span.children.map(child => spanHtml(child, link)).join('')}</${tag}>`;
        }
    }
}

/** The id of an action's row in its meeting's page (see rowId), for links from other pages. */
export function actionRowId(id: string): string {
    return `action-${slug(id) || 'item'}`;
}

/** The id of the first update on an action in a meeting's page. */
export function updateRowId(id: string): string {
    return `update-${slug(id) || 'item'}`;
}
