import type { StakeholderRow } from '../ledger/statistics-rows.js';
import type { SpeakingStatistics } from '../ledger/speaking-statistics.js';
import { agreedPlace, earlierActionStatus, moreStillOpenText } from './earlier-actions.js';
import { counted, DEFAULT_LANGUAGE, filled, formattedCount, formattedShare, translationOf } from '../model/language.js';
import type { EarlierActionOutline, EarlierActionsOutline } from './render-model.js';
import { escapeAttribute, escapeText } from './html-escape.js';
import type { MentionSpan, RichText } from './rich-text.js';

/**
 * The sections the action ledger and the statistics add to a meeting's HTML: "Actions from
 * earlier meetings" and "Who spoke" (an inline SVG bar chart with its figures as a table).
 * No script and no external resource: the page's content security policy allows neither.
 */
export interface HtmlSectionWriters {
    rich(text: RichText): string;
    mention(span: MentionSpan): string;
}

function heading(level: number, content: string, id: string): string {
    const rank = Math.min(6, level + 1);
    return `<h${rank} id="${escapeAttribute(id)}">${content}</h${rank}>`;
}

/** "Actions from earlier meetings": one table, the reported actions first, then those still open. */
export function earlierActionsHtml(section: EarlierActionsOutline, level: number, id: string, write: HtmlSectionWriters, language = DEFAULT_LANGUAGE): string {
    const { words } = translationOf(language);
    const row = (entry: EarlierActionOutline, stillOpen: boolean) => [
        `<tr class="status-${entry.status}">`,
        `<td><span class="action-id" dir="ltr">#${escapeText(entry.id)}</span> ${write.rich(entry.text)}</td>`,
        `<td data-label="${escapeAttribute(words.owner)}">${entry.owners.map(owner => write.mention(owner)).join(escapeText(words.listSeparator))}</td>`,
        `<td data-label="${escapeAttribute(words.status)}">${escapeText(earlierActionStatus(entry, stillOpen, language))}${entry.update && entry.update.text.length > 0 ? `<br>${write.rich(entry.update.text)}` : ''}</td>`,
        `<td data-label="${escapeAttribute(words.agreedAtColumn)}">${escapeText(agreedPlace(entry, language))}</td>`,
        '</tr>'
    ].join('');
    return [
        // Sections are not labelled: a page of several meetings has several, and landmarks' labels must be unique.
        '<section class="earlier-actions">',
        heading(level, escapeText(words.earlierActions), id),
        '<div class="table-wrap">',
        '<table class="actions earlier">',
        `<caption>${escapeText(filled(words.earlierActionsCaption, { title: words.earlierActions }))}</caption>`,
        `<thead><tr>${[words.action, words.owner, words.status, words.agreedAtColumn].map(column => `<th scope="col">${escapeText(column)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...section.reported.map(entry => row(entry, false)),
        ...section.stillOpen.map(entry => row(entry, true)),
        '</tbody>',
        '</table>',
        '</div>',
        ...[moreStillOpenText(section, language)].filter(more => more !== undefined).map(more => `<p class="more-actions">${escapeText(more)}</p>`),
        '</section>'
    ].join('\n');
}

/** Geometry of the chart, in CSS pixels. */
const LABEL_WIDTH = 180;
const BAR_WIDTH = 300;
const VALUE_WIDTH = 60;
const ROW_HEIGHT = 26;
const BAR_HEIGHT = 16;
const PADDING = 4;

/** Fill of each kind of bar, where the page's stylesheet does not apply (an SVG viewer): 3:1 contrast on white (WCAG 1.4.11). */
const FILLS: Record<StakeholderRow['kind'], string> = { group: '#1f5f99', ungrouped: '#6b6b6b', unidentified: '#8a5a00', joint: '#6b6b6b', 'unnamed-groups': '#6b6b6b' };

/**
 * "Who spoke": the share of words of each stakeholder group as a bar chart, and the same
 * figures, with interventions and words, as a table — the chart's text alternative.
 */
export function whoSpokeHtml(statistics: SpeakingStatistics, rows: readonly StakeholderRow[], level: number, id: string, language = DEFAULT_LANGUAGE): string {
    const { words } = translationOf(language);
    const chart = words.whoSpokeChart;
    const label = (row: StakeholderRow) => row.kind === 'group' && row.group ? words.stakeholderGroups[row.group]
        : row.kind === 'ungrouped' ? chart.ungrouped : row.kind === 'joint' ? chart.joint : row.kind === 'unnamed-groups' ? chart.unnamedGroups : chart.unidentified;
    const total = [counted(chart.interventionCount, statistics.total.interventions, language), counted(chart.wordCount, statistics.total.words, language)].join(words.listSeparator);
    const share = (value: number) => formattedShare(value, language);
    const count = (value: number) => formattedCount(value, language);
    const height = rows.length * ROW_HEIGHT + 2 * PADDING;
    const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
    const description = rows.map(row => `${label(row)} ${share(row.wordShare)}`).join('; ');
    const bars = rows.map((row, index) => {
        const y = PADDING + index * ROW_HEIGHT;
        const barWidth = Math.round(row.wordShare * BAR_WIDTH * 10) / 10;
        const middle = y + ROW_HEIGHT / 2;
        return [
            `<text x="${LABEL_WIDTH - 8}" y="${middle}" text-anchor="end" dominant-baseline="middle">${escapeText(label(row))}</text>`,
            `<rect class="bar ${row.kind}" x="${LABEL_WIDTH}" y="${middle - BAR_HEIGHT / 2}" width="${barWidth}" height="${BAR_HEIGHT}" fill="${FILLS[row.kind]}"></rect>`,
            `<text x="${LABEL_WIDTH + barWidth + 6}" y="${middle}" dominant-baseline="middle">${escapeText(share(row.wordShare))}</text>`
        ].join('');
    });
    const tableRows = rows.map(row =>
        `<tr><th scope="row">${escapeText(label(row))}</th><td data-label="${escapeAttribute(words.interventions)}">${count(row.interventions)}</td><td data-label="${escapeAttribute(chart.words)}">${count(row.words)}</td>`
        + `<td data-label="${escapeAttribute(chart.share)}">${escapeText(share(row.wordShare))}</td></tr>`);
    return [
        '<section class="who-spoke">',
        heading(level, escapeText(words.whoSpoke), id),
        `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${escapeAttribute(`${id}-title`)} ${escapeAttribute(`${id}-desc`)}" `
            // Drawn left to right whatever the page's direction: labels end where the bars start.
            + `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" direction="ltr" font-family="sans-serif" font-size="13" fill="currentColor">`,
        `<title id="${escapeAttribute(`${id}-title`)}">${escapeText(chart.title)}</title>`,
        `<desc id="${escapeAttribute(`${id}-desc`)}">${escapeText(description)}</desc>`,
        ...bars,
        '</svg>',
        '<div class="table-wrap">',
        '<table class="who-spoke">',
        `<caption>${escapeText(filled(chart.caption, { title: words.whoSpoke, total }))}</caption>`,
        `<thead><tr>${[chart.stakeholderGroup, words.interventions, chart.words, chart.share].map(column => `<th scope="col">${escapeText(column)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...tableRows,
        '</tbody>',
        '</table>',
        '</div>',
        '</section>'
    ].join('\n');
}
