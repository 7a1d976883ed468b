import * as path from 'node:path';
import { URI } from 'langium';
import { buildActionLedger, GenerationError, localIsoDate, nextMeeting, placeTitleLine, type NextMeeting } from 'minutes-language';
import { writeFileAtomic } from './output.js';
import { displayPath, EXTENSION, loadPaths, UsageError } from './workspace.js';

export interface NewOptions {
    series?: string;
    date?: string;
    title?: string;
    output?: string;
    directory?: string[];
}

/**
 * `minutes new`: writes the next meeting of a series (see nextMeeting) to a new file beside
 * the latest meeting, or to -o; `-o -` prints it. Never replaces a file: exit 2 if the
 * file exists. Exit 0 when written.
 */
export async function newCommand(paths: string[], options: NewOptions, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
    const workspace = await loadPaths(paths.length > 0 ? paths : ['.'], { context: options.directory });
    const ledger = buildActionLedger(workspace.all);
    const asked = new Set(workspace.documents.map(document => document.uri.toString()));
    const meetings = ledger.meetings.filter(place => asked.has(place.uri));
    let draft: NextMeeting;
    try {
        // Actions and their updates come from every loaded file; the series from the files asked for.
        draft = nextMeeting({ ...ledger, meetings }, { series: options.series, date: options.date ?? localIsoDate(), title: options.title });
    } catch (error) {
        if (error instanceof GenerationError) throw new UsageError(error.message);
        throw error;
    }

    if (options.output === '-') {
        io.stdout.write(draft.text);
        return 0;
    }
    const output = options.output ?? path.join(path.dirname(URI.parse(draft.latest.uri).fsPath), draft.fileName);
    if (!output.toLowerCase().endsWith(EXTENSION)) throw new UsageError(`${output}: a meeting is a ${EXTENSION} file; choose a name ending in ${EXTENSION}`);
    await writeFileAtomic(output, draft.text, { exclusive: true });

    io.stdout.write(`${displayPath(path.resolve(output))}\n`);
    const attendees = draft.attendees.length;
    const open = draft.openActions.length;
    io.stderr.write(`minutes: wrote the meeting after ${placeTitleLine(draft.latest)}: `
        + `${attendees} usual attendee${attendees === 1 ? '' : 's'} to confirm, ${open} open action${open === 1 ? '' : 's'} to report on\n`);
    for (const action of draft.withoutIdentifier) {
        io.stderr.write(`minutes: ${displayPath(URI.parse(action.place.uri).fsPath)}:${action.line}: this open action has no identifier; `
            + `give it one (e.g. #${action.id}) to report on it with update\n`);
    }
    return 0;
}
