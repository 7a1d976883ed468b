import type { Party } from '../generated/ast.js';
import { compareDates, isoDate, parseDate } from '../model/dates.js';
import type { ActionItem, ActionReport, ActionStatus, Meeting } from '../model/structure.js';
import { splitActionHeader } from '../model/structure.js';
import { actionIdKey, DerivedActionIds } from './action-ids.js';
import { compareMeetingPlaces, lineOf, meetingPlaces, type MeetingPlace, type SourceDocument } from './meetings.js';

/**
 * The action ledger of a workspace: every action item agreed in any meeting, with its
 * identifier, owners, due date and status, and every report on it from later meetings.
 *
 * An action's status starts as written in its header (`open` unless `done` or `dropped`)
 * and follows its updates in meeting-date order: `done` and `dropped` close it, `open`
 * reopens it, `moved 2018-05-01` keeps it open with a new due date, and an update without
 * a status word is a progress note that changes nothing. Pure: it reads parsed documents.
 */
export interface ActionLedger {
    /** Every meeting of the documents, in date order (see compareMeetingPlaces). */
    readonly meetings: readonly MeetingPlace[];
    /** Every action, in the order of the meetings that agreed them, then by position. */
    readonly actions: readonly LedgerAction[];
    /** Every update, in the same order. */
    readonly updates: readonly LedgerUpdate[];
    /** Actions that share an identifier (each group in meeting order). */
    readonly duplicates: readonly LedgerAction[][];
    /** The action an identifier names (`wsis-report` or `#wsis-report`), if any: the first agreed. */
    find(id: string): LedgerAction | undefined;
    /** The placed meeting of a meeting of these documents. */
    placeOf(meeting: Meeting): MeetingPlace | undefined;
}

export type ActionState = 'open' | 'done' | 'dropped';

export interface LedgerAction {
    readonly item: ActionItem;
    /** The meeting that agreed it. */
    readonly place: MeetingPlace;
    readonly line: number;
    /** Without `#`: as written, or derived (see {@link written}). */
    readonly id: string;
    /** Whether the identifier is written in the source; a derived one cannot be reported on until it is. */
    readonly written: boolean;
    readonly owners: readonly Party[];
    readonly unresolvedOwners: readonly string[];
    readonly text: string;
    /** Status and due date as agreed. */
    readonly agreed: ActionSnapshot;
    /** Reports on it, in meeting order. */
    readonly updates: readonly LedgerUpdate[];
    /** Status and due date after every update. */
    readonly current: ActionSnapshot;
}

export interface ActionSnapshot {
    readonly status: ActionState;
    /** `2018-04-15`, if any. */
    readonly due?: string;
    /** The latest update taken into account, if any. */
    readonly lastUpdate?: LedgerUpdate;
}

export interface LedgerUpdate {
    readonly report: ActionReport;
    readonly place: MeetingPlace;
    readonly line: number;
    /** The identifier as written, without `#`. */
    readonly id: string;
    /** The status word written (`done`, `dropped`, `moved`, `open`), if any. */
    readonly status?: ActionStatus;
    /** For `moved`: the new due date (`2018-05-01`), if one is written. */
    readonly movedTo?: string;
    readonly text: string;
    /** The action reported on; undefined for an unknown identifier. */
    readonly action?: LedgerAction;
    /** The update's meeting is dated before the meeting that agreed the action. */
    readonly beforeAction: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Builds the ledger of the given documents (typically every document of the workspace). */
export function buildActionLedger(documents: Iterable<SourceDocument>): ActionLedger {
    const places = meetingPlaces(documents);
    const actions: Array<Mutable<LedgerAction>> = [];
    const derived = new DerivedActionIds();
    for (const place of places) {
        for (const item of place.meeting.actions) {
            if (item.id) derived.reserve(item.id);
        }
    }
    for (const place of places) {
        for (const item of place.meeting.actions) {
            const id = item.id ?? derived.derive(item.textWithoutNames, place.isoDate);
            const agreed: ActionSnapshot = {
                status: item.status === 'done' || item.status === 'dropped' ? item.status : 'open',
                due: item.due
            };
            actions.push({
                item, place, line: lineOf(item.action), id, written: item.id !== undefined,
                owners: item.owners, unresolvedOwners: item.unresolvedOwners, text: item.text,
                agreed, updates: [], current: agreed
            });
        }
    }

    const byKey = new Map<string, Array<Mutable<LedgerAction>>>();
    const byNode = new Map<unknown, Mutable<LedgerAction>>();
    for (const action of actions) {
        byNode.set(action.item.action, action);
        if (!action.written) continue;
        const key = actionIdKey(action.id);
        const list = byKey.get(key);
        if (list) list.push(action);
        else byKey.set(key, [action]);
    }

    const updates: LedgerUpdate[] = [];
    for (const place of places) {
        for (const report of place.meeting.updates) {
            const id = (report.update.action.$refText ?? '').replace(/^#/, '');
            // The linker's choice first, so the ledger and the editor agree on which action is meant.
            const target = byNode.get(report.update.action.ref) ?? byKey.get(actionIdKey(id))?.[0];
            const update: LedgerUpdate = {
                report, place, line: lineOf(report.update), id,
                status: report.status,
                movedTo: report.status === 'moved' ? movedDate(report) : undefined,
                text: report.text,
                action: target,
                beforeAction: target !== undefined && isBefore(place, target.place)
            };
            updates.push(update);
            if (target) (target.updates as LedgerUpdate[]).push(update);
        }
    }
    for (const action of actions) action.current = snapshotAfter(action, action.updates);

    const placeByMeeting = new Map(places.map(place => [place.meeting, place]));
    return {
        meetings: places,
        actions,
        updates,
        duplicates: [...byKey.values()].filter(list => list.length > 1),
        find: id => byKey.get(actionIdKey(id))?.[0] ?? actions.find(a => !a.written && actionIdKey(a.id) === actionIdKey(id)),
        placeOf: meeting => placeByMeeting.get(meeting)
    };
}

/** Whether meeting `a` is dated before meeting `b` (both dated). */
function isBefore(a: MeetingPlace, b: MeetingPlace): boolean {
    return a.date !== undefined && b.date !== undefined && compareDates(a.date, b.date) < 0;
}

/** `moved 2018-05-01`, `moved to 1 May 2018`: the new due date, as an ISO date. */
function movedDate(report: ActionReport): string | undefined {
    const { header } = splitActionHeader(report.update.text);
    const rest = header.replace(/\bmoved\b/i, ' ').replace(/^\s*(to|until|till)\b/i, ' ').trim();
    if (!rest) return undefined;
    const parsed = parseDate(rest);
    return parsed.ok && parsed.value.start.day !== undefined ? isoDate(parsed.value.start) : undefined;
}

/** Status and due date of an action after the given updates (in meeting order). */
function snapshotAfter(action: LedgerAction, updates: readonly LedgerUpdate[]): ActionSnapshot {
    let { status, due } = action.agreed;
    let lastUpdate: LedgerUpdate | undefined;
    for (const update of updates) {
        lastUpdate = update;
        switch (update.status) {
            case 'done':
            case 'dropped':
                status = update.status;
                break;
            case 'open':
                status = 'open';
                break;
            case 'moved':
                status = 'open';
                due = update.movedTo ?? due;
                break;
            default:
                break;
        }
    }
    return { status, due, lastUpdate };
}

/**
 * Status and due date of an action as they stood at the end of a meeting: only the
 * updates of that meeting and of the meetings ordered before it count.
 */
export function actionAsOf(action: LedgerAction, place: MeetingPlace): ActionSnapshot {
    return snapshotAfter(action, action.updates.filter(update => compareMeetingPlaces(update.place, place) <= 0));
}

export interface EarlierActionReport {
    readonly update: LedgerUpdate;
    /** The action's status and due date once this meeting's updates are applied. */
    readonly state?: ActionSnapshot;
}

export interface StillOpenAction {
    readonly action: LedgerAction;
    readonly state: ActionSnapshot;
}

/** What a meeting's "Actions from earlier meetings" section shows. */
export interface EarlierActions {
    /** The updates written in the meeting, in order. */
    readonly reported: readonly EarlierActionReport[];
    /**
     * Actions agreed in earlier meetings of the same `group:`/`series:` that are still open
     * at this meeting and that it does not report on.
     */
    readonly stillOpen: readonly StillOpenAction[];
}

/** The actions of earlier meetings as they stand at a given meeting. */
export function earlierActionsOf(ledger: ActionLedger, place: MeetingPlace): EarlierActions {
    const reported = ledger.updates
        .filter(update => update.place === place)
        .map(update => ({ update, state: update.action ? actionAsOf(update.action, place) : undefined }));
    const reportedHere = new Set(reported.map(r => r.update.action).filter(a => a !== undefined));
    const stillOpen: StillOpenAction[] = [];
    if (place.series !== undefined) {
        for (const action of ledger.actions) {
            if (action.place === place || action.place.series !== place.series || reportedHere.has(action)) continue;
            if (compareMeetingPlaces(action.place, place) >= 0) continue;
            const state = actionAsOf(action, place);
            if (state.status === 'open') stillOpen.push({ action, state });
        }
    }
    return { reported, stillOpen };
}

/**
 * The actions a meeting can report on with `update #`: those with a written identifier,
 * agreed in an earlier meeting and still open at this one — of the meeting's own series
 * first, then by due date (soonest first, undated last). Without a meeting, every open one.
 */
export function actionsToReportOn(ledger: ActionLedger, place: MeetingPlace | undefined): StillOpenAction[] {
    const candidates: StillOpenAction[] = [];
    for (const action of ledger.actions) {
        if (!action.written) continue;
        if (place && (action.place === place || compareMeetingPlaces(action.place, place) >= 0)) continue;
        const state = place ? actionAsOf(action, place) : action.current;
        if (state.status === 'open') candidates.push({ action, state });
    }
    const sameSeries = (a: StillOpenAction) => (place?.series !== undefined && a.action.place.series === place.series ? 0 : 1);
    return candidates.sort((a, b) => sameSeries(a) - sameSeries(b)
        || (a.state.due ?? '9999').localeCompare(b.state.due ?? '9999')
        || a.action.id.localeCompare(b.action.id));
}
