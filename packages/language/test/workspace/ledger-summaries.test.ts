import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Document } from '../../src/generated/ast.js';
import {
    actionsToReportOn, buildActionLedger, earlierActionsOf, type ActionLedger, type LedgerAction, type LedgerUpdate
} from '../../src/ledger/action-ledger.js';
import { lineNumberOf } from '../../src/ledger/meetings.js';
import { meetingSeries } from '../../src/ledger/next-meeting.js';
import { structureOf } from '../../src/model/structure.js';
import { EXAMPLES_FOLDER, exampleNames } from '../helpers/examples.js';
import { fixtureFiles } from '../helpers/fixtures.js';
import { DIRECTORY, editDocument } from '../helpers/lsp.js';
import { buildWorkspace } from '../helpers/workspace.js';

/*
 * The language server builds the action ledger from per-document summaries (plain data
 * taken before a closed document's tree is released, dropped when the document is parsed
 * or linked again: ActionLedgerService). That ledger must be the one built from the trees
 * as they stand. Each workspace below is built twice, releasing trees as the server does
 * and keeping them; the first's ledger (from its summaries) is compared with the ledger
 * built from the second's trees, after loading and after edits that move, rename, add and
 * remove actions, updates and owners in open and closed files, and the ledger built from
 * trees is checked against the trees themselves (the linker's choice for each update).
 */

type Workspace = Awaited<ReturnType<typeof buildWorkspace>>;

const REPOSITORY = fileURLToPath(new URL('../../../../', import.meta.url));

function filesOf(folder: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(folder).filter(name => name.endsWith('.minutes')).sort()) {
        files[name] = readFileSync(path.join(folder, name), 'utf8');
    }
    return files;
}

/** Every corpus record with its directory, each in a folder of the one workspace. */
function corpusFiles(): Record<string, string> {
    const corpus = path.join(REPOSITORY, 'corpus');
    const files: Record<string, string> = {};
    for (const folder of readdirSync(corpus).sort()) {
        if (!statSync(path.join(corpus, folder)).isDirectory()) continue;
        for (const [name, text] of Object.entries(filesOf(path.join(corpus, folder)))) files[`${folder}/${name}`] = text;
    }
    return files;
}

function exampleFiles(): Record<string, string> {
    return Object.fromEntries(exampleNames().map(name => [name, readFileSync(path.join(EXAMPLES_FOLDER, name), 'utf8')]));
}

/** A seeded PRNG (mulberry32): the generated workspace is the same at every run. */
function random(seed: number): () => number {
    return () => {
        seed = (seed + 0x6D2B79F5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/**
 * Meetings of three series (one named by a party), with actions written with and without
 * identifiers (some shared), owners known and unknown, due dates, and updates of every kind
 * on earlier and later actions, unknown identifiers among them; undated meetings too.
 */
function generatedFiles(meetings: number, seed: number): Record<string, string> {
    const next = random(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const owners = ['@mcade', '@nhickson', '@mshears', '@ttropina', '@pfaltstrom', '@Marilyn', '@nobody'];
    const groups = ['group: @ICANN', 'group: Working Group on Outreach', 'series: Budget calls'];
    const ids: string[] = [];
    const files: Record<string, string> = { 'directory.minutes': DIRECTORY };
    for (let m = 0; m < meetings; m++) {
        const lines: string[] = [`meeting: Call ${m}`, pick(groups)];
        const month = 1 + (m % 12);
        if (next() < 0.9) lines.push(`date: ${2018 + Math.floor(m / 12)}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`);
        lines.push('', `@mcade: Opening of call ${m}.`, '');
        for (let u = Math.floor(next() * 4); u > 0 && ids.length > 0; u--) {
            const id = next() < 0.1 ? 'unknown-action' : pick(ids);
            const status = pick(['done', 'dropped', 'open', `moved 2019-0${1 + Math.floor(next() * 9)}-15`, 'moved', '']);
            lines.push(`update #${id}${status ? ` ${status}` : ''}: Report ${u} at call ${m}.`);
        }
        lines.push('');
        for (let a = Math.floor(next() * 4); a > 0; a--) {
            const named = next() < 0.75;
            const id = named ? (next() < 0.08 && ids.length > 0 ? pick(ids) : `a${m}-${a}`) : undefined;
            if (id && !ids.includes(id)) ids.push(id);
            const who = next() < 0.8 ? ` ${pick(owners)}` : '';
            const due = next() < 0.6 ? ` due 2018-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-20` : '';
            const status = next() < 0.1 ? ' done' : '';
            lines.push(`action${id ? ` #${id}` : ''}${who}${due}${status}: Prepare item ${a} of call ${m} with ${pick(owners)}.`);
        }
        files[`call-${String(m).padStart(3, '0')}.minutes`] = `${lines.join('\n')}\n`;
    }
    return files;
}

function documentOf(workspace: Workspace, name: string): LangiumDocument<Document> {
    return workspace.services.shared.workspace.LangiumDocuments.getDocument(URI.file(`/workspace/${name}`)) as LangiumDocument<Document>;
}

const where = (place: { uri: string }, line: number) => `${place.uri.split('/workspace/')[1]}:${line}`;
const actionAt = (action: LedgerAction | undefined) => action && where(action.place, action.line);
const updateAt = (update: LedgerUpdate | undefined) => update && where(update.place, update.line);

/** Everything a ledger says, as plain data, with the answers built on it (completion, earlier actions, series). */
function ledgerData(ledger: ActionLedger) {
    return {
        meetings: ledger.meetings.map(place => ({
            at: where(place, place.line), title: place.title, date: place.date, isoDate: place.isoDate, language: place.language,
            series: place.series, seriesName: place.seriesName, seriesAliases: place.seriesAliases, offset: place.offset
        })),
        actions: ledger.actions.map(action => ({
            at: actionAt(action), id: action.id, written: action.written, owners: action.ownerNames, unresolvedOwners: action.unresolvedOwners,
            text: action.text, agreed: { ...action.agreed }, updates: action.updates.map(updateAt),
            current: { status: action.current.status, due: action.current.due, lastUpdate: updateAt(action.current.lastUpdate) }
        })),
        updates: ledger.updates.map(update => ({
            at: updateAt(update), id: update.id, status: update.status, movedTo: update.movedTo, text: update.text,
            action: actionAt(update.action), beforeAction: update.beforeAction
        })),
        duplicates: ledger.duplicates.map(list => list.map(actionAt)),
        found: ledger.actions.map(action => actionAt(ledger.find(action.id))),
        toReportOn: [undefined, ...ledger.meetings].map(place => actionsToReportOn(ledger, place).map(({ action, state }) => `${actionAt(action)} ${state.status} ${state.due}`)),
        earlier: ledger.meetings.map(place => {
            const section = earlierActionsOf(ledger, place);
            return {
                reported: section.reported.map(({ update, state }) => `${updateAt(update)} ${state?.status} ${state?.due}`),
                stillOpen: section.stillOpen.map(({ action, state }) => `${actionAt(action)} ${state.status} ${state.due}`),
                more: section.moreStillOpen
            };
        }),
        series: meetingSeries(ledger.meetings).map(series => ({ key: series.key, name: series.name, meetings: series.meetings.length, latest: where(series.latest, series.latest.line) }))
    };
}

/** The ledger built from the trees agrees with the trees: meetings, actions, owners, and the linker's choice for each update. */
function expectLedgerOfTrees(workspace: Workspace, ledger: ActionLedger): void {
    const documents = workspace.services.shared.workspace.LangiumDocuments.all.toArray();
    for (const document of documents) {
        const meetings = structureOf(document.parseResult.value as Document).meetings;
        const places = ledger.placesOf(document.uri.toString());
        expect(places.map(place => place.line)).toEqual(meetings.map(meeting => lineNumberOf(meeting.start ?? meeting.firstBlock)));
        meetings.forEach((meeting, index) => {
            expect(ledger.placeOf(meeting)).toBe(places[index]);
            expect(places[index]!.meeting).toBe(meeting);
        });
    }
    for (const action of ledger.actions) {
        expect(action.line).toBe(lineNumberOf(action.item.action));
        expect(action.ownerNames).toEqual(action.owners.map(party => party.name));
        expect(action.text).toBe(action.item.text);
    }
    for (const update of ledger.updates) {
        expect(update.line).toBe(lineNumberOf(update.report.update));
        const chosen = update.report.update.action.ref;
        if (chosen && ledger.actions.some(action => action.item.action === chosen)) expect(update.action?.item.action).toBe(chosen);
    }
}

/**
 * The server's ledger (from summaries, trees released) and the ledger of a workspace that keeps its trees (edited
 * as the first) against the one built from the trees of a workspace built afresh from the same texts.
 */
async function expectSameLedgers(light: Workspace, kept: Workspace): Promise<void> {
    const trees = light.services.shared.workspace.ClosedDocumentTrees;
    const parsedAgain = trees.counts.parsedAgain;
    const fromSummaries = light.services.shared.workspace.ActionLedger.ledger;
    expect(trees.counts.parsedAgain).toBe(parsedAgain);
    const texts = Object.fromEntries(kept.services.shared.workspace.LangiumDocuments.all
        .map(document => [document.uri.path.replace(/^\/workspace\//, ''), document.textDocument.getText()]));
    const fresh = await buildWorkspace(texts);
    const fromTrees = buildActionLedger(fresh.services.shared.workspace.LangiumDocuments.all);
    expectLedgerOfTrees(fresh, fromTrees);
    const expected = ledgerData(fromTrees);
    expect(ledgerData(fromSummaries)).toEqual(expected);
    expect(ledgerData(kept.services.shared.workspace.ActionLedger.ledger)).toEqual(expected);
}

function releasedCount(workspace: Workspace): number {
    const trees = workspace.services.shared.workspace.ClosedDocumentTrees;
    return workspace.services.shared.workspace.LangiumDocuments.all.filter(document => trees.isReleased(document)).count();
}

async function both(files: Record<string, string>): Promise<{ light: Workspace; kept: Workspace }> {
    return { light: await buildWorkspace(files, { releaseClosedTrees: true }), kept: await buildWorkspace(files) };
}

async function edit(workspaces: { light: Workspace; kept: Workspace }, name: string, change: (text: string) => string): Promise<void> {
    for (const workspace of [workspaces.light, workspaces.kept]) {
        const document = documentOf(workspace, name);
        const text = (workspace === workspaces.light ? documentOf(workspaces.kept, name) : document).textDocument.getText();
        await editDocument(workspace.services, document.uri, change(text));
    }
}

describe('the action ledger from per-document summaries', () => {
    test('the examples, the corpus and the fixtures: the same ledger as from the trees', async () => {
        const sets = {
            examples: exampleFiles(),
            corpus: corpusFiles(),
            ...Object.fromEntries(['series', 'generation', 'stats', 'regressions', 'validation'].map(folder => [`fixtures/${folder}`, fixtureFiles(folder)]))
        };
        for (const [name, files] of Object.entries(sets)) {
            const workspaces = await both(files);
            if (name !== 'fixtures/stats') expect(releasedCount(workspaces.light), name).toBeGreaterThan(0);
            expect(workspaces.light.services.shared.workspace.ActionLedger.ledger.meetings.length, name).toBeGreaterThan(0);
            await expectSameLedgers(workspaces.light, workspaces.kept);
        }
    }, 240_000);

    test('a generated workspace, through edits of open and closed files and of the directory', async () => {
        const files = generatedFiles(60, 16);
        const workspaces = await both(files);
        const { light } = workspaces;
        expect(releasedCount(light)).toBeGreaterThan(30);
        expect(light.services.shared.workspace.ActionLedger.ledger.updates.filter(update => update.action).length).toBeGreaterThan(20);
        await expectSameLedgers(light, workspaces.kept);

        const ledger = () => light.services.shared.workspace.ActionLedger.ledger;
        // Prose edited in a file with actions and updates: no summary changes, and the ledger built before stands.
        const before = ledger();
        const prose = before.updates.find(update => update.action)!.place.uri.split('/workspace/')[1]!;
        await edit(workspaces, prose, text => text.replace(/Opening of call (\d+)\./, 'Opening of call $1, a minute late.'));
        expect(documentOf(light, prose).textDocument.getText()).toContain('a minute late');
        expect(ledger()).toBe(before);
        await expectSameLedgers(light, workspaces.kept);
        // An update's text edited on its line: its summary changes, and so does the ledger.
        await edit(workspaces, prose, text => text.replace(/(update #[^:\n]*: Report \d+)/, '$1, with figures'));
        expect(ledger()).not.toBe(before);
        expect(ledger().updates.some(update => update.text.includes('with figures'))).toBe(true);
        await expectSameLedgers(light, workspaces.kept);

        // An action reported on from a closed file: lines added above it move it; the file reporting on it is linked again.
        const reported = ledger().updates.find(update => update.action && update.action.place.uri !== update.place.uri)!;
        const target = reported.action!.place.uri.split('/workspace/')[1]!;
        await edit(workspaces, target, text => text.replace('\n\n', '\n\n// Moved down.\n\n'));
        await expectSameLedgers(light, workspaces.kept);

        // Its identifier renamed: the update no longer resolves (or resolves elsewhere by its identifier).
        await edit(workspaces, target, text => text.replace(`#${reported.id}`, `#${reported.id}-renamed`));
        await expectSameLedgers(light, workspaces.kept);

        // A closed file gets an update on an action of another closed file, a new action and a duplicate identifier.
        const other = ledger().actions.find(action => action.written && action.place.uri !== reported.place.uri)!;
        const reporter = reported.place.uri.split('/workspace/')[1]!;
        await edit(workspaces, reporter, text => `${text}\nupdate #${other.id} done: Done at last.\n\naction #${other.id} @mshears: A second one.\n`);
        await expectSameLedgers(light, workspaces.kept);

        // The directory loses people who own actions in closed files: those files are linked again.
        await edit(workspaces, 'directory.minutes', text => text.replace(/person @nhickson[^]*?\n\n/, '').replace(/person @mshears[^]*?\n\n/, ''));
        await expectSameLedgers(light, workspaces.kept);

        // A file emptied, another's meeting undated.
        await edit(workspaces, 'call-005.minutes', () => '');
        await edit(workspaces, 'call-006.minutes', text => text.replace(/^date: .*\n/m, ''));
        await expectSameLedgers(light, workspaces.kept);
        // Released and kept trees both: the directory's, the open files' and those with a name it lost stay.
        expect(releasedCount(light)).toBeGreaterThan(10);
    }, 240_000);
});
