import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { CancellationToken, type Connection, type InitializeParams } from 'vscode-languageserver';
import { afterEach, describe, expect, test } from 'vitest';
import { registerGenerateRequest } from '../../src/requests/generate-request.js';
import { GenerateRequest, type GenerateParams, type GenerateResult } from '../../src/requests/protocol.js';
import { createMinutesServices } from '../../src/minutes-module.js';
import { fixtureFiles } from '../helpers/fixtures.js';

// What the editor's generate commands get from the server: the attribution they pass, and
// the earlier meetings' actions from the whole workspace.

let folder: string | undefined;
afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
    folder = undefined;
});

async function serve(files: Record<string, string>) {
    folder = await mkdtemp(path.join(tmpdir(), 'minutes-ledger-request-'));
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
    const { shared } = createMinutesServices(NodeFileSystem);
    let handler: ((params: GenerateParams, token: CancellationToken) => Promise<GenerateResult>) | undefined;
    const connection = { onRequest: (method: string, h: never) => { if (method === GenerateRequest) handler = h; } } as unknown as Connection;
    registerGenerateRequest(connection, shared);
    shared.workspace.WorkspaceManager.initialize({
        workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'workspace' }], capabilities: {}, processId: null, rootUri: null
    } as InitializeParams);
    await shared.workspace.WorkspaceManager.initialized({});
    const answer = (name: string, params: Omit<GenerateParams, 'uri'>) => handler!({ uri: URI.file(path.join(folder!, name)).toString(), ...params }, CancellationToken.None);
    return Object.assign(async (name: string, params: Omit<GenerateParams, 'uri'>) => {
        const result = await answer(name, params);
        if (!result.ok) throw new Error(JSON.stringify(result));
        return result.content;
    }, { answer });
}

describe('minutes/generate and the ledger', () => {
    test('the email of a meeting lists the actions of the earlier meetings of the workspace', async () => {
        const generate = await serve(fixtureFiles('series'));
        const email = await generate('2018-06-04-call.minutes', { format: 'email', wrapWidth: 0 });
        expect(email).toContain('Actions from earlier meetings\n- #ig-paper (Marilyn Cade): Draft a paper on the gaps between cybernorms and Internet governance.\n');
        expect(email).toContain('- #2018-03-19-share-slides-cybercrime (Tatiana Tropina): Share the slides on cybercrime capacity building.\n  Still open.');
    });

    test('the attribution the command chose is applied; without one, the file\'s rule decides', async () => {
        const files = fixtureFiles('series');
        const ruled = files['2018-04-23-call.minutes'].replace('chair: @mcade\n', 'chair: @mcade\nrule: Chatham House\n');
        const generate = await serve({ ...files, '2018-04-23-call.minutes': ruled });
        const none = await generate('2018-04-23-call.minutes', { format: 'email', wrapWidth: 0, attribution: 'none' });
        expect(none).toContain('A participant from the technical community: The report went out early in April.');
        expect(none).not.toMatch(/Nigel|Hickson|Shears|Marilyn|Cade|Tropina/);
        const byRule = await generate('2018-04-23-call.minutes', { format: 'email', wrapWidth: 0 });
        expect(byRule).toContain('A participant from ICANN: The report went out early in April.');
        const full = await generate('2018-04-23-call.minutes', { format: 'email', wrapWidth: 0, attribution: 'full' });
        expect(full).toContain('Nigel Hickson: The report went out early in April.');
    });

    test('the repository\'s configuration applies as in minutes generate: its locale, attribution and width', async () => {
        const generate = await serve({
            '.minutes.jsonc': '{ "locale": "fr", "attribution": "none", "email": { "width": 40 } }\n',
            'people.minutes': 'person @mcade Marilyn Cade\n',
            'appel.minutes': 'meeting: Un appel\ndate: 2025-03-19\n\n@mcade: Une intervention assez longue pour que la ligne soit coupée.\n',
            'call.minutes': 'meeting: A call\nlanguage: en\ndate: 2025-03-19\n'
        });
        const html = await generate('appel.minutes', { format: 'html' });
        expect(html).toContain('<html lang="fr" dir="ltr">');
        expect(html).toContain('19 mars 2025');
        expect(html).not.toContain('Marilyn');
        const email = await generate('appel.minutes', { format: 'email' });
        expect(email).toContain('Un participant: Une intervention assez\n');
        // What the editor sends wins over the configuration.
        expect(await generate('appel.minutes', { format: 'email', wrapWidth: 0, attribution: 'full' })).toContain('Marilyn Cade: Une intervention assez longue pour que la ligne soit coupée.');
        expect(await generate('call.minutes', { format: 'html' })).toContain('<html lang="en" dir="ltr">');
    });

    test('an unknown format or attribution is answered with a message, not an internal error', async () => {
        const generate = await serve(fixtureFiles('series'));
        expect(await generate.answer('2018-06-04-call.minutes', { format: 'pdf' as never, wrapWidth: 0 })).toEqual({
            ok: false, reason: 'cannot-generate', message: "'pdf' is not an output format: email, eml, html, json or markdown."
        });
        expect(await generate.answer('2018-06-04-call.minutes', { format: 'email', wrapWidth: 0, attribution: 'anonymous' as never })).toEqual({
            ok: false, reason: 'cannot-generate', message: "'anonymous' is not an attribution: full, organisation or none."
        });
    });
});
