import { getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { canonicalLocale } from '../model/date-names.js';
import { ATTRIBUTIONS, type Attribution } from '../options.js';
import { IssueCodes } from '../validation/issue-codes.js';

/**
 * The configuration file of a notes repository: JSON with comments, found by walking up from
 * each `.minutes` file (the nearest wins), read the same way by the CLI and the language
 * server. Paths and globs in it are relative to its folder, the repository's root.
 */
export const CONFIG_FILE_NAME = '.minutes.jsonc';

export const RULE_LEVELS = ['off', 'warning', 'error'] as const;
export type RuleLevel = typeof RULE_LEVELS[number];

/** Every `.minutes` file under the root belongs to the workspace unless `directory` says otherwise. */
export const DEFAULT_DIRECTORY_GLOBS = ['**/*.minutes'];

export interface MinutesConfig {
    /** Globs of the files whose people, organisations and actions every file may refer to. */
    readonly directory: readonly string[];
    /** Patterns, as in .gitignore, of files neither checked nor loaded (the root's .gitignore applies too). */
    readonly ignore: readonly string[];
    /** Severity per diagnostic code; codes not listed keep their own. */
    readonly rules: ReadonlyMap<string, RuleLevel>;
    /** `minutes generate`'s default `--attribution`. */
    readonly attribution?: Attribution;
    readonly email: { readonly width?: number; readonly from?: string; readonly to?: string };
    /** The language of notes without a `language:` line (BCP 47): `minutes generate` writes their outputs in it. */
    readonly locale?: string;
}

export const DEFAULT_CONFIG: MinutesConfig = { directory: DEFAULT_DIRECTORY_GLOBS, ignore: [], rules: new Map(), email: {} };

/** A mistake in the configuration file, at a 1-based line and column. */
export interface ConfigProblem {
    readonly line: number;
    readonly column: number;
    readonly message: string;
}

const KNOWN_CODES = new Set<string>(Object.values(IssueCodes));
/** A syntax error cannot be turned off or down: nothing after it would be checked as written. */
const FIXED_CODES = new Set<string>([IssueCodes.SyntaxError]);

/**
 * Reads a configuration file's text. What is wrong is reported with its position and left
 * out; the rest still applies, so one mistyped rule does not switch the whole file off.
 */
export function parseMinutesConfig(text: string): { config: MinutesConfig; problems: ConfigProblem[] } {
    const problems: ConfigProblem[] = [];
    const at = (offset: number, message: string) => problems.push({ ...lineAndColumn(text, offset), message });
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    for (const error of errors) at(error.offset, `not valid JSON with comments: ${describeParseError(printParseErrorCode(error.error))}`);
    if (!tree) return { config: DEFAULT_CONFIG, problems };
    if (tree.type !== 'object') {
        at(tree.offset, 'the configuration is an object: { "rules": { … } }');
        return { config: DEFAULT_CONFIG, problems };
    }

    let directory = DEFAULT_CONFIG.directory;
    let ignore = DEFAULT_CONFIG.ignore;
    const rules = new Map<string, RuleLevel>();
    let attribution: Attribution | undefined;
    const email: { width?: number; from?: string; to?: string } = {};
    let locale: string | undefined;

    for (const [key, value, keyNode] of properties(tree)) {
        switch (key) {
            case 'directory': directory = stringList(value, key, at) ?? directory; break;
            case 'ignore': ignore = stringList(value, key, at) ?? ignore; break;
            case 'rules':
                if (value.type !== 'object') { at(value.offset, '"rules" is an object of codes: { "silent-attendee": "off" }'); break; }
                for (const [code, level, codeNode] of properties(value)) {
                    if (!KNOWN_CODES.has(code)) { at(codeNode.offset, `unknown diagnostic code '${code}' (docs/diagnostics.md lists them)`); continue; }
                    if (FIXED_CODES.has(code)) { at(codeNode.offset, `'${code}' is always an error`); continue; }
                    const written = getNodeValue(level) as unknown;
                    if (!RULE_LEVELS.includes(written as RuleLevel)) { at(level.offset, `"${code}" is one of ${RULE_LEVELS.map(l => `"${l}"`).join(', ')}`); continue; }
                    rules.set(code, written as RuleLevel);
                }
                break;
            case 'attribution': {
                const written = getNodeValue(value) as unknown;
                if (ATTRIBUTIONS.includes(written as Attribution)) attribution = written as Attribution;
                else at(value.offset, `"attribution" is one of ${ATTRIBUTIONS.map(a => `"${a}"`).join(', ')}`);
                break;
            }
            case 'email':
                if (value.type !== 'object') { at(value.offset, '"email" is an object: { "width": 72, "from": "…", "to": "…" }'); break; }
                for (const [field, fieldValue, fieldNode] of properties(value)) {
                    const written = getNodeValue(fieldValue) as unknown;
                    if (field === 'width') {
                        if (Number.isInteger(written) && ((written as number) === 0 || (written as number) >= 20)) email.width = written as number;
                        else at(fieldValue.offset, '"width" is a whole number of columns, 20 or more (0 does not wrap)');
                    } else if (field === 'from' || field === 'to') {
                        if (typeof written === 'string' && written.trim() !== '') email[field] = written;
                        else at(fieldValue.offset, `"${field}" is an address, e.g. "Jane Doe <jane@example.org>"`);
                    } else {
                        at(fieldNode.offset, `unknown key "email.${field}" (known: width, from, to)`);
                    }
                }
                break;
            case 'locale': {
                const written = getNodeValue(value) as unknown;
                const canonical = typeof written === 'string' ? canonicalLocale(written) : undefined;
                if (canonical) locale = canonical;
                else at(value.offset, '"locale" is a language tag, e.g. "en" or "fr-CH"');
                break;
            }
            default:
                at(keyNode.offset, `unknown key "${key}" (known: directory, ignore, rules, attribution, email, locale)`);
        }
    }
    return { config: { directory, ignore, rules, attribution, email, locale }, problems };
}

function* properties(object: JsonNode): Generator<[string, JsonNode, JsonNode]> {
    for (const property of object.children ?? []) {
        const [keyNode, value] = property.children ?? [];
        if (keyNode && value) yield [String(keyNode.value), value, keyNode];
    }
}

function stringList(value: JsonNode, key: string, at: (offset: number, message: string) => void): string[] | undefined {
    const written = getNodeValue(value) as unknown;
    if (Array.isArray(written) && written.every(item => typeof item === 'string' && item.trim() !== '')) return written as string[];
    at(value.offset, `"${key}" is a list of globs relative to this file's folder, e.g. ["people/*.minutes"]`);
    return undefined;
}

function describeParseError(code: string): string {
    // jsonc-parser's codes, e.g. CommaExpected, in words: "comma expected".
    return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text[i] === '\n') { line++; lineStart = i + 1; }
    }
    return { line, column: offset - lineStart + 1 };
}
