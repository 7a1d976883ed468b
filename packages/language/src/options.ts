/**
 * The choices and defaults of the options the generators and the importer take, in a module
 * that imports nothing: the CLI reads them to parse its command line before it loads the
 * language (`minutes --help` stays fast), and the modules that use them import them from here.
 */

/** The outputs `minutes generate` and the editor's commands produce. */
export const OUTPUT_FORMATS = ['email', 'eml', 'html', 'json', 'markdown'] as const;
export type OutputFormat = typeof OUTPUT_FORMATS[number];

/** The file extension of each output. */
export const OUTPUT_EXTENSIONS: Record<OutputFormat, string> = {
    email: '.txt', eml: '.eml', html: '.html', json: '.json', markdown: '.md'
};

/** How speakers are named: in full, by organisation, or not at all (the Chatham House Rule). */
export const ATTRIBUTIONS = ['full', 'organisation', 'none'] as const;
export type Attribution = typeof ATTRIBUTIONS[number];

/** References read as written, or by their directory names. */
export const NAME_STYLES = ['as-written', 'directory'] as const;

/** The column at which the plain-text email wraps. */
export const DEFAULT_EMAIL_WIDTH = 72;

/** `transcript`: `Name: text` paragraphs, as W3C and ICANN minutes pages print them. */
export type TranscriptFormat = 'captions' | 'vtt' | 'chat' | 'transcript';
export const TRANSCRIPT_FORMATS: readonly TranscriptFormat[] = ['captions', 'vtt', 'chat', 'transcript'];
