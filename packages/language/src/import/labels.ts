/**
 * Speaker labels as transcripts write them: `MARCUS KUMER:` in captions, `Marcus Kummer:`
 * in a chat log. A label must look like a name, so that a sentence with a colon
 * (`So, the question is: …`) is not taken for a speaker.
 */

const MAX_LABEL_LENGTH = 60;
const MAX_LABEL_WORDS = 6;
/** Letters, digits and what names contain: `Dr. O'Neil`, `Jean-Paul`, `SPEAKER 1`, `PARTICIPANT (REMOTE)`. */
const NAME_LIKE = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .'’\-()&/_]*$/u;
/** Small words that are lower case inside names: `Ursula von der Leyen`, `Luiz da Silva`. */
const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'al', 'el', 'bin', 'ibn', 'y', 'e', 'of', 'and']);

/** Whether a label could be a name at all: short, few words, name characters, a letter. */
export function isNameLike(candidate: string): boolean {
    const label = candidate.trim();
    if (!label || label.length > MAX_LABEL_LENGTH || !NAME_LIKE.test(label) || !/\p{L}/u.test(label)) return false;
    return label.split(/\s+/).length <= MAX_LABEL_WORDS;
}

function isAllCaps(label: string): boolean {
    return label === label.toUpperCase() && label !== label.toLowerCase();
}

/** Scripts without case (Chinese, Arabic, …) cannot signal a label by capitals. */
function isCaseless(label: string): boolean {
    return label.toUpperCase() === label.toLowerCase();
}

function isTitleCaseName(label: string): boolean {
    const words = label.split(/\s+/);
    if (words.length < 2 || words.length > 4) return false;
    return words.every(word => PARTICLES.has(word) || /^\p{Lu}/u.test(word));
}

/**
 * Whether the text before a colon is a speaker label in running transcript text: a name in
 * capitals (`MARCUS KUMER`, `SPEAKER 1`), two to four capitalised words (`Marcus Kummer`),
 * or a short name in a script without case. `So, I have a question` is not.
 */
export function isSpeakerLabel(candidate: string): boolean {
    const label = candidate.trim();
    if (!isNameLike(label)) return false;
    if (isAllCaps(label)) return true;
    if (isCaseless(label)) return label.split(/\s+/).length <= 4;
    return isTitleCaseName(label);
}

/**
 * `NAME: text` → the label and the text after the colon, when what precedes the first colon
 * passes `accept` and the colon ends a word (so `10:30` and `http://` do not split).
 */
export function splitLabel(line: string, accept: (label: string) => boolean = isSpeakerLabel): { label: string; text: string } | undefined {
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > MAX_LABEL_LENGTH + 2) return undefined;
    const after = line[colon + 1];
    if (after !== undefined && !/\s/.test(after)) return undefined;
    const label = line.slice(0, colon).trim();
    if (!accept(label)) return undefined;
    return { label: label.replace(/\s+/g, ' '), text: line.slice(colon + 1).trim() };
}
