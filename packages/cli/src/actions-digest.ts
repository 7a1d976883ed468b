import { URI } from 'langium';
import {
    addressList, composeMessage, counted, displayWidth, emailAddressOf, escapeAttribute, escapeText, filled, filledHtml, formattedCount, htmlPage, overdueActions,
    partyAddress, placeLanguage, placeTitleLine, sharedLanguage, shortName, textDirection, translationOf,
    type ActionLedger, type Address, type LedgerAction, type MeetingPlace, type OutputWords, type Party
} from 'minutes-language';
import { displayPath } from './workspace.js';

/** One owner's digest: the file name it is written to and the message. */
export interface Digest {
    readonly fileName: string;
    readonly owner: string;
    /** Whether the owner has an `email:` the message is addressed to. */
    readonly addressed: boolean;
    readonly message: string;
}

interface DigestEntry {
    readonly action: LedgerAction;
    /** Whose digest the entry is in: one of the action's owners. */
    readonly owner: Party;
    /** Days past the due date; 0 when not overdue. */
    readonly daysLate: number;
}

/**
 * `minutes actions --format eml --per-owner`: a message to each owner listing the actions
 * they own that are open, the overdue ones first (most overdue first), each with where it
 * was agreed and last reported on. Made by the eml generator's composer, with its
 * address and header safety; the owner's address is their directory `email:`. Written in
 * the language the owner's meetings share, else `language` (the configuration's), else English.
 */
export async function ownerDigests(ledger: ActionLedger, listed: readonly LedgerAction[], options: { from: string; today: string; linkOf?: (action: LedgerAction) => string | undefined; language?: string }): Promise<Digest[]> {
    const from = addressList('from', options.from);
    const open = listed.filter(action => action.current.status === 'open');
    const late = new Map(overdueActions({ ...ledger, actions: open }, options.today).map(o => [o.action, o.daysLate]));
    const byOwner = new Map<Party, DigestEntry[]>();
    for (const action of open) {
        for (const owner of action.owners) {
            const list = byOwner.get(owner) ?? [];
            list.push({ action, owner, daysLate: late.get(action) ?? 0 });
            byOwner.set(owner, list);
        }
    }
    const digests: Digest[] = [];
    const names = new Set<string>();
    for (const [owner, entries] of [...byOwner].sort(([a], [b]) => a.name.localeCompare(b.name))) {
        entries.sort((a, b) => b.daysLate - a.daysLate || (a.action.current.due ?? '9999').localeCompare(b.action.current.due ?? '9999'));
        const email = emailAddressOf(owner);
        const to: Address[] = email ? partyAddress('to', shortName(owner), email) : [];
        const overdue = entries.filter(entry => entry.daysLate > 0).length;
        const name = shortName(owner);
        const language = sharedLanguage(entries.map(entry => placeLanguage(entry.action.place, options.language)), options.language);
        const { words } = translationOf(language);
        const number = (count: number) => formattedCount(count, language);
        const counts = [filled(words.site.openCount, { count: number(entries.length) }), ...(overdue > 0 ? [filled(words.digest.overdueCount, { count: number(overdue) })] : [])]
            .join(words.site.clauseSeparator);
        const subject = filled(words.digest.subject, { counts, date: options.today });
        const writing: DigestLanguage = { tag: language, words };
        let fileName = `${owner.name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '') || 'owner'}.eml`;
        for (let n = 2; names.has(fileName.toLowerCase()); n++) fileName = fileName.replace(/(-\d+)?\.eml$/, `-${n}.eml`);
        names.add(fileName.toLowerCase());
        const message = await composeMessage({
            from, to, subject,
            date: noonUtc(options.today),
            text: digestText(name, entries, options.today, writing, options.linkOf),
            html: htmlPage(`${name}${words.labelSeparator}${counts}`, digestHtml(name, entries, options.today, writing, options.linkOf), { language, direction: textDirection(language) })
        });
        digests.push({ fileName, owner: `@${owner.name}`, addressed: to.length > 0, message });
    }
    return digests;
}

function noonUtc(iso: string): Date {
    const [year, month, day] = iso.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day, 12));
}

/** What the last report on an action said, in a language's words: `done: Sent on 2 May` (the status word translated, the text as written). */
export function reportWords(report: NonNullable<LedgerAction['current']['lastUpdate']>, words: OutputWords): string {
    return [report.status && words.statuses[report.status], report.text].filter(Boolean).join(words.labelSeparator);
}

/** `CCWG-IG call, 2016-12-21 (notes/ccwg.minutes:12)`: a line of a meeting, for a reader to find. */
export function placeReference(place: MeetingPlace, line: number): string {
    return `${placeTitleLine(place)} (${displayPath(URI.parse(place.uri).fsPath)}:${line})`;
}

/** The language a digest is written in, and its words. */
interface DigestLanguage {
    readonly tag: string;
    readonly words: OutputWords;
}

interface EntryFacts {
    readonly id: string;
    readonly text: string;
    readonly due?: string;
    readonly lateness?: string;
    readonly agreed: string;
    /** The action's row on the published site. */
    readonly link?: string;
    readonly reported?: string;
    /** The other owners, the first few by name (`Ann, Bo and 12 others`); empty when there are none. */
    readonly others: string;
}

function factsOf(entry: DigestEntry, { tag, words }: DigestLanguage, linkOf?: (action: LedgerAction) => string | undefined): EntryFacts {
    const { action, daysLate } = entry;
    const last = action.current.lastUpdate;
    const reported = last ? reportWords(last, words) : '';
    return {
        id: action.id,
        text: action.text,
        due: action.current.due,
        lateness: daysLate > 0 ? counted(words.digest.overdueBy, daysLate, tag) : undefined,
        agreed: placeReference(action.place, action.line),
        link: linkOf?.(action),
        reported: last ? `${placeReference(last.place, last.line)}${words.labelSeparator}${reported}` : undefined,
        others: otherOwners(action, entry.owner, { tag, words })
    };
}

/**
 * Co-owners a digest names: an action of a whole group (thousands of owners) would
 * otherwise name every other owner in every owner's digest, the digests growing as the
 * square of the group.
 */
const OTHERS_NAMED = 10;

function otherOwners(action: LedgerAction, owner: Party, { tag, words }: DigestLanguage): string {
    const names: string[] = [];
    for (const party of action.owners) {
        if (names.length === OTHERS_NAMED) break;
        if (party !== owner) names.push(shortName(party));
    }
    for (const name of action.unresolvedOwners) {
        if (names.length === OTHERS_NAMED) break;
        names.push(name);
    }
    // The owner is one of the action's owners, each listed once.
    const more = action.owners.length - 1 + action.unresolvedOwners.length - names.length;
    return names.join(words.listSeparator) + (more > 0 ? ` ${counted(words.digest.moreOwners, more, tag)}` : '');
}

function digestText(owner: string, entries: readonly DigestEntry[], today: string, language: DigestLanguage, linkOf?: (action: LedgerAction) => string | undefined): string {
    const { words } = language;
    const digest = words.digest;
    // The labels of an entry's lines, each padded to the widest (by display width: `截止日期：` is ten columns).
    const labels = [words.due, digest.with, words.site.agreed, words.site.lastReported].map(label => label + words.colon);
    const column = Math.max(...labels.map(displayWidth)) + 1;
    const [due, withOthers, agreed, reported] = labels.map(label => `  ${label}${' '.repeat(column - displayWidth(label))}`);
    const out = [filled(digest.intro, { owner, date: today }), ''];
    for (const entry of entries) {
        const facts = factsOf(entry, language, linkOf);
        out.push(`#${facts.id}  ${facts.text}`);
        if (facts.due) out.push(`${due}${facts.due}${facts.lateness ? `${words.site.clauseSeparator}${facts.lateness}` : ''}`);
        if (facts.others) out.push(`${withOthers}${facts.others}`);
        out.push(`${agreed}${facts.agreed}`);
        if (facts.link) out.push(`${' '.repeat(column + 2)}${facts.link}`);
        if (facts.reported) out.push(`${reported}${facts.reported}`);
        out.push('');
    }
    out.push(filled(digest.reportHint, { example: digest.example }));
    return out.join('\n') + '\n';
}

function digestHtml(owner: string, entries: readonly DigestEntry[], today: string, language: DigestLanguage, linkOf?: (action: LedgerAction) => string | undefined): string {
    const { words } = language;
    const digest = words.digest;
    const rows = entries.map(entry => {
        const facts = factsOf(entry, language, linkOf);
        return [
            `<tr${facts.lateness ? ' class="overdue"' : ''}>`,
            `<td><span class="action-id">#${escapeText(facts.id)}</span> ${escapeText(facts.text)}${facts.others ? `<br>${escapeText(filled(digest.withOthers, { names: facts.others }))}` : ''}</td>`,
            `<td data-label="${escapeAttribute(words.due)}">${facts.due ? `<time datetime="${escapeAttribute(facts.due)}">${escapeText(facts.due)}</time>${facts.lateness ? `<br><strong>${escapeText(facts.lateness)}</strong>` : ''}` : ''}</td>`,
            `<td data-label="${escapeAttribute(words.site.agreed)}">${facts.link ? `<a href="${escapeAttribute(facts.link)}">${escapeText(facts.agreed)}</a>` : escapeText(facts.agreed)}</td>`,
            `<td data-label="${escapeAttribute(words.site.lastReported)}">${escapeText(facts.reported ?? '')}</td>`,
            '</tr>'
        ].join('');
    });
    return [
        '<main>',
        `<h1>${escapeText(filled(digest.heading, { owner }))}</h1>`,
        `<p>${filledHtml(digest.asOf, { date: `<time datetime="${escapeAttribute(today)}" dir="ltr">${escapeText(today)}</time>` })}</p>`,
        '<div class="table-wrap">',
        '<table class="actions">',
        `<caption>${escapeText(digest.openActions)}</caption>`,
        `<thead><tr>${[words.action, words.due, words.site.agreed, words.site.lastReported].map(column => `<th scope="col">${escapeText(column)}</th>`).join('')}</tr></thead>`,
        '<tbody>', ...rows, '</tbody>',
        '</table>',
        '</div>',
        `<p>${filledHtml(digest.reportHint, { example: `<code>${escapeText(digest.example)}</code>` })}</p>`,
        '</main>'
    ].join('\n');
}
