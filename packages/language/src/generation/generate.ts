import type { LangiumDocument } from 'langium';
import type { MinutesConfig } from '../config/minutes-config.js';
import { isDocument, type Document } from '../generated/ast.js';
import { emailOf } from './email.js';
import { emlOf, type EmlOptions } from './eml.js';
import { htmlOf } from './html.js';
import { jsonOf } from './json.js';
import { markdownOf } from './markdown.js';
import { outlineOf } from './outline.js';
import type { Outline } from './render-model.js';
import { ATTRIBUTIONS } from './attribution.js';
import { GenerationError } from './generation-error.js';
import { wellFormed } from './unicode.js';

import { OUTPUT_EXTENSIONS, OUTPUT_FORMATS, type OutputFormat } from '../options.js';

export { OUTPUT_EXTENSIONS, OUTPUT_FORMATS, type OutputFormat };

/** Options of every generator; each reads those it needs (`width` the email, `from` the eml…). */
export type GenerateOptions = EmlOptions;

/**
 * Options as the command line or the editor gave them, completed from the notes
 * repository's configuration (`.minutes.jsonc`): the language of meetings whose note does
 * not say (`locale`), the attribution, the email's width, default sender and recipients.
 * What was given wins. `minutes generate`, the site and the editor's preview and generate
 * commands all read the configuration through this one function.
 */
export function configuredOptions(given: GenerateOptions, config: MinutesConfig | undefined): GenerateOptions {
    if (!config) return given;
    const width = config.email.width === 0 ? Number.POSITIVE_INFINITY : config.email.width;
    return {
        ...given,
        width: given.width ?? width,
        attribution: given.attribution ?? config.attribution,
        defaultFrom: given.defaultFrom ?? config.email.from,
        defaultTo: given.defaultTo ?? config.email.to,
        language: given.language ?? config.locale
    };
}


/**
 * An output of a parsed and linked document (its references to the directory resolved).
 * A pure function of the document and the options; only `eml` is asynchronous underneath.
 */
export async function generate(document: LangiumDocument | Document, format: OutputFormat, options: GenerateOptions = {}): Promise<string> {
    // The editor's request is JSON: what the types promise is checked here, once, for every caller.
    if (!OUTPUT_FORMATS.includes(format)) throw new GenerationError(`'${String(format)}' is not an output format: ${choices(OUTPUT_FORMATS)}.`);
    if (options.attribution !== undefined && !ATTRIBUTIONS.includes(options.attribution)) {
        throw new GenerationError(`'${String(options.attribution)}' is not an attribution: ${choices(ATTRIBUTIONS)}.`);
    }
    const root = isDocument(document) ? document : (document as LangiumDocument).parseResult.value as Document;
    const outline = outlineOf(root, options);
    // Every output is well-formed Unicode, whatever the editor sent (see wellFormed).
    return wellFormed(await outputOf(outline, format, options));
}

/** `email, eml or html`. */
function choices(values: readonly string[]): string {
    return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

async function outputOf(outline: Outline, format: OutputFormat, options: GenerateOptions): Promise<string> {
    switch (format) {
        case 'email':
            return emailOf(outline, options);
        case 'eml':
            return emlOf(outline, options);
        case 'html':
            return htmlOf(outline);
        case 'json':
            return jsonOf(outline);
        case 'markdown':
            return markdownOf(outline);
    }
}
