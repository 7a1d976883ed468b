import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import {
    buildActionLedger, GenerationError, namesOf, nameKey, placeTitleLine, shortName,
    type ActionLedger, type ActionState, type LedgerAction, type LedgerUpdate, type MeetingPlace, type Party
} from 'minutes-language';
import { actionsIcs } from './actions-ics.js';
import { ownerDigests } from './actions-digest.js';
import { actionUrls, folderSources } from './site-pages.js';
import { checkOutputPath, writeFileAtomic } from './output.js';
import { displayPath, loadPaths, UsageError } from './workspace.js';
import { ACTION_FORMATS, ACTION_STATES } from './choices.js';
import { todayOption } from './today.js';

export { ACTION_FORMATS, ACTION_STATES };
export type ActionFormat = typeof ACTION_FORMATS[number];

export interface ActionsOptions {
    owner?: string;
    status?: ActionState;
    format: ActionFormat;
    directory?: string[];
    /** eml: one message per owner. */
    perOwner?: boolean;
    /** ics: the file to write; eml: the folder of the messages. */
    output?: string;
    /** eml: the sender. */
    from?: string;
    /** eml: the day the digests are as of (overdue is measured against it). */
    today?: string;
    /** ics and eml: where the folder's site (generate --format site) is published, to link each action to its meeting. */
    siteUrl?: string;
}

/** Where a meeting is, as the listing shows it. */
export interface PlaceSummary {
    file: string;
    line: number;
    meeting: string;
    date: string | null;
    /** The meeting as every listing names it: its title, and its date where the title does not state it (placeTitleLine). */
    titleLine: string;
}

export interface ActionSummary {
    id: string;
    /** False when the identifier is derived (the source has none). */
    idWritten: boolean;
    text: string;
    owners: Array<{ handle: string | null; name: string }>;
    status: ActionState;
    due: string | null;
    agreed: PlaceSummary & { status: ActionState; due: string | null };
    lastReport: (PlaceSummary & { status: string | null; text: string }) | null;
}

export interface OwnerGroup {
    /** `@mcade`; null for actions without an owner. */
    handle: string | null;
    name: string;
    actions: ActionSummary[];
}

/** `minutes actions`: the actions of the given files, grouped by owner. Exit 0. */
export async function actions(paths: string[], options: ActionsOptions, io: { stdout: NodeJS.WritableStream }): Promise<number> {
    const workspace = await loadPaths(paths.length > 0 ? paths : ['.'], { context: options.directory });
    // Updates may sit in any loaded file (a later meeting next to this one): the ledger reads them all,
    // the listing shows the actions agreed in the files asked for.
    const ledger = buildActionLedger(workspace.all);
    const asked = new Set(workspace.documents.map(d => d.uri.toString()));
    const owner = options.owner?.trim();
    if (owner !== undefined && !owner) throw new UsageError('--owner needs a handle or a name');
    const listed = ledger.actions.filter(action => asked.has(action.place.uri)
        && (!options.status || action.current.status === options.status));
    const groups = groupByOwner(listed, owner);
    const linkOf = await siteLinks(paths, workspace.documents, options);
    // A digest is in its owner's meetings' language, else the configuration's locale.
    if (options.format === 'eml') return writeDigests(ledger, listed, groups, { ...options, linkOf, language: workspace.root?.config.locale }, io);
    if (options.format === 'ics') {
        // Each action once, though it is listed under each of its owners.
        const byId = new Map(listed.map(action => [action.id, action]));
        const calendar = actionsIcs(groups.flatMap(group => group.actions.map(action => byId.get(action.id)!)), linkOf, workspace.root?.config.locale);
        if (options.output !== undefined) {
            await writeFileAtomic(await checkOutputPath(options.output, workspace.documents.map(document => document.uri.fsPath)), calendar);
        } else {
            io.stdout.write(calendar);
        }
        return 0;
    }
    if (options.output !== undefined || options.perOwner || options.siteUrl !== undefined) throw new UsageError(`-o, --per-owner and --site-url go with --format ics or eml`);
    io.stdout.write(formatActions(options.format, groups));
    return 0;
}

/**
 * `--site-url`: the address of each action's meeting on the site of the one folder listed,
 * as `generate FOLDER --format site` names its pages.
 */
async function siteLinks(paths: readonly string[], documents: readonly LangiumDocument[], options: ActionsOptions): Promise<((action: LedgerAction) => string | undefined) | undefined> {
    if (options.siteUrl === undefined) return undefined;
    if (!/^https?:\/\/[^\s]+$/i.test(options.siteUrl) || !URL.canParse(options.siteUrl)) throw new UsageError(`--site-url ${options.siteUrl}: give the site's address, https://…`);
    const folder = paths.length === 0 ? '.' : paths.length === 1 ? paths[0] : undefined;
    if (folder === undefined || !(await fs.stat(folder).catch(() => undefined))?.isDirectory()) {
        throw new UsageError('--site-url: list the one folder the site was generated from, so that its pages are named as the site names them');
    }
    return actionUrls(options.siteUrl, folderSources(path.resolve(folder), documents));
}

/** `--format eml --per-owner -o DIR`: one digest per owner, each written atomically into DIR. */
async function writeDigests(ledger: ActionLedger, listed: readonly LedgerAction[], groups: readonly OwnerGroup[], options: ActionsOptions & { linkOf?: (action: LedgerAction) => string | undefined; language?: string }, io: { stdout: NodeJS.WritableStream }): Promise<number> {
    if (!options.perOwner || options.output === undefined) throw new UsageError('--format eml writes one message per owner: give --per-owner and -o FOLDER');
    if (options.from === undefined) throw new UsageError('--format eml needs a sender: --from "Name <address>"');
    const today = todayOption(options.today);
    const stat = await fs.stat(options.output).catch(() => undefined);
    if (stat && !stat.isDirectory()) throw new UsageError(`${options.output}: not a folder; -o names the folder the messages go to`);
    const wanted = new Set(groups.flatMap(group => group.actions.map(action => action.id)));
    let digests;
    try {
        digests = await ownerDigests(ledger, listed.filter(action => wanted.has(action.id)), { from: options.from, today, linkOf: options.linkOf, language: options.language });
    } catch (error) {
        if (error instanceof GenerationError) throw new UsageError(error.message);
        throw error;
    }
    await fs.mkdir(options.output, { recursive: true });
    for (const digest of digests) {
        // The owner filter keeps co-owners' actions in the listing, not their digests.
        if (options.owner !== undefined && !groups.some(group => group.handle === digest.owner)) continue;
        const file = path.join(options.output, digest.fileName);
        await writeFileAtomic(file, digest.message);
        io.stdout.write(`${displayPath(path.resolve(file))}${digest.addressed ? '' : '  (no email: in the directory: no To)'}\n`);
    }
    return 0;
}

function ownerMatches(party: Party | undefined, written: string, wanted: string): boolean {
    const key = nameKey(wanted.replace(/^@/, ''));
    if (party) return namesOf(party).some(name => nameKey(name) === key);
    return nameKey(written) === key;
}

/** Actions of one owner (`handle` null for unresolved owners and for actions without one). */
export interface OwnerActions {
    handle: string | null;
    name: string;
    actions: LedgerAction[];
}

/** Groups actions by owner (an action with two owners is listed under each), owners by name. */
export function actionsByOwner(list: readonly LedgerAction[], owner?: string): OwnerActions[] {
    const groups = new Map<string, OwnerActions>();
    const add = (key: string, handle: string | null, name: string, action: LedgerAction) => {
        let group = groups.get(key);
        if (!group) groups.set(key, group = { handle, name, actions: [] });
        group.actions.push(action);
    };
    for (const action of list) {
        const owners: Array<{ party?: Party; written: string }> = [
            ...action.owners.map(party => ({ party, written: party.name })),
            ...action.unresolvedOwners.map(written => ({ written }))
        ];
        if (owners.length === 0 && owner === undefined) add('', null, 'No owner', action);
        for (const { party, written } of owners) {
            if (owner !== undefined && !ownerMatches(party, written, owner)) continue;
            if (party) add(`@${party.name}`, `@${party.name}`, shortName(party), action);
            else add(`?${written}`, null, written, action);
        }
    }
    return [...groups.values()].sort((a, b) => (a.handle === null ? 1 : 0) - (b.handle === null ? 1 : 0) || a.name.localeCompare(b.name));
}

/** {@link actionsByOwner}, each action summarised as the listing shows it. */
export function groupByOwner(list: readonly LedgerAction[], owner?: string): OwnerGroup[] {
    // An action of several owners is listed under each: summarised once.
    const summaries = new Map<LedgerAction, ActionSummary>();
    const summaryOf = (action: LedgerAction) => summaries.get(action) ?? summaries.set(action, summarise(action)).get(action)!;
    return actionsByOwner(list, owner).map(group => ({ ...group, actions: group.actions.map(summaryOf) }));
}

function placeSummary(place: MeetingPlace, line: number): PlaceSummary {
    return { file: displayPath(URI.parse(place.uri).fsPath), line, meeting: place.title, date: place.isoDate ?? null, titleLine: placeTitleLine(place) };
}

function reportSummary(update: LedgerUpdate): NonNullable<ActionSummary['lastReport']> {
    return { ...placeSummary(update.place, update.line), status: update.status ?? null, text: update.text };
}

export function summarise(action: LedgerAction): ActionSummary {
    return {
        id: action.id,
        idWritten: action.written,
        text: action.text,
        owners: [
            ...action.owners.map(party => ({ handle: `@${party.name}`, name: shortName(party) })),
            ...action.unresolvedOwners.map(name => ({ handle: null, name }))
        ],
        status: action.current.status,
        due: action.current.due ?? null,
        agreed: { ...placeSummary(action.place, action.line), status: action.agreed.status, due: action.agreed.due ?? null },
        lastReport: action.current.lastUpdate ? reportSummary(action.current.lastUpdate) : null
    };
}

export function formatActions(format: ActionFormat, groups: OwnerGroup[]): string {
    switch (format) {
        case 'json':
            return JSON.stringify({ owners: groups }, undefined, 2) + '\n';
        case 'markdown':
            return markdown(groups);
        default:
            return text(groups);
    }
}

function where(place: PlaceSummary): string {
    return `${place.file}:${place.line}  ${place.titleLine}`;
}

function idText(action: ActionSummary): string {
    return action.idWritten ? `#${action.id}` : `#${action.id} (derived)`;
}

function reportText(report: NonNullable<ActionSummary['lastReport']>): string {
    const status = report.status ? `${report.status}: ` : '';
    return `${status}${report.text}`;
}

function text(groups: OwnerGroup[]): string {
    if (groups.length === 0) return 'No actions.\n';
    const out: string[] = [];
    for (const group of groups) {
        out.push(group.handle ? `${group.name} (${group.handle})` : group.name);
        for (const action of group.actions) {
            const due = action.due ? `, due ${action.due}` : '';
            out.push(`  ${idText(action)}  ${action.status}${due}  ${action.text}`);
            out.push(`    agreed  ${where(action.agreed)}`);
            if (action.lastReport) out.push(`    last    ${where(action.lastReport)}: ${reportText(action.lastReport)}`);
        }
        out.push('');
    }
    const distinct = new Set(groups.flatMap(g => g.actions.map(a => a.id))).size;
    out.push(`${distinct} action${distinct === 1 ? '' : 's'}, ${groups.length} owner${groups.length === 1 ? '' : 's'}`);
    return out.join('\n') + '\n';
}

/** Escapes what would break a Markdown table cell. */
function cell(value: string): string {
    return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function markdown(groups: OwnerGroup[]): string {
    if (groups.length === 0) return 'No actions.\n';
    const out: string[] = ['# Actions', ''];
    for (const group of groups) {
        out.push(`## ${cell(group.handle ? `${group.name} (${group.handle})` : group.name)}`, '');
        out.push('| Action | Status | Due | Agreed | Last reported |', '| --- | --- | --- | --- | --- |');
        for (const action of group.actions) {
            const last = action.lastReport ? `${where(action.lastReport)}: ${reportText(action.lastReport)}` : '';
            out.push(`| ${cell(`${idText(action)} ${action.text}`)} | ${action.status} | ${action.due ?? ''} | ${cell(where(action.agreed))} | ${cell(last)} |`);
        }
        out.push('');
    }
    return out.join('\n');
}
