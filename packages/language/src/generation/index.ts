// The generators' public surface: `generate` and one function per format, the render
// model they share, and the helpers shells need (formats, options, errors).
export { configuredOptions, generate, OUTPUT_FORMATS, OUTPUT_EXTENSIONS, type OutputFormat, type GenerateOptions } from './generate.js';
export { GenerationError } from './generation-error.js';
export { nameParty, nameWithAffiliation, NAME_STYLES, type NamingOptions, type PartyName } from './naming.js';
export { outlineOf, type OutlineOptions } from './outline.js';
export type {
    Outline, OutlineBlock, MeetingOutline, TurnOutline, ActionOutline, UpdateOutline, OutcomeOutline, EarlierActionsOutline,
    EarlierActionOutline
} from './render-model.js';
export type { RichText } from './rich-text.js';
export { displayWidth, wrap, type WrapOptions } from './wrap.js';
export { generateEmail, emailOf, emailBodyOf, DEFAULT_EMAIL_WIDTH, type EmailOptions } from './email.js';
export { generateEml, emlOf, composeMessage, type EmlOptions, type MessageParts } from './eml.js';
export { addressList, partyAddress, type Address } from './envelope.js';
export { generateHtml, htmlOf, htmlPage, richHtml, actionRowId, updateRowId, type PageOptions } from './html.js';
export { whoSpokeHtml } from './ledger-html.js';
export { escapeText, escapeAttribute, filledHtml } from './html-escape.js';
export { generateJson, jsonOf, jsonModel, SCHEMA_VERSION } from './json.js';
export { generateMarkdown, markdownOf } from './markdown.js';
export { ATTRIBUTIONS, declaresChathamHouseRule, effectiveAttribution, isChathamHouseRule, type Attribution } from './attribution.js';
export { type LedgerOptions } from './earlier-actions.js';
