import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import {
    actionRowId, declaresChathamHouseRule, escapeAttribute, escapeText, htmlOf, htmlPage, meetingPlacesOf, outlineOf, overdueActions, placeTitleLine,
    richHtml, stakeholderRows, updateRowId, whoSpokeHtml, workspaceStatistics,
    type ActionLedger, type Document, type LedgerAction, type MeetingOutline, type MeetingPlace, type OutlineOptions, type RichText
} from 'minutes-language';
import { actionsByOwner } from './actions.js';

/**
 * The pages of a folder's site (`minutes generate FOLDER --format site`): an index of the
 * meetings by series and date, one page per file (the HTML `generate --format html`
 * writes, with the site's navigation), the actions by owner, who was heard in each series,
 * and a search page. Every page is self-contained and asks for nothing outside the site;
 * only the search page has a script, which its policy allows by its digest. Pure: paths
 * (relative, `/`-separated) and contents.
 */
export interface SiteSource {
    /** The file's path relative to the folder, `/`-separated: `calls/2018-06-04.minutes`. */
    readonly name: string;
    readonly document: LangiumDocument;
}

export interface SiteOptions {
    /** The site's title (the index's heading). */
    readonly title: string;
    /** The day overdue is measured against: `2018-07-02`. */
    readonly today: string;
    /** How the meetings are written out (names, attribution); the ledger is the site's. */
    readonly outline: OutlineOptions;
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
        pages.set(page, htmlOf(outline, { before: navigation('../', undefined), style: SITE_STYLE }));
        const places = meetingPlacesOf(source.document);
        outline.meetings.forEach((meeting, index) => {
            const place = places[index];
            if (place) meetings.push({ place, outline: meeting, href: `${page}#${meeting.id}` });
        });
    }
    const byPlace = new Map(meetings.map(entry => [entry.place, entry]));
    const hrefOfPlace = (place: MeetingPlace) => byPlace.get(place)?.href;
    pages.set('index.html', indexPage(meetings, ledger, options));
    pages.set('actions.html', actionsPage(ledger, byPlace, options));
    pages.set('speakers.html', speakersPage(meetings, sources));
    pages.set('search.html', searchPage(meetings, ledger, hrefOfPlace));
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

function navigation(root: string, current: PageName | undefined): string {
    const link = (name: PageName, label: string) =>
        `<li><a href="${root}${name}.html"${name === current ? ' aria-current="page"' : ''}>${label}</a></li>`;
    return `<nav class="site" aria-label="Site">\n<ul>${link('index', 'Meetings')}${link('actions', 'Actions')}${link('speakers', 'Who was heard')}${link('search', 'Search')}</ul>\n</nav>`;
}

function sitePage(title: string, current: PageName, body: string, script?: string): string {
    return htmlPage(title, `<main class="site-main">\n${body}\n</main>`, { before: navigation('', current), style: SITE_STYLE, script });
}

function link(href: string | undefined, html: string): string {
    return href ? `<a href="${escapeAttribute(href)}">${html}</a>` : html;
}

/** Series in order of name, meetings without a series last; each series' meetings newest first. */
function bySeries<T extends { place: MeetingPlace }>(entries: readonly T[]): Array<{ name: string; key: string; entries: T[] }> {
    const groups = new Map<string, { name: string; key: string; entries: T[] }>();
    for (const entry of entries) {
        const key = entry.place.series ?? '';
        let group = groups.get(key);
        if (!group) groups.set(key, group = { key, name: entry.place.seriesName ?? 'Other meetings', entries: [] });
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

function outcomesHtml(meeting: MeetingOutline): string {
    const items: string[] = [];
    for (const outcome of meeting.outcomes) {
        const bullets = outcome.blocks.flatMap(block => block.kind === 'list' ? block.items.map(item => item.text) : []);
        if (!outcome.plural) items.push(`<li><strong>${escapeText(outcome.label)}:</strong> ${richHtml(outcome.text)}</li>`);
        else for (const bullet of bullets) items.push(`<li><strong>${escapeText(outcome.label)}:</strong> ${richHtml(bullet)}</li>`);
    }
    return items.length > 0 ? `<ul>${items.join('')}</ul>` : '';
}

function indexPage(meetings: readonly MeetingEntry[], ledger: ActionLedger, options: SiteOptions): string {
    const listed = new Set(meetings.map(m => m.place));
    const actions = ledger.actions.filter(action => listed.has(action.place));
    const open = actions.filter(action => action.current.status === 'open');
    const overdue = overdueActions({ ...ledger, actions: open }, options.today).length;
    const dates = meetings.map(m => m.place.isoDate).filter((d): d is string => d !== undefined).sort();
    const series = bySeries(meetings);
    const parts = [
        `<h1>${escapeText(options.title)}</h1>`,
        `<p>${meetings.length} meeting${meetings.length === 1 ? '' : 's'}${dates.length > 0 ? `, ${escapeText(dates[0])} to ${escapeText(dates[dates.length - 1])}` : ''}. `
            + `<a href="actions.html">${open.length} open action${open.length === 1 ? '' : 's'}</a>${overdue > 0 ? `, ${overdue} overdue on ${escapeText(options.today)}` : ''}.</p>`
    ];
    if (series.length > 1) {
        parts.push('<nav class="contents" aria-label="Series">', '<p class="nav-title">Series</p>', '<ul>',
            ...series.map((group, i) => `<li><a href="#${sectionId('series', group.key, i)}">${escapeText(group.name)}</a> (${group.entries.length})</li>`), '</ul>', '</nav>');
    }
    series.forEach((group, i) => {
        parts.push(`<section class="site-index" aria-labelledby="${sectionId('series', group.key, i)}">`,
            `<h2 id="${sectionId('series', group.key, i)}">${escapeText(group.name)}</h2>`,
            '<div class="table-wrap">', '<table>',
            `<caption>${escapeText(group.name)}: ${group.entries.length} meeting${group.entries.length === 1 ? '' : 's'}, newest first</caption>`,
            '<thead><tr><th scope="col">Date</th><th scope="col">Meeting</th><th scope="col">Attendance</th><th scope="col">Outcomes</th><th scope="col">Actions agreed</th></tr></thead>',
            '<tbody>');
        for (const entry of group.entries) {
            const agreed = entry.outline.actions.length;
            parts.push('<tr>'
                + `<td>${entry.place.isoDate ? `<time datetime="${escapeAttribute(entry.place.isoDate)}">${escapeText(entry.place.isoDate)}</time>` : escapeText(entry.outline.date?.written ?? '')}</td>`
                + `<th scope="row">${link(entry.href, escapeText(entry.outline.title))}</th>`
                + `<td data-label="Attendance">${escapeText(attendanceOf(entry.outline))}</td>`
                + `<td data-label="Outcomes">${outcomesHtml(entry.outline)}</td>`
                + `<td data-label="Actions agreed">${agreed > 0 ? agreed : ''}</td>`
                + '</tr>');
        }
        parts.push('</tbody>', '</table>', '</div>', '</section>');
    });
    return sitePage(options.title, 'index', parts.join('\n'));
}

function actionsPage(ledger: ActionLedger, byPlace: ReadonlyMap<MeetingPlace, MeetingEntry>, options: SiteOptions): string {
    const listed = ledger.actions.filter(action => byPlace.has(action.place));
    const late = new Map(overdueActions({ ...ledger, actions: listed }, options.today).map(o => [o.action, o.daysLate]));
    const state = (action: LedgerAction) => action.current.status === 'open' ? (late.has(action) ? 0 : 1) : action.current.status === 'done' ? 2 : 3;
    const where = (place: MeetingPlace, anchor: string | undefined) => {
        const entry = byPlace.get(place);
        const text = escapeText(placeTitleLine(place));
        return entry ? link(anchor ? `${entry.href.replace(/#.*$/, '')}#${anchor}` : entry.href, text) : text;
    };
    const counts = [0, 0, 0, 0];
    for (const action of listed) counts[state(action)]++;
    const parts = [
        '<h1>Actions</h1>',
        `<p>${counts[0]} overdue on ${escapeText(options.today)}, ${counts[1]} open, ${counts[2]} done, ${counts[3]} dropped; by owner, overdue first.</p>`
    ];
    const groups = actionsByOwner(listed);
    if (groups.length > 1) {
        parts.push('<nav class="contents" aria-label="Owners">', '<p class="nav-title">Owners</p>', '<ul>',
            ...groups.map((group, i) => `<li><a href="#owner-${i + 1}">${escapeText(group.name)}</a> (${group.actions.filter(a => a.current.status === 'open').length} open)</li>`), '</ul>', '</nav>');
    }
    groups.forEach((group, i) => {
        parts.push(`<section class="site-actions" aria-labelledby="owner-${i + 1}">`, `<h2 id="owner-${i + 1}">${escapeText(group.name)}</h2>`,
            '<div class="table-wrap">', '<table class="actions">', `<caption>Actions of ${escapeText(group.name)}</caption>`,
            '<thead><tr><th scope="col">Action</th><th scope="col">Status</th><th scope="col">Agreed</th><th scope="col">Last reported</th></tr></thead>', '<tbody>');
        for (const action of [...group.actions].sort((a, b) => state(a) - state(b) || (a.current.due ?? '9999').localeCompare(b.current.due ?? '9999'))) {
            const days = late.get(action);
            const status = days !== undefined
                ? `<span class="overdue">Overdue</span>, due <time datetime="${escapeAttribute(action.current.due!)}">${escapeText(action.current.due!)}</time> (${days} day${days === 1 ? '' : 's'})`
                : `${escapeText(action.current.status.charAt(0).toUpperCase() + action.current.status.slice(1))}${action.current.status === 'open' && action.current.due ? `, due <time datetime="${escapeAttribute(action.current.due)}">${escapeText(action.current.due)}</time>` : ''}`;
            const last = action.current.lastUpdate;
            parts.push(`<tr class="status-${action.current.status}">`
                + `<td><span class="action-id">#${escapeText(action.id)}</span> ${escapeText(action.text)}</td>`
                + `<td data-label="Status">${status}</td>`
                + `<td data-label="Agreed">${where(action.place, action.written ? actionRowId(action.id) : undefined)}</td>`
                + `<td data-label="Last reported">${last ? `${where(last.place, updateRowId(last.id))}: ${escapeText([last.status, last.text].filter(Boolean).join(': '))}` : ''}</td>`
                + '</tr>');
        }
        parts.push('</tbody>', '</table>', '</div>', '</section>');
    });
    if (groups.length === 0) parts.push('<p>No actions.</p>');
    return sitePage('Actions', 'actions', parts.join('\n'));
}

/**
 * Who was heard in each series: by stakeholder group (the meeting pages' chart and table),
 * then by speaker. Meetings under the Chatham House Rule count in the groups' figures only:
 * their speakers are not named.
 */
function speakersPage(meetings: readonly MeetingEntry[], sources: readonly SiteSource[]): string {
    const chatham = new Set(sources.filter(s => declaresChathamHouseRule(s.document.parseResult.value as Document)).map(s => s.document.uri.toString()));
    const parts = ['<h1>Who was heard</h1>'];
    bySeries(meetings).forEach((group, i) => {
        const places = group.entries.map(entry => entry.place);
        const all = workspaceStatistics(places).overall;
        const named = workspaceStatistics(places.filter(place => !chatham.has(place.uri))).overall;
        const id = sectionId('heard', group.key, i);
        parts.push(`<section aria-labelledby="${id}">`, `<h2 id="${id}">${escapeText(group.name)}</h2>`,
            `<p>${group.entries.length} meeting${group.entries.length === 1 ? '' : 's'}; ${all.total.interventions} interventions, ${all.total.words} words.</p>`);
        if (all.total.interventions === 0) {
            parts.push('<p>No interventions are recorded.</p>', '</section>');
            return;
        }
        parts.push(whoSpokeHtml(all, stakeholderRows(all), 2, `${id}-groups`));
        if (named.speakers.length > 0) {
            parts.push('<div class="table-wrap">', '<table>', `<caption>Speakers of ${escapeText(group.name)}${chatham.size > 0 ? ' (meetings under the Chatham House Rule left out)' : ''}</caption>`,
                '<thead><tr><th scope="col">Speaker</th><th scope="col">Interventions</th><th scope="col">Words</th></tr></thead>', '<tbody>',
                ...[...named.speakers].sort((a, b) => b.words - a.words || a.name.localeCompare(b.name))
                    .map(s => `<tr><th scope="row">${escapeText(s.name)}</th><td data-label="Interventions">${s.interventions}</td><td data-label="Words">${s.words}</td></tr>`),
                '</tbody>', '</table>', '</div>');
        }
        parts.push('</section>');
    });
    return sitePage('Who was heard', 'speakers', parts.join('\n'));
}

/**
 * The search page: every meeting, with its date, series, title, speakers, headings,
 * outcomes and actions, as a plain list that the browser's find reads without a script;
 * the script filters it as one types. The list is the index: nothing is fetched.
 */
function searchPage(meetings: readonly MeetingEntry[], ledger: ActionLedger, hrefOf: (place: MeetingPlace) => string | undefined): string {
    const plainText = (text: RichText) => text.map(span => span.text).join('');
    const items = [...meetings].sort((a, b) => (b.place.isoDate ?? '').localeCompare(a.place.isoDate ?? '')).map(entry => {
        const meeting = entry.outline;
        const speakers = meeting.participants.map(p => p.party.name);
        const headings = meeting.blocks.flatMap(block => block.kind === 'heading' ? [plainText(block.text)] : []);
        const outcomes = meeting.outcomes.map(o => plainText(o.text)).filter(Boolean);
        const actions = ledger.actions.filter(a => a.place === entry.place).map(a => `#${a.id} ${a.text}`);
        const words = [entry.place.isoDate ?? '', entry.place.seriesName ?? '', meeting.title, ...speakers, ...headings, ...outcomes, ...actions].join(' ');
        const detail = [
            speakers.length > 0 ? `People: ${speakers.join(', ')}` : '',
            headings.length > 0 ? `Sections: ${headings.join('; ')}` : '',
            outcomes.length > 0 ? `Outcomes: ${outcomes.join('; ')}` : '',
            actions.length > 0 ? `Actions: ${actions.join('; ')}` : ''
        ].filter(Boolean);
        return `<li data-search="${escapeAttribute(words)}">${link(hrefOf(entry.place), escapeText(`${entry.place.isoDate ? `${entry.place.isoDate} ` : ''}${meeting.title}`))}`
            + `${entry.place.seriesName ? ` <span class="series">(${escapeText(entry.place.seriesName)})</span>` : ''}`
            + `${detail.length > 0 ? `<br><small>${escapeText(detail.join('. '))}</small>` : ''}</li>`;
    });
    const body = [
        '<h1>Search</h1>',
        '<form id="search-form" role="search" action="search.html" method="get">',
        '<label for="search-query">Find meetings by title, person, section, outcome or action</label><br>',
        '<input id="search-query" name="q" type="search" autocomplete="off"> <button type="submit">Search</button>',
        '</form>',
        `<p id="search-count" aria-live="polite">${meetings.length} meeting${meetings.length === 1 ? '' : 's'}.</p>`,
        '<ul id="search-results">',
        ...items,
        '</ul>'
    ].join('\n');
    return sitePage('Search', 'search', body, SEARCH_JS);
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
    count.textContent = wanted.length === 0 ? items.length + (items.length === 1 ? ' meeting.' : ' meetings.')
      : shown + ' of ' + items.length + ' meetings match.';
  }
  form.addEventListener('submit', function (event) { event.preventDefault(); filter(); });
  input.addEventListener('input', filter);
  var query = new URLSearchParams(window.location.search).get('q');
  if (query) input.value = query;
  filter();
})();
`;
