import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import {
    actionRowId, counted, declaresChathamHouseRule, escapeAttribute, escapeText, filled, filledHtml, formattedCount, htmlOf, htmlPage, meetingPlacesOf,
    outlineOf, overdueActions, placeLanguage, placeTitleLine, richHtml, sharedLanguage, stakeholderRows, textDirection, translationOf, updateRowId,
    whoSpokeHtml, workspaceStatistics,
    type ActionLedger, type Document, type LedgerAction, type MeetingOutline, type MeetingPlace, type OutlineOptions, type OutputWords, type RichText
} from 'minutes-language';
import { reportWords } from './actions-digest.js';
import { actionsByOwner } from './actions.js';

/**
 * The pages of a folder's site (`minutes generate FOLDER --format site`): an index of the
 * meetings by series and date, one page per file (the HTML `generate --format html`
 * writes, with the site's navigation), the actions by owner, who was heard in each series,
 * and a search page. Every page is self-contained and asks for nothing outside the site;
 * only the search page has a script, which its policy allows by its digest. Pure: paths
 * (relative, `/`-separated) and contents.
 *
 * A meeting's page is in the meeting's language (its navigation too). The pages that gather
 * meetings are in the language all the meetings share, else the configuration's `locale`,
 * else English; a meeting's title, outcomes and actions on them carry their own `lang`.
 */
export interface SiteSource {
    /** The file's path relative to the folder, `/`-separated: `calls/2018-06-04.minutes`. */
    readonly name: string;
    readonly document: LangiumDocument;
}

export interface SiteOptions {
    /** The site's title (the index's heading); `Meetings: {folderName}` in the site's language by default. */
    readonly title?: string;
    readonly folderName: string;
    /** The day overdue is measured against: `2018-07-02`. */
    readonly today: string;
    /** How the meetings are written out (names, attribution, the configuration's language); the ledger is the site's. */
    readonly outline: OutlineOptions;
}

/** The language a page that gathers meetings is written in, and its words. */
interface PageLanguage {
    readonly tag: string;
    readonly words: OutputWords;
    /** A phrase with a count, in the page's language: `3 meetings`. */
    readonly count: (phrase: Parameters<typeof counted>[0], count: number) => string;
    /** A number as the page writes it. */
    readonly number: (count: number) => string;
    /** ` lang="fr" dir="ltr"` for a part in another language than the page's; nothing otherwise. */
    readonly mark: (tag: string) => string;
}

function pageLanguage(tag: string): PageLanguage {
    return {
        tag,
        words: translationOf(tag).words,
        count: (phrase, count) => counted(phrase, count, tag),
        number: count => formattedCount(count, tag),
        mark: other => other === tag ? '' : ` lang="${escapeAttribute(other)}" dir="${textDirection(other)}"`
    };
}

interface MeetingEntry {
    readonly place: MeetingPlace;
    readonly outline: MeetingOutline;
    /** The page and the meeting's anchor in it, relative to the site's root. */
    readonly href: string;
}

const SITE_STYLE = `
main.site-main { max-width: 72rem; }
.site-main td time, .site-index td:first-child { white-space: nowrap; }
nav.site { border-bottom: 1px solid var(--line); padding: 0.5rem 1rem; }
nav.site ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; max-width: 70rem; margin: 0 auto; padding: 0; }
nav.site a[aria-current="page"] { font-weight: 600; text-decoration: none; color: var(--text); }
.site-index td ul, .site-actions td ul { margin: 0; padding-left: 1.1rem; }
.overdue { font-weight: 600; }
#search-form { margin: 1rem 0; }
#search-form input { font: inherit; padding: 0.3rem 0.5rem; width: min(100%, 24rem); }
#search-results li[hidden] { display: none; }
@media print { nav.site, #search-form { display: none; } }
`;

/** Every page of the site, by path. */
export function sitePages(sources: readonly SiteSource[], ledger: ActionLedger, options: SiteOptions): Map<string, string> {
    const pages = new Map<string, string>();
    const pageOf = meetingPageNames(sources.map(source => source.name));
    const meetings: MeetingEntry[] = [];
    for (const source of sources) {
        const page = pageOf.get(source.name)!;
        const outline = outlineOf(source.document.parseResult.value as Document, { ...options.outline, ledger });
        pages.set(page, htmlOf(outline, { before: navigation('../', undefined, pageLanguage(outline.language)), style: SITE_STYLE }));
        const places = ledger.placesOf(source.document.uri.toString());
        outline.meetings.forEach((meeting, index) => {
            const place = places[index];
            if (place) meetings.push({ place, outline: meeting, href: `${page}#${meeting.id}` });
        });
    }
    const byPlace = new Map(meetings.map(entry => [entry.place, entry]));
    const hrefOfPlace = (place: MeetingPlace) => byPlace.get(place)?.href;
    const language = pageLanguage(sharedLanguage(meetings.map(entry => entry.outline.language), options.outline.language));
    const title = options.title ?? `${language.words.site.meetings}${language.words.labelSeparator}${options.folderName}`;
    pages.set('index.html', indexPage(meetings, ledger, options.today, title, language));
    pages.set('actions.html', actionsPage(ledger, byPlace, options, language));
    pages.set('speakers.html', speakersPage(meetings, sources, language));
    pages.set('search.html', searchPage(meetings, ledger, hrefOfPlace, language));
    return pages;
}

/** The files of a folder that get a page: those with meetings (a directory file has none), named by their path in the folder. */
export function folderSources(folder: string, documents: readonly LangiumDocument[]): SiteSource[] {
    return documents
        .filter(document => meetingPlacesOf(document).length > 0)
        .map(document => ({ name: path.relative(folder, document.uri.fsPath).split(path.sep).join('/'), document }));
}

/** `meetings/calls-2018-06-04.html` for `calls/2018-06-04.minutes`: stable, so that an unchanged meeting keeps its page. */
function meetingPageNames(sourceNames: readonly string[]): Map<string, string> {
    const names = new Map<string, string>();
    const taken = new Set<string>();
    for (const source of [...sourceNames].sort((a, b) => a.localeCompare(b))) {
        const base = source.replace(/\.minutes$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '') || 'meeting';
        let name = base;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
        taken.add(name.toLowerCase());
        names.set(source, `meetings/${name}.html`);
    }
    return names;
}

/**
 * Where each action was agreed on the site of these files published at `siteUrl`: its
 * meeting's page, at the action's row when it has a written identifier.
 */
export function actionUrls(siteUrl: string, sources: readonly SiteSource[]): (action: LedgerAction) => string | undefined {
    const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
    const pages = meetingPageNames(sources.map(source => source.name));
    const pageOfUri = new Map(sources.map(source => [source.document.uri.toString(), pages.get(source.name)!]));
    return action => {
        const page = pageOfUri.get(action.place.uri);
        return page ? new URL(`${page}${action.written ? `#${actionRowId(action.id)}` : ''}`, base).href : undefined;
    };
}

type PageName = 'index' | 'actions' | 'speakers' | 'search';

function navigation(root: string, current: PageName | undefined, language: PageLanguage): string {
    const words = language.words.site;
    const link = (name: PageName, label: string) =>
        `<li><a href="${root}${name}.html"${name === current ? ' aria-current="page"' : ''}>${escapeText(label)}</a></li>`;
    return `<nav class="site" aria-label="${escapeAttribute(words.navigation)}">\n<ul>${link('index', words.meetings)}${link('actions', words.actions)}${link('speakers', words.whoWasHeard)}${link('search', words.search)}</ul>\n</nav>`;
}

function sitePage(title: string, current: PageName, body: string, language: PageLanguage, script?: string): string {
    return htmlPage(title, `<main class="site-main">\n${body}\n</main>`, {
        before: navigation('', current, language), style: SITE_STYLE, script, language: language.tag, direction: textDirection(language.tag)
    });
}

/**
 * An ISO date as a <time>, read left to right: in Arabic text `2018-03-19` would otherwise
 * show as `19-03-2018` (its digits take the paragraph's direction around the hyphens).
 */
function isoTime(date: string): string {
    return `<time datetime="${escapeAttribute(date)}" dir="ltr">${escapeText(date)}</time>`;
}

/** `Title, 2018-03-19` (placeTitleLine) with its date as an isoTime. */
function placeTitleHtml(place: MeetingPlace): string {
    const line = placeTitleLine(place);
    return place.isoDate && line.endsWith(place.isoDate) ? escapeText(line.slice(0, -place.isoDate.length)) + isoTime(place.isoDate) : escapeText(line);
}

function link(href: string | undefined, html: string): string {
    return href ? `<a href="${escapeAttribute(href)}">${html}</a>` : html;
}

/** Series in order of name, meetings without a series last; each series' meetings newest first. */
function bySeries<T extends { place: MeetingPlace }>(entries: readonly T[], language: PageLanguage): Array<{ name: string; key: string; entries: T[] }> {
    const groups = new Map<string, { name: string; key: string; entries: T[] }>();
    for (const entry of entries) {
        const key = entry.place.series ?? '';
        let group = groups.get(key);
        if (!group) groups.set(key, group = { key, name: entry.place.seriesName ?? language.words.site.otherMeetings, entries: [] });
        group.entries.push(entry);
    }
    const sorted = [...groups.values()].sort((a, b) => (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) || a.name.localeCompare(b.name));
    for (const group of sorted) group.entries.sort((a, b) => (b.place.isoDate ?? '').localeCompare(a.place.isoDate ?? '') || a.place.uri.localeCompare(b.place.uri) || a.place.offset - b.place.offset);
    return sorted;
}

function sectionId(prefix: string, key: string, index: number): string {
    return `${prefix}-${index + 1}${key ? `-${key.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase()}` : ''}`;
}

/** What the index says of a meeting's attendance: `attendance:` as written, else how many were there. */
function attendanceOf(meeting: MeetingOutline): string {
    const written = meeting.metadata.find(entry => entry.key === 'attendance');
    if (written) return written.value.map(span => span.text).join('');
    const there = meeting.participants.filter(p => p.attendance === 'present' || p.attendance === 'remote').length;
    return there > 0 ? String(there) : '';
}

/** A meeting's outcomes, labelled in the meeting's language. */
function outcomesHtml(meeting: MeetingOutline): string {
    const items: string[] = [];
    const label = (text: string) => `<strong>${escapeText(text + translationOf(meeting.language).words.colon)}</strong>`;
    for (const outcome of meeting.outcomes) {
        const bullets = outcome.blocks.flatMap(block => block.kind === 'list' ? block.items.map(item => item.text) : []);
        if (!outcome.plural) items.push(`<li>${label(outcome.label)} ${richHtml(outcome.text)}</li>`);
        else for (const bullet of bullets) items.push(`<li>${label(outcome.label)} ${richHtml(bullet)}</li>`);
    }
    return items.length > 0 ? `<ul>${items.join('')}</ul>` : '';
}

function indexPage(meetings: readonly MeetingEntry[], ledger: ActionLedger, today: string, title: string, language: PageLanguage): string {
    const words = language.words.site;
    const listed = new Set(meetings.map(m => m.place));
    const actions = ledger.actions.filter(action => listed.has(action.place));
    const open = actions.filter(action => action.current.status === 'open');
    const overdue = overdueActions({ ...ledger, actions: open }, today).length;
    const dates = meetings.map(m => m.place.isoDate).filter((d): d is string => d !== undefined).sort();
    const series = bySeries(meetings, language);
    const span = dates.length > 0 ? [filledHtml(words.dateRange, { from: isoTime(dates[0]), to: isoTime(dates[dates.length - 1]) })] : [];
    const late = overdue > 0 ? [filledHtml(words.overdueOn, { count: escapeText(language.number(overdue)), date: isoTime(today) })] : [];
    const parts = [
        `<h1>${escapeText(title)}</h1>`,
        `<p>${[escapeText(language.count(words.meetingCount, meetings.length)), ...span].join(words.clauseSeparator)}${words.fullStop} `
            + `${[`<a href="actions.html">${escapeText(language.count(words.openActionCount, open.length))}</a>`, ...late].join(words.clauseSeparator)}${words.fullStop}</p>`
    ];
    if (series.length > 1) {
        parts.push(`<nav class="contents" aria-label="${escapeAttribute(words.series)}">`, `<p class="nav-title">${escapeText(words.series)}</p>`, '<ul>',
            ...series.map((group, i) => `<li><a href="#${sectionId('series', group.key, i)}">${escapeText(group.name)}</a> (${language.number(group.entries.length)})</li>`), '</ul>', '</nav>');
    }
    series.forEach((group, i) => {
        parts.push(`<section class="site-index" aria-labelledby="${sectionId('series', group.key, i)}">`,
            `<h2 id="${sectionId('series', group.key, i)}">${escapeText(group.name)}</h2>`,
            '<div class="table-wrap">', '<table>',
            `<caption>${escapeText(filled(words.seriesCaption, { series: group.name, meetings: language.count(words.meetingCount, group.entries.length) }))}</caption>`,
            `<thead><tr>${[words.date, words.meeting, language.words.attendance, words.outcomes, words.actionsAgreed].map(column => `<th scope="col">${escapeText(column)}</th>`).join('')}</tr></thead>`,
            '<tbody>');
        for (const entry of group.entries) {
            const agreed = entry.outline.actions.length;
            // The title, attendance and outcomes are the meeting's own words, in its language.
            const own = language.mark(entry.outline.language);
            parts.push('<tr>'
                + `<td>${entry.place.isoDate ? isoTime(entry.place.isoDate) : escapeText(entry.outline.date?.written ?? '')}</td>`
                + `<th scope="row"${own}>${link(entry.href, escapeText(entry.outline.title))}</th>`
                + `<td data-label="${escapeAttribute(language.words.attendance)}"${own}>${escapeText(attendanceOf(entry.outline))}</td>`
                + `<td data-label="${escapeAttribute(words.outcomes)}"${own}>${outcomesHtml(entry.outline)}</td>`
                + `<td data-label="${escapeAttribute(words.actionsAgreed)}">${agreed > 0 ? language.number(agreed) : ''}</td>`
                + '</tr>');
        }
        parts.push('</tbody>', '</table>', '</div>', '</section>');
    });
    return sitePage(title, 'index', parts.join('\n'), language);
}

function actionsPage(ledger: ActionLedger, byPlace: ReadonlyMap<MeetingPlace, MeetingEntry>, options: SiteOptions, language: PageLanguage): string {
    const { words } = language;
    const site = words.site;
    const listed = ledger.actions.filter(action => byPlace.has(action.place));
    const late = new Map(overdueActions({ ...ledger, actions: listed }, options.today).map(o => [o.action, o.daysLate]));
    const state = (action: LedgerAction) => action.current.status === 'open' ? (late.has(action) ? 0 : 1) : action.current.status === 'done' ? 2 : 3;
    const where = (place: MeetingPlace, anchor: string | undefined) => {
        const entry = byPlace.get(place);
        const text = placeTitleHtml(place);
        const own = language.mark(placeLanguage(place, options.outline.language));
        const target = entry ? link(anchor ? `${entry.href.replace(/#.*$/, '')}#${anchor}` : entry.href, text) : text;
        return own ? `<span${own}>${target}</span>` : target;
    };
    const due = (date: string) => filledHtml(words.dueOn, { date: isoTime(date) });
    const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
    const counts = [0, 0, 0, 0];
    for (const action of listed) counts[state(action)]++;
    const [overdue, open, done, dropped] = counts.map(language.number);
    const parts = [
        `<h1>${escapeText(site.actions)}</h1>`,
        `<p>${filledHtml(site.actionsSummary, { overdue, open, done, dropped, date: isoTime(options.today) })}</p>`
    ];
    const groups = actionsByOwner(listed);
    if (groups.length > 1) {
        parts.push(`<nav class="contents" aria-label="${escapeAttribute(site.owners)}">`, `<p class="nav-title">${escapeText(site.owners)}</p>`, '<ul>',
            ...groups.map((group, i) => `<li><a href="#owner-${i + 1}">${escapeText(group.name)}</a> (${escapeText(filled(site.openCount, { count: language.number(group.actions.filter(a => a.current.status === 'open').length) }))})</li>`), '</ul>', '</nav>');
    }
    groups.forEach((group, i) => {
        parts.push(`<section class="site-actions" aria-labelledby="owner-${i + 1}">`, `<h2 id="owner-${i + 1}">${escapeText(group.name)}</h2>`,
            '<div class="table-wrap">', '<table class="actions">', `<caption>${escapeText(filled(site.actionsOf, { owner: group.name }))}</caption>`,
            `<thead><tr>${[words.action, words.status, site.agreed, site.lastReported].map(column => `<th scope="col">${escapeText(column)}</th>`).join('')}</tr></thead>`, '<tbody>');
        for (const action of [...group.actions].sort((a, b) => state(a) - state(b) || (a.current.due ?? '9999').localeCompare(b.current.due ?? '9999'))) {
            const days = late.get(action);
            const status = days !== undefined
                ? `<span class="overdue">${escapeText(site.overdue)}</span>${site.clauseSeparator}${due(action.current.due!)} (${escapeText(language.count(site.dayCount, days))})`
                : `${escapeText(capitalised(words.statuses[action.current.status]))}${action.current.status === 'open' && action.current.due ? `${site.clauseSeparator}${due(action.current.due)}` : ''}`;
            const last = action.current.lastUpdate;
            const reported = last ? reportWords(last, words) : '';
            // The action's text is its meeting's words, in its language.
            parts.push(`<tr class="status-${action.current.status}">`
                + `<td${language.mark(placeLanguage(action.place, options.outline.language))}><span class="action-id">#${escapeText(action.id)}</span> ${escapeText(action.text)}</td>`
                + `<td data-label="${escapeAttribute(words.status)}">${status}</td>`
                + `<td data-label="${escapeAttribute(site.agreed)}">${where(action.place, action.written ? actionRowId(action.id) : undefined)}</td>`
                + `<td data-label="${escapeAttribute(site.lastReported)}">${last ? `${where(last.place, updateRowId(last.id))}${escapeText(words.labelSeparator + reported)}` : ''}</td>`
                + '</tr>');
        }
        parts.push('</tbody>', '</table>', '</div>', '</section>');
    });
    if (groups.length === 0) parts.push(`<p>${escapeText(site.noActions)}</p>`);
    return sitePage(site.actions, 'actions', parts.join('\n'), language);
}

/**
 * Who was heard in each series: by stakeholder group (the meeting pages' chart and table),
 * then by speaker. Meetings under the Chatham House Rule count in the groups' figures only:
 * their speakers are not named.
 */
function speakersPage(meetings: readonly MeetingEntry[], sources: readonly SiteSource[], language: PageLanguage): string {
    const { words } = language;
    const site = words.site;
    const chart = words.whoSpokeChart;
    const chatham = new Set(sources.filter(s => declaresChathamHouseRule(s.document.parseResult.value as Document)).map(s => s.document.uri.toString()));
    const parts = [`<h1>${escapeText(site.whoWasHeard)}</h1>`];
    bySeries(meetings, language).forEach((group, i) => {
        const places = group.entries.map(entry => entry.place);
        const all = workspaceStatistics(places).overall;
        const named = workspaceStatistics(places.filter(place => !chatham.has(place.uri))).overall;
        const id = sectionId('heard', group.key, i);
        parts.push(`<section aria-labelledby="${id}">`, `<h2 id="${id}">${escapeText(group.name)}</h2>`,
            `<p>${escapeText(filled(site.heardSummary, {
                meetings: language.count(site.meetingCount, group.entries.length),
                interventions: language.count(chart.interventionCount, all.total.interventions),
                words: language.count(chart.wordCount, all.total.words)
            }))}</p>`);
        if (all.total.interventions === 0) {
            parts.push(`<p>${escapeText(site.noInterventions)}</p>`, '</section>');
            return;
        }
        parts.push(whoSpokeHtml(all, stakeholderRows(all), 2, `${id}-groups`, language.tag));
        if (named.speakers.length > 0) {
            parts.push('<div class="table-wrap">', '<table>', `<caption>${escapeText(filled(chatham.size > 0 ? site.speakersOfChatham : site.speakersOf, { series: group.name }))}</caption>`,
                `<thead><tr>${[site.speaker, words.interventions, chart.words].map(column => `<th scope="col">${escapeText(column)}</th>`).join('')}</tr></thead>`, '<tbody>',
                ...[...named.speakers].sort((a, b) => b.words - a.words || a.name.localeCompare(b.name))
                    .map(s => `<tr><th scope="row">${escapeText(s.name)}</th><td data-label="${escapeAttribute(words.interventions)}">${language.number(s.interventions)}</td><td data-label="${escapeAttribute(chart.words)}">${language.number(s.words)}</td></tr>`),
                '</tbody>', '</table>', '</div>');
        }
        parts.push('</section>');
    });
    return sitePage(site.whoWasHeard, 'speakers', parts.join('\n'), language);
}

/**
 * The search page: every meeting, with its date, series, title, speakers, headings,
 * outcomes and actions, as a plain list that the browser's find reads without a script;
 * the script filters it as one types. The list is the index: nothing is fetched.
 */
function searchPage(meetings: readonly MeetingEntry[], ledger: ActionLedger, hrefOf: (place: MeetingPlace) => string | undefined, language: PageLanguage): string {
    const { words } = language;
    const site = words.site;
    const plainText = (text: RichText) => text.map(span => span.text).join('');
    // Grouped once: filtering the ledger for each meeting made the page quadratic in the meetings.
    const actionsOf = new Map<MeetingPlace, string[]>();
    for (const action of ledger.actions) {
        const listed = actionsOf.get(action.place) ?? [];
        listed.push(`#${action.id} ${action.text}`);
        actionsOf.set(action.place, listed);
    }
    const items = [...meetings].sort((a, b) => (b.place.isoDate ?? '').localeCompare(a.place.isoDate ?? '')).map(entry => {
        const meeting = entry.outline;
        const speakers = meeting.participants.map(p => p.party.name);
        const headings = meeting.blocks.flatMap(block => block.kind === 'heading' ? [plainText(block.text)] : []);
        const outcomes = meeting.outcomes.map(o => plainText(o.text)).filter(Boolean);
        const actions = actionsOf.get(entry.place) ?? [];
        const searched = [entry.place.isoDate ?? '', entry.place.seriesName ?? '', meeting.title, ...speakers, ...headings, ...outcomes, ...actions].join(' ');
        const labelled = (label: string, values: string[], separator: string) => values.length > 0 ? `${label}${words.labelSeparator}${values.join(separator)}` : '';
        const detail = [
            labelled(site.people, speakers, words.listSeparator),
            labelled(site.sections, headings, '; '),
            labelled(site.outcomes, outcomes, '; '),
            labelled(site.actions, actions, '; ')
        ].filter(Boolean);
        return `<li data-search="${escapeAttribute(searched)}"${language.mark(meeting.language)}>${link(hrefOf(entry.place), escapeText(`${entry.place.isoDate ? `${entry.place.isoDate} ` : ''}${meeting.title}`))}`
            + `${entry.place.seriesName ? ` <span class="series">(${escapeText(entry.place.seriesName)})</span>` : ''}`
            + `${detail.length > 0 ? `<br><small>${escapeText(detail.join(`${site.fullStop} `))}</small>` : ''}</li>`;
    });
    const all = language.count(site.meetingCount, meetings.length) + site.fullStop;
    // The script shows these as one types; `{shown}` is its count of matches.
    const matching = filled(site.matchCount, { count: language.number(meetings.length) });
    const body = [
        `<h1>${escapeText(site.search)}</h1>`,
        '<form id="search-form" role="search" action="search.html" method="get">',
        `<label for="search-query">${escapeText(site.searchLabel)}</label><br>`,
        `<input id="search-query" name="q" type="search" autocomplete="off"> <button type="submit">${escapeText(site.search)}</button>`,
        '</form>',
        `<p id="search-count" aria-live="polite" data-all="${escapeAttribute(all)}" data-matching="${escapeAttribute(matching)}">${escapeText(all)}</p>`,
        '<ul id="search-results">',
        ...items,
        '</ul>'
    ].join('\n');
    return sitePage(site.search, 'search', body, language, SEARCH_JS);
}

/**
 * Filters the search page's list to the items in which every word typed starts a word
 * (accents and case ignored); reads `?q=` on load. Written into the page (see htmlPage).
 */
const SEARCH_JS = `'use strict';
(function () {
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-query');
  var count = document.getElementById('search-count');
  if (!form || !input || !count) return;
  function words(text) {
    return text.normalize('NFKD').replace(/\\p{M}+/gu, '').toLowerCase().split(/[^\\p{L}\\p{N}]+/u).filter(Boolean);
  }
  var items = Array.prototype.slice.call(document.querySelectorAll('#search-results li')).map(function (item) {
    return { element: item, words: words(item.getAttribute('data-search') || '') };
  });
  function filter() {
    var wanted = words(input.value);
    var shown = 0;
    items.forEach(function (item) {
      var match = wanted.every(function (word) {
        return item.words.some(function (candidate) { return candidate.lastIndexOf(word, 0) === 0; });
      });
      item.element.hidden = !match;
      if (match) shown++;
    });
    count.textContent = wanted.length === 0 ? count.getAttribute('data-all')
      : (count.getAttribute('data-matching') || '').replace('{shown}', String(shown));
  }
  form.addEventListener('submit', function (event) { event.preventDefault(); filter(); });
  input.addEventListener('input', filter);
  var query = new URLSearchParams(window.location.search).get('q');
  if (query) input.value = query;
  filter();
})();
`;
