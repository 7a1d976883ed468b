import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LangiumDocument } from 'langium';
import type { Document } from '../../src/generated/ast.js';
import { buildWorkspace } from '../helpers/workspace.js';

/**
 * A meeting and a directory whose every field — names, aliases, roles, organisations,
 * titles, metadata, links, prose, agenda, outcomes, actions — carries markup, script,
 * `javascript:` and `data:` URLs, attribute breakouts and bidi overrides.
 */
export const SAFETY_FIXTURES = fileURLToPath(new URL('../fixtures/safety/', import.meta.url));

export function hostileTexts(): { directory: string; meeting: string } {
    return {
        directory: readFileSync(`${SAFETY_FIXTURES}directory.minutes`, 'utf8'),
        meeting: readFileSync(`${SAFETY_FIXTURES}hostile-meeting.minutes`, 'utf8')
    };
}

export async function hostileDocument(meeting = hostileTexts().meeting): Promise<LangiumDocument<Document>> {
    const { directory } = hostileTexts();
    return (await buildWorkspace({ 'directory.minutes': directory, 'hostile.minutes': meeting })).documents['hostile.minutes'];
}

/** Bidi controls that reorder the text after them until closed: embeddings, overrides and isolates. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
