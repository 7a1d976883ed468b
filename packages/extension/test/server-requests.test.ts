import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { CancellationToken, type Connection, type InitializeParams } from 'vscode-languageserver';
import { afterEach, describe, expect, test } from 'vitest';
import { registerGenerateRequest } from '../../language/src/requests/generate-request.js';
import {
    CheckWorkspaceRequest, GenerateRequest, NextMeetingRequest, SeriesRequest, StatsRequest,
    type CheckWorkspaceResult, type DocumentStats, type GenerateParams, type GenerateResult, type NextMeetingParams,
    type NextMeetingResult, type SeriesInfo
} from '../../language/src/requests/protocol.js';
import { globToRegExp, MinutesWorkspaceManager } from '../../language/src/workspace/minutes-workspace-manager.js';
import { registerWorkspaceRequests } from '../../language/src/requests/workspace-requests.js';
import { createMinutesServices } from '../../language/src/minutes-module.js';

// The custom requests the extension sends, answered by the server's handlers in-process:
// the same services as the language server, a workspace folder on disk, and a stand-in
// for the LSP connection that records the handlers.

const DIRECTORY = `person @mcade Marilyn Cade
  alias: Marilyn
  org: @ICANN

person @nhickson Nigel Hickson
  org: @ICANN

org @ICANN Internet Corporation for Assigned Names and Numbers
  acronym: ICANN
`;

const MEETING = `meeting: CCWG-IG session
date: 2018-03-19
chair: @mcade

attendees:
- @mcade
- @nhickson (remote)
- @{Marilyn Cade}

@mcade:
She opened the session with a long sentence that goes on and on so that a narrow email has to wrap it over several lines.

@Marilyn noted the parable of the elephant.

action #report @nhickson due 2018-04-15: Circulate the report.
action #slides @mcade: Share the slides.
`;

const FOLLOW_UP = `meeting: Follow-up
date: 2018-04-20

update #report done: Circulated on 2 April.
`;

let folder: string | undefined;
afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
    folder = undefined;
});

async function startServer(files: Record<string, string>, globs?: string[]) {
    folder = await mkdtemp(path.join(tmpdir(), 'minutes-requests-'));
    for (const [name, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
        await writeFile(path.join(folder, name), text);
    }
    const { shared } = createMinutesServices(NodeFileSystem);
    if (globs) shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { minutes: { directory: { globs } } } });
    const handlers = new Map<string, (params: unknown, token: CancellationToken) => Promise<unknown>>();
    const connection = { onRequest: (method: string, handler: never) => handlers.set(method, handler) } as unknown as Connection;
    registerGenerateRequest(connection, shared);
    registerWorkspaceRequests(connection, shared);
    const workspaceFolders = [{ uri: URI.file(folder).toString(), name: 'workspace' }];
    shared.workspace.WorkspaceManager.initialize({ workspaceFolders, capabilities: {}, processId: null, rootUri: null } as InitializeParams);
    await shared.workspace.WorkspaceManager.initialized({});
    const uriOf = (name: string) => URI.file(path.join(folder!, name)).toString();
    const request = <R>(method: string, params?: object) => handlers.get(method)!(params, CancellationToken.None) as Promise<R>;
    return {
        shared,
        uriOf,
        loaded: () => shared.workspace.LangiumDocuments.all.map((d: LangiumDocument) => path.relative(folder!, d.uri.fsPath)).toArray().sort(),
        generate: (name: string, params: Omit<GenerateParams, 'uri'>) => request<GenerateResult>(GenerateRequest, { uri: uriOf(name), ...params }),
        stats: (name: string) => request<DocumentStats | null>(StatsRequest, { uri: uriOf(name) }),
        checkWorkspace: () => request<CheckWorkspaceResult>(CheckWorkspaceRequest),
        series: () => request<SeriesInfo[]>(SeriesRequest),
        nextMeeting: (params: NextMeetingParams) => request<NextMeetingResult>(NextMeetingRequest, params)
    };
}

describe('minutes/generate', () => {
    test('generates from a file the editor never opened, with the directory of another file', async () => {
        const server = await startServer({ 'directory.minutes': DIRECTORY, 'meeting.minutes': MEETING });
        const email = await server.generate('meeting.minutes', { format: 'email' });
        expect(email.ok).toBe(true);
        if (!email.ok) return;
        expect(email.content).toContain('Subject: CCWG-IG session');
        expect(email.content).toContain('Marilyn Cade');
        expect(email.content).not.toContain('@mcade');

        const html = await server.generate('meeting.minutes', { format: 'html' });
        expect(html.ok && html.content.startsWith('<!DOCTYPE html>')).toBe(true);
        const json = await server.generate('meeting.minutes', { format: 'json' });
        expect(json.ok && JSON.parse(json.content)).toBeTruthy();
    });

    test('wraps the email at the width asked for, and not at all for 0', async () => {
        const server = await startServer({ 'directory.minutes': DIRECTORY, 'meeting.minutes': MEETING });
        const lines = async (wrapWidth: number) => {
            const result = await server.generate('meeting.minutes', { format: 'email', wrapWidth });
            if (!result.ok) throw new Error(JSON.stringify(result));
            return result.content.split('\n');
        };
        expect(Math.max(...(await lines(40)).map(line => line.length))).toBeLessThanOrEqual(40);
        expect((await lines(0)).some(line => line.includes('She opened the session with a long sentence that goes on and on'))).toBe(true);
    });

    test('writes the From and To it is given into the .eml', async () => {
        const server = await startServer({ 'directory.minutes': DIRECTORY, 'meeting.minutes': MEETING });
        const eml = await server.generate('meeting.minutes', { format: 'eml', from: 'Nigel Hickson <nigel@example.org>', to: 'list@example.org' });
        if (!eml.ok) throw new Error(JSON.stringify(eml));
        expect(eml.content).toMatch(/^From: .*nigel@example\.org/m);
        expect(eml.content).toMatch(/^To: list@example\.org/m);
    });

    test('refuses a file with errors, saying which and where', async () => {
        const server = await startServer({ 'directory.minutes': DIRECTORY, 'meeting.minutes': MEETING + '\n@mcdae: A misspelt speaker.\n' });
        const result = await server.generate('meeting.minutes', { format: 'email' });
        expect(result).toMatchObject({ ok: false, reason: 'errors' });
        if (result.ok || result.reason !== 'errors') return;
        expect(result.errors).toHaveLength(1);
        expect(result.errors[0].message).toContain('mcdae');
        expect(result.errors[0].line).toBe(MEETING.split('\n').length);
    });

    test('answers not-found for a file outside the workspace', async () => {
        const server = await startServer({ 'directory.minutes': DIRECTORY });
        expect(await server.generate('elsewhere.minutes', { format: 'email' })).toMatchObject({ ok: false, reason: 'not-found' });
    });
});

describe('minutes/series and minutes/nextMeeting ("New Meeting in Series…")', () => {
    test('lists the series; the next meeting carries the open action, not the closed one, and goes beside the latest', async () => {
        const series = (name: string) => `meeting: ${name}\ngroup: @ICANN\n`;
        const server = await startServer({
            'directory.minutes': DIRECTORY,
            'calls/one.minutes': MEETING.replace('meeting: CCWG-IG session\n', series('CCWG-IG session')),
            'calls/two.minutes': FOLLOW_UP.replace('meeting: Follow-up\n', series('Follow-up'))
        });
        expect(await server.series()).toEqual([{
            key: '@ICANN', name: 'ICANN', meetings: 2, latest: { title: 'Follow-up', date: '2018-04-20', uri: server.uriOf('calls/two.minutes') }
        }]);
        const next = await server.nextMeeting({ series: '@ICANN', date: '2018-05-04' });
        if (!next.ok) throw new Error(next.message);
        expect(next).toMatchObject({ fileName: '2018-05-04-follow-up.minutes', folderUri: URI.file(path.join(folder!, 'calls')).toString(), openActions: 1, withoutIdentifier: 0 });
        expect(next.text).toContain('meeting: Follow-up\ngroup: @ICANN\ndate: 2018-05-04\n');
        expect(next.text).toContain('\nupdate #slides:\n');
        expect(next.text).not.toContain('#report');
        expect(await server.nextMeeting({ series: '@ICANN', date: '2018-04-01' })).toMatchObject({ ok: false, message: expect.stringContaining('before the latest meeting') });
    });
});

describe('minutes/stats', () => {
    test('counts attendees once each, interventions, and actions still open across the workspace', async () => {
        const server = await startServer({ 'directory.minutes': DIRECTORY, 'meeting.minutes': MEETING, 'follow-up.minutes': FOLLOW_UP });
        expect(await server.stats('meeting.minutes')).toEqual({
            meetings: 1,
            attendees: 2, // @mcade and @{Marilyn Cade} are one person
            interventions: 2,
            openActions: 1, // #report is done in the follow-up meeting
            errors: 0,
            warnings: 0
        });
    });
});

describe('minutes/checkWorkspace', () => {
    test('reads files added since start-up and reports every problem of the workspace', async () => {
        const server = await startServer({ 'directory.minutes': DIRECTORY, 'meeting.minutes': MEETING });
        await writeFile(path.join(folder!, 'new.minutes'), '@nobody_known: Hello.\n');
        const result = await server.checkWorkspace();
        const added = server.shared.workspace.LangiumDocuments.getDocument(URI.parse(server.uriOf('new.minutes')));
        expect(added?.diagnostics?.filter(d => d.severity === 1).map(d => d.message).join()).toContain('nobody_known');
        const warnings = added?.diagnostics?.filter(d => d.severity === 2).length ?? 0;
        expect(result).toEqual({ files: 3, errors: 1, warnings, filesWithProblems: 1 });
    });
});

describe('minutes.directory.globs', () => {
    test('loads only the files the globs match', async () => {
        const files = { 'people/directory.minutes': DIRECTORY, 'meetings/2018/a.minutes': MEETING, 'drafts/b.minutes': MEETING, 'notes.minutes': FOLLOW_UP };
        const everything = await startServer(files);
        expect(everything.loaded()).toEqual(['drafts/b.minutes', 'meetings/2018/a.minutes', 'notes.minutes', 'people/directory.minutes']);
        const narrowed = await startServer(files, ['people/*.minutes', 'meetings/**/*.minutes']);
        expect(narrowed.loaded()).toEqual(['meetings/2018/a.minutes', 'people/directory.minutes']);
        expect(narrowed.shared.workspace.WorkspaceManager).toBeInstanceOf(MinutesWorkspaceManager);
    });

    test('glob syntax: **, *, ?, {a,b} and [...]', () => {
        const matches = (glob: string, file: string) => globToRegExp(glob).test(file);
        expect(matches('**/*.minutes', 'a.minutes')).toBe(true);
        expect(matches('**/*.minutes', 'x/y/a.minutes')).toBe(true);
        expect(matches('*.minutes', 'x/a.minutes')).toBe(false);
        expect(matches('dir/**', 'dir/x/y.minutes')).toBe(true);
        expect(matches('{people,orgs}/*.minutes', 'orgs/a.minutes')).toBe(true);
        expect(matches('{people,orgs}/*.minutes', 'other/a.minutes')).toBe(false);
        expect(matches('201?/*.minutes', '2018/a.minutes')).toBe(true);
        expect(matches('201?/*.minutes', '2018x/a.minutes')).toBe(false);
        expect(matches('[ab].minutes', 'b.minutes')).toBe(true);
        expect(matches('[!ab].minutes', 'b.minutes')).toBe(false);
        expect(matches('a.minutes', 'aXminutes')).toBe(false); // the dot is literal
    });
});
