import { NodeFileSystem } from 'langium/node';
import type { applySafeFixes, MinutesServices, MinutesSharedServices, safeFixesOf } from 'minutes-language/editor';

/** The language's services with the editor's, and the editor's safe quick fixes. */
export interface Editor {
    shared: MinutesSharedServices;
    Minutes: MinutesServices;
    safeFixesOf: typeof safeFixesOf;
    applySafeFixes: typeof applySafeFixes;
}

/**
 * The language's services with the editor's (createMinutesServices), and its quick fixes:
 * `minutes check --fix` applies the editor's safe fixes. Loaded only then: every other command
 * uses the services without the editor's (createCliServices), and does not load the language
 * server protocol's code (docs/performance.md, "Start-up").
 */
export async function loadEditor(): Promise<Editor> {
    const language = await import('minutes-language/editor');
    return { ...language.createMinutesServices(NodeFileSystem), safeFixesOf: language.safeFixesOf, applySafeFixes: language.applySafeFixes };
}
