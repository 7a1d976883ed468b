import { URI, UriUtils, type LangiumDocument } from 'langium';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { Document } from '../generated/ast.js';
import type { ActionLedger } from '../ledger/action-ledger.js';
import type { MinutesSharedServices } from '../minutes-module.js';
import { attendeeReference, structureOf, turnsOf } from '../model/structure.js';
import { GenerationError } from '../generation/generation-error.js';
import { meetingSeries, nextMeeting } from '../ledger/next-meeting.js';
import { checkedDocument } from './generate-request.js';
import {
    CheckWorkspaceRequest, NextMeetingRequest, SeriesRequest, StatsRequest,
    type CheckWorkspaceResult, type DocumentStats, type NextMeetingParams, type NextMeetingResult, type SeriesInfo, type StatsParams
} from './protocol.js';
import { MinutesWorkspaceManager } from '../workspace/minutes-workspace-manager.js';

/**
 * Answers `minutes/stats` (the status bar), `minutes/checkWorkspace` (the command), and
 * `minutes/series` and `minutes/nextMeeting` ("New Meeting in Series…", see nextMeeting).
 */
export function registerWorkspaceRequests(connection: Connection, shared: MinutesSharedServices): void {
    const { LangiumDocuments, DocumentBuilder, WorkspaceLock, WorkspaceManager, ActionLedger } = shared.workspace;

    connection.onRequest(StatsRequest, async (params: StatsParams, token): Promise<DocumentStats | null> => {
        const checked = await checkedDocument(shared, URI.parse(params.uri), token);
        if (!checked) return null;
        return documentStats(checked.document, checked.diagnostics, ActionLedger.ledgerFor(checked.document));
    });

    connection.onRequest(CheckWorkspaceRequest, async (): Promise<CheckWorkspaceResult> => {
        await WorkspaceManager.ready;
        let documents: LangiumDocument[] = [];
        await WorkspaceLock.write(async token => {
            documents = WorkspaceManager instanceof MinutesWorkspaceManager
                ? await WorkspaceManager.loadNewFiles()
                : LangiumDocuments.all.toArray();
            // Validates what start-up only linked; Langium sends each file's diagnostics.
            await DocumentBuilder.build(documents, { validation: true }, token);
        });
        return checkResult(documents);
    });

    connection.onRequest(SeriesRequest, async (): Promise<SeriesInfo[]> => {
        await WorkspaceManager.ready;
        const ledger = ActionLedger.ledger;
        return meetingSeries(ledger.meetings).flatMap(series => series.key === undefined ? [] : [{
            key: series.key,
            name: series.name ?? series.key,
            meetings: series.meetings.length,
            latest: { title: series.latest.title, date: series.latest.isoDate, uri: series.latest.uri }
        }]);
    });

    connection.onRequest(NextMeetingRequest, async (params: NextMeetingParams): Promise<NextMeetingResult> => {
        await WorkspaceManager.ready;
        try {
            const draft = nextMeeting(ActionLedger.ledger, params);
            return {
                ok: true,
                text: draft.text,
                folderUri: UriUtils.dirname(URI.parse(draft.latest.uri)).toString(),
                fileName: draft.fileName,
                openActions: draft.openActions.length,
                withoutIdentifier: draft.withoutIdentifier.length
            };
        } catch (error) {
            if (error instanceof GenerationError) return { ok: false, message: error.message };
            throw error;
        }
    });
}

/** The figures the status bar shows for one document of a workspace. */
export function documentStats(document: LangiumDocument<Document>, diagnostics: readonly Diagnostic[], ledger: ActionLedger): DocumentStats {
    const structure = structureOf(document.parseResult.value);
    const attending = new Set<string>();
    for (const meeting of structure.meetings) {
        for (const attendee of meeting.attendees) {
            if (attendee.attendance !== 'present' && attendee.attendance !== 'remote') continue;
            attending.add(attendee.party ? `party:${attendee.party.name}` : `written:${attendeeReference(attendee).$refText}`);
        }
    }
    const interventions = structure.items.reduce((count, item) => count + turnsOf(item).length, 0);
    // Updates written in later meetings of other files close actions agreed here: a ledger with those files (ActionLedgerService.ledgerFor).
    const uri = document.uri.toString();
    const openActions = ledger.actions.filter(action => action.place.uri === uri && action.current.status === 'open').length;
    return {
        meetings: structure.meetings.length,
        attendees: attending.size,
        interventions,
        openActions,
        errors: diagnostics.filter(d => d.severity === 1).length,
        warnings: diagnostics.filter(d => d.severity === 2).length
    };
}

function checkResult(documents: readonly LangiumDocument[]): CheckWorkspaceResult {
    let errors = 0;
    let warnings = 0;
    let filesWithProblems = 0;
    for (const document of documents) {
        const diagnostics = document.diagnostics ?? [];
        const fileErrors = diagnostics.filter(d => d.severity === 1).length;
        const fileWarnings = diagnostics.filter(d => d.severity === 2).length;
        errors += fileErrors;
        warnings += fileWarnings;
        if (fileErrors + fileWarnings > 0) filesWithProblems++;
    }
    return { files: documents.length, errors, warnings, filesWithProblems };
}
