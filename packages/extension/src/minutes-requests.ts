import {
    CheckWorkspaceRequest, GenerateRequest, NextMeetingRequest, SeriesRequest, StatsRequest,
    type CheckWorkspaceResult, type DocumentStats, type GenerateFormat, type GenerateParams, type GenerateResult,
    type NextMeetingParams, type NextMeetingResult, type SeriesInfo, type StatsParams
} from 'minutes-language/protocol';
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';

export type { CheckWorkspaceResult, DocumentStats, GenerateFormat, GenerateResult, NextMeetingResult, SeriesInfo };

/** The custom requests of the Minutes language server, typed. */
export class MinutesRequests {
    constructor(private readonly client: LanguageClient) {}

    generate(document: vscode.TextDocument, format: GenerateFormat, options: Omit<GenerateParams, 'uri' | 'format'> = {}): Promise<GenerateResult> {
        const params: GenerateParams = { uri: this.uriOf(document), format, ...options };
        return this.client.sendRequest<GenerateResult>(GenerateRequest, params);
    }

    stats(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentStats | null> {
        const params: StatsParams = { uri: this.uriOf(document) };
        return this.client.sendRequest<DocumentStats | null>(StatsRequest, params, token);
    }

    checkWorkspace(): Promise<CheckWorkspaceResult> {
        return this.client.sendRequest<CheckWorkspaceResult>(CheckWorkspaceRequest);
    }

    series(): Promise<SeriesInfo[]> {
        return this.client.sendRequest<SeriesInfo[]>(SeriesRequest);
    }

    nextMeeting(params: NextMeetingParams): Promise<NextMeetingResult> {
        return this.client.sendRequest<NextMeetingResult>(NextMeetingRequest, params);
    }

    private uriOf(document: vscode.TextDocument): string {
        return this.client.code2ProtocolConverter.asUri(document.uri);
    }
}
