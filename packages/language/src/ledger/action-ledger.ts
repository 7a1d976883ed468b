import type { Document, Party } from '../generated/ast.js';
import { compareDates } from '../model/dates.js';
import { structureOf, type ActionItem, type ActionReport, type ActionStatus, type Meeting } from '../model/structure.js';
import { actionIdKey, DerivedActionIds } from './action-ids.js';
import { summariseDocument, type ActionSummary, type LedgerSummary, type MeetingSummary, type UpdateSummary } from './ledger-summary.js';
import { compareMeetingPlaces, type MeetingPlace, type PlaceData, type SourceDocument } from './meetings.js';

/**
 * The action ledger of a workspace: every action item agreed in any meeting, with its
 * identifier, owners, due date and status, and every report on it from later meetings.
 *
 * An action's status starts as written in its header (`open` unless `done` or `dropped`)
 * and follows its updates in meeting-date order: `done` and `dropped` close it, `open`
 * reopens it, `moved 2018-05-01` keeps it open with a new due date, and an update without
 * a status word is a progress note that changes nothing. Pure: it is built from the
 * documents' summaries (ledger-summary.ts); the nodes of a meeting, an action or an update
 * (`place.meeting`, `item`, `owners`, `report`) are read from the document's tree when asked.
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
    /** The placed meeting of a meeting of these documents (the meeting of the document's tree as it stands). */
    placeOf(meeting: Meeting): MeetingPlace | undefined;
    /** The placed meetings of a document, in document order. */
    placesOf(uri: string): readonly MeetingPlace[];
}

export type ActionState = 'open' | 'done' | 'dropped';

export interface LedgerAction {
    /** Its node: read from its document's tree when asked (a released tree is parsed again). */
    readonly item: ActionItem;
    /** The meeting that agreed it. */
    readonly place: MeetingPlace;
    readonly line: number;
    /** Without `#`: as written, or derived (see {@link written}). */
    readonly id: string;
    /** Whether the identifier is written in the source; a derived one cannot be reported on until it is. */
    readonly written: boolean;
    /** The owners that resolve to a party (read from the tree, as `item`). */
    readonly owners: readonly Party[];
    /** Their handles, without the tree. */
    readonly ownerNames: readonly string[];
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
    /** Its node: read from its document's tree when asked (a released tree is parsed again). */
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

/** A document's ledger summary, and its tree for the callers that read a meeting's nodes (`place.meeting`, `action.item`). */
export interface SummarisedDocument {
    readonly summary: LedgerSummary;
    /** The document's tree: read only when a caller asks for nodes, never to build the ledger. */
    tree(): Document;
}

/** Builds the ledger of the given documents (typically every document of the workspace), from their trees. */
export function buildActionLedger(documents: Iterable<SourceDocument>): ActionLedger {
    return ledgerOfSummaries([...documents].map(document => ({ summary: summariseDocument(document), tree: () => document.parseResult.value as Document })));
}

/** Builds the ledger of documents from their summaries (see ledger-summary.ts): it reads no tree. */
export function ledgerOfSummaries(documents: Iterable<SummarisedDocument>): ActionLedger {
    const placesByUri = new Map<string, MeetingPlace[]>();
    const summarised: Array<{ place: MeetingPlace; meeting: MeetingSummary }> = [];
    for (const { summary, tree } of documents) {
        const places = summary.meetings.map((meeting, index) => {
            const place = placeOfSummary(meeting.place, index, tree);
            summarised.push({ place, meeting });
            return place;
        });
        placesByUri.set(summary.uri, places);
    }
    summarised.sort((a, b) => compareMeetingPlaces(a.place, b.place));
    const places = summarised.map(({ place }) => place);

    const actions: LedgerActionOfSummary[] = [];
    const derived = new DerivedActionIds();
    for (const { meeting } of summarised) {
        for (const action of meeting.actions) {
            if (action.id) derived.reserve(action.id);
        }
    }
    for (const { place, meeting } of summarised) {
        meeting.actions.forEach((action, index) => {
            const id = action.id ?? derived.derive(action.textWithoutNames ?? '', place.isoDate);
            actions.push(new LedgerActionOfSummary(place, index, action, id));
        });
    }

    const byKey = new Map<string, LedgerActionOfSummary[]>();
    // By document, then line: a key made of the two would be a new string to hash per action and per update.
    const byAddress = new Map<string, Map<number, LedgerActionOfSummary>>();
    for (const action of actions) {
        const ofDocument = byAddress.get(action.place.uri);
        if (ofDocument) ofDocument.set(action.line, action);
        else byAddress.set(action.place.uri, new Map([[action.line, action]]));
        if (!action.written) continue;
        const key = actionIdKey(action.id);
        const list = byKey.get(key);
        if (list) list.push(action);
        else byKey.set(key, [action]);
    }

    const updates: LedgerUpdate[] = [];
    for (const { place, meeting } of summarised) {
        meeting.updates.forEach((summary, index) => {
            // The linker's choice first, so the ledger and the editor agree on which action is meant.
            const target = (summary.target && byAddress.get(summary.target.uri)?.get(summary.target.line)) ?? byKey.get(actionIdKey(summary.id))?.[0];
            const update = new LedgerUpdateOfSummary(place, index, summary, target, target !== undefined && isBefore(place, target.place));
            updates.push(update);
            if (target) target.updates.push(update);
        });
    }
    for (const action of actions) action.current = snapshotAfter(action, action.updates);

    return {
        meetings: places,
        actions,
        updates,
        duplicates: [...byKey.values()].filter(list => list.length > 1),
        find: id => byKey.get(actionIdKey(id))?.[0] ?? actions.find(a => !a.written && actionIdKey(a.id) === actionIdKey(id)),
        placeOf: meeting => {
            const root = meeting.firstBlock.$container as Document & { $document?: SourceDocument };
            const uri = root.$document?.uri.toString();
            return uri === undefined ? undefined : placesByUri.get(uri)?.[structureOf(root).meetings.indexOf(meeting)];
        },
        placesOf: uri => placesByUri.get(uri) ?? []
    };
}

/** A placed meeting of a summary: its meeting and document are read from the tree when asked. */
function placeOfSummary(data: PlaceData, index: number, tree: () => Document): MeetingPlace {
    return new PlaceOfSummary(data, index, tree);
}

// The fields of its summary's place, copied (see PlaceData).
interface PlaceOfSummary extends PlaceData {}

class PlaceOfSummary implements MeetingPlace {
    constructor(data: PlaceData, private readonly index: number, private readonly tree: () => Document) {
        Object.assign(this, data);
    }

    get meeting(): Meeting {
        return structureOf(this.tree()).meetings[this.index];
    }

    get document(): Document {
        return this.tree();
    }
}

class LedgerActionOfSummary implements LedgerAction {
    readonly line: number;
    readonly written: boolean;
    readonly ownerNames: readonly string[];
    readonly unresolvedOwners: readonly string[];
    readonly text: string;
    readonly agreed: ActionSnapshot;
    readonly updates: LedgerUpdate[] = [];
    current: ActionSnapshot;

    constructor(readonly place: MeetingPlace, private readonly index: number, summary: ActionSummary, readonly id: string) {
        this.line = summary.line;
        this.written = summary.id !== undefined;
        this.ownerNames = summary.ownerNames;
        this.unresolvedOwners = summary.unresolvedOwners;
        this.text = summary.text;
        this.agreed = { status: summary.status === 'done' || summary.status === 'dropped' ? summary.status : 'open', due: summary.due };
        this.current = this.agreed;
    }

    get item(): ActionItem {
        return this.place.meeting.actions[this.index];
    }

    get owners(): readonly Party[] {
        return this.item.owners;
    }
}

class LedgerUpdateOfSummary implements LedgerUpdate {
    readonly line: number;
    readonly id: string;
    readonly status?: ActionStatus;
    readonly movedTo?: string;
    readonly text: string;

    constructor(readonly place: MeetingPlace, private readonly index: number, summary: UpdateSummary, readonly action: LedgerAction | undefined, readonly beforeAction: boolean) {
        this.line = summary.line;
        this.id = summary.id;
        this.status = summary.status;
        this.movedTo = summary.movedTo;
        this.text = summary.text;
    }

    get report(): ActionReport {
        return this.place.meeting.updates[this.index];
    }
}

/** Whether meeting `a` is dated before meeting `b` (both dated). */
function isBefore(a: MeetingPlace, b: MeetingPlace): boolean {
    return a.date !== undefined && b.date !== undefined && compareDates(a.date, b.date) < 0;
}

/** Status and due date of an action after the given updates (in meeting order), from `start` (as agreed). */
function snapshotAfter(action: LedgerAction, updates: readonly LedgerUpdate[], start: ActionSnapshot = action.agreed): ActionSnapshot {
    let { status, due } = start;
    let lastUpdate = start.lastUpdate;
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
    // The updates are in meeting order: those up to the meeting are a prefix, found by bisection.
    const updates = action.updates;
    let low = 0;
    let high = updates.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (compareMeetingPlaces(updates[middle].place, place) <= 0) low = middle + 1;
        else high = middle;
    }
    return snapshotsOf(action)[low];
}

/** The snapshots of an action after none, one, two… of its updates: folded once, not once per question. */
const snapshotCache = new WeakMap<LedgerAction, ActionSnapshot[]>();

function snapshotsOf(action: LedgerAction): ActionSnapshot[] {
    let snapshots = snapshotCache.get(action);
    if (!snapshots) {
        snapshots = [action.agreed];
        for (let i = 0; i < action.updates.length; i++) snapshots.push(snapshotAfter(action, action.updates.slice(i, i + 1), snapshots[i]));
        snapshotCache.set(action, snapshots);
    }
    return snapshots;
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
    /** How many more are still open than `stillOpen` lists (see STILL_OPEN_SHOWN). */
    readonly moreStillOpen: number;
}

/** The actions of earlier meetings as they stand at a given meeting. */
export function earlierActionsOf(ledger: ActionLedger, place: MeetingPlace): EarlierActions {
    const index = indexOf(ledger);
    const reported = (index.updatesAt.get(place) ?? [])
        .map(update => ({ update, state: update.action ? actionAsOf(update.action, place) : undefined }));
    const open = index.stillOpenAt.get(place);
    return {
        reported,
        stillOpen: (open?.shown ?? []).map(action => ({ action, state: actionAsOf(action, place) })),
        moreStillOpen: open?.more ?? 0
    };
}

/**
 * At most this many actions still open are listed for a meeting, the oldest first; the
 * section says how many more there are. A series of n meetings that leave their actions
 * open would otherwise list n²/2 of them (50 KB of notes gave 22 MB of HTML).
 */
export const STILL_OPEN_SHOWN = 50;

interface LedgerIndex {
    readonly updatesAt: ReadonlyMap<MeetingPlace, LedgerUpdate[]>;
    /** For each meeting of a series: the first actions of its earlier meetings still open at its end, and how many more. */
    readonly stillOpenAt: ReadonlyMap<MeetingPlace, { shown: LedgerAction[]; more: number }>;
}

const indexes = new WeakMap<ActionLedger, LedgerIndex>();

/**
 * What the sections of every meeting need, computed once per ledger in one pass over the
 * meetings in order: the updates of each meeting, and per series the set of its actions
 * still open, which each meeting's updates change (whatever its own series) and to which
 * its own open actions are added once it ends. Each meeting takes the first few of its
 * series' set; asking each meeting for every earlier action was quadratic.
 */
function indexOf(ledger: ActionLedger): LedgerIndex {
    let index = indexes.get(ledger);
    if (index) return index;
    const updatesAt = new Map<MeetingPlace, LedgerUpdate[]>();
    for (const update of ledger.updates) {
        const list = updatesAt.get(update.place);
        if (list) list.push(update);
        else updatesAt.set(update.place, [update]);
    }
    const actionsAt = new Map<MeetingPlace, LedgerAction[]>();
    for (const action of ledger.actions) {
        const list = actionsAt.get(action.place);
        if (list) list.push(action);
        else actionsAt.set(action.place, [action]);
    }
    const openBySeries = new Map<string, Set<LedgerAction>>();
    const openIn = (series: string) => {
        let open = openBySeries.get(series);
        if (!open) openBySeries.set(series, open = new Set());
        return open;
    };
    const stillOpenAt = new Map<MeetingPlace, { shown: LedgerAction[]; more: number }>();
    for (const place of ledger.meetings) {
        const updates = updatesAt.get(place) ?? [];
        for (const { action } of updates) {
            if (!action || action.place.series === undefined || compareMeetingPlaces(action.place, place) >= 0) continue;
            const open = openIn(action.place.series);
            if (actionAsOf(action, place).status === 'open') open.add(action);
            else open.delete(action);
        }
        if (place.series === undefined) continue;
        const open = openIn(place.series);
        const reportedHere = new Set(updates.flatMap(update => update.action && open.has(update.action) ? [update.action] : []));
        const shown: LedgerAction[] = [];
        for (const action of open) {
            if (shown.length === STILL_OPEN_SHOWN) break;
            if (!reportedHere.has(action)) shown.push(action);
        }
        stillOpenAt.set(place, { shown, more: open.size - reportedHere.size - shown.length });
        for (const action of actionsAt.get(place) ?? []) {
            if (actionAsOf(action, place).status === 'open') open.add(action);
        }
    }
    index = { updatesAt, stillOpenAt };
    indexes.set(ledger, index);
    return index;
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
