/**
 * The choices of the commands' options, in a module that loads nothing: main.ts parses the
 * command line with them before it loads a command (and the language) at all.
 */
import { OUTPUT_FORMATS } from 'minutes-language/options';

/** What `minutes generate` writes: the generators' text outputs, a Word document, and a folder as a static site. */
export const GENERATE_FORMATS = [...OUTPUT_FORMATS, 'docx', 'site'] as const;
export const ACTION_FORMATS = ['text', 'json', 'markdown', 'ics', 'eml'] as const;
export const ACTION_STATES = ['open', 'done', 'dropped'] as const;
export const STATS_FORMATS = ['text', 'json', 'csv'] as const;
