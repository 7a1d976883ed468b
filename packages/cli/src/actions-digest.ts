import { URI } from 'langium';
import {
    addressList, composeMessage, emailAddressOf, escapeAttribute, escapeText, htmlPage, overdueActions, partyAddress, placeTitleLine, shortName,
    type ActionLedger, type Address, type LedgerAction, type MeetingPlace, type Party
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
    /** Days past the due date; 0 when not overdue. */
    readonly daysLate: number;
}

/**
 * `minutes actions --format eml --per-owner`: a message to each owner listing the actions
 * they own that are open, the overdue ones first (most overdue first), each with where it
 * was agreed and last reported on. Made by the eml generator's composer, with its
 * address and header safety; the owner's address is their directory `email:`.
 */
export async function ownerDigests(ledger: ActionLedger, listed: readonly LedgerAction[], options: { from: string; today: string; linkOf?: (action: LedgerAction) => string | undefined }): Promise<Digest[]> {
    const from = addressList('from', options.from);
    const open = listed.filter(action => action.current.status === 'open');
    const late = new Map(overdueActions({ ...ledger, actions: open }, options.today).map(o => [o.action, o.daysLate]));
    const byOwner = new Map<Party, DigestEntry[]>();
    for (const action of open) {
        for (const owner of action.owners) {
            const list = byOwner.get(owner) ?? [];
            list.push({ action, daysLate: late.get(action) ?? 0 });
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
        const counts = `${entries.length} open${overdue > 0 ? `, ${overdue} overdue` : ''}`;
        const subject = `Your actions: ${counts} (${options.today})`;
        let fileName = `${owner.name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '') || 'owner'}.eml`;
        for (let n = 2; names.has(fileName.toLowerCase()); n++) fileName = fileName.replace(/(-\d+)?\.eml$/, `-${n}.eml`);
        names.add(fileName.toLowerCase());
        const message = await composeMessage({
            from, to, subject,
            date: noonUtc(options.today),
            text: digestText(name, entries, options.today, options.linkOf),
            html: htmlPage(`${name}: ${counts}`, digestHtml(name, entries, options.today, options.linkOf))
        });
        digests.push({ fileName, owner: `@${owner.name}`, addressed: to.length > 0, message });
    }
    return digests;
}

function noonUtc(iso: string): Date {
    const [year, month, day] = iso.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day, 12));
}

/** `CCWG-IG call, 2016-12-21 (notes/ccwg.minutes:12)`: a line of a meeting, for a reader to find. */
export function placeReference(place: MeetingPlace, line: number): string {
    return `${placeTitleLine(place)} (${displayPath(URI.parse(place.uri).fsPath)}:${line})`;
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
    readonly others: string[];
}

function factsOf(entry: DigestEntry, owner: string, linkOf?: (action: LedgerAction) => string | undefined): EntryFacts {
    const { action, daysLate } = entry;
    const last = action.current.lastUpdate;
    return {
        id: action.id,
        text: action.text,
        due: action.current.due,
        lateness: daysLate > 0 ? `overdue by ${daysLate} day${daysLate === 1 ? '' : 's'}` : undefined,
        agreed: placeReference(action.place, action.line),
        link: linkOf?.(action),
        reported: last ? `${placeReference(last.place, last.line)}: ${[last.status, last.text].filter(Boolean).join(': ')}` : undefined,
        others: [...action.owners.map(party => shortName(party)).filter(name => name !== owner), ...action.unresolvedOwners]
    };
}

function digestText(owner: string, entries: readonly DigestEntry[], today: string, linkOf?: (action: LedgerAction) => string | undefined): string {
    const out = [`${owner}, these actions you own are open as of ${today}:`, ''];
    for (const entry of entries) {
        const facts = factsOf(entry, owner, linkOf);
        out.push(`#${facts.id}  ${facts.text}`);
        if (facts.due) out.push(`  Due:           ${facts.due}${facts.lateness ? `, ${facts.lateness}` : ''}`);
        if (facts.others.length > 0) out.push(`  With:          ${facts.others.join(', ')}`);
        out.push(`  Agreed:        ${facts.agreed}`);
        if (facts.link) out.push(`                 ${facts.link}`);
        if (facts.reported) out.push(`  Last reported: ${facts.reported}`);
        out.push('');
    }
    out.push('Report on each at the next meeting with a line: update #id done: what was done.');
    return out.join('\n') + '\n';
}

function digestHtml(owner: string, entries: readonly DigestEntry[], today: string, linkOf?: (action: LedgerAction) => string | undefined): string {
    const rows = entries.map(entry => {
        const facts = factsOf(entry, owner, linkOf);
        return [
            `<tr${facts.lateness ? ' class="overdue"' : ''}>`,
            `<td><span class="action-id">#${escapeText(facts.id)}</span> ${escapeText(facts.text)}${facts.others.length > 0 ? `<br>With ${escapeText(facts.others.join(', '))}` : ''}</td>`,
            `<td data-label="Due">${facts.due ? `<time datetime="${escapeAttribute(facts.due)}">${escapeText(facts.due)}</time>${facts.lateness ? `<br><strong>${escapeText(facts.lateness)}</strong>` : ''}` : ''}</td>`,
            `<td data-label="Agreed">${facts.link ? `<a href="${escapeAttribute(facts.link)}">${escapeText(facts.agreed)}</a>` : escapeText(facts.agreed)}</td>`,
            `<td data-label="Last reported">${escapeText(facts.reported ?? '')}</td>`,
            '</tr>'
        ].join('');
    });
    return [
        '<main>',
        `<h1>${escapeText(owner)}: open actions</h1>`,
        `<p>As of <time datetime="${escapeAttribute(today)}">${escapeText(today)}</time>.</p>`,
        '<div class="table-wrap">',
        '<table class="actions">',
        '<caption>Open actions</caption>',
        '<thead><tr><th scope="col">Action</th><th scope="col">Due</th><th scope="col">Agreed</th><th scope="col">Last reported</th></tr></thead>',
        '<tbody>', ...rows, '</tbody>',
        '</table>',
        '</div>',
        '<p>Report on each at the next meeting with a line: <code>update #id done: what was done.</code></p>',
        '</main>'
    ].join('\n');
}
