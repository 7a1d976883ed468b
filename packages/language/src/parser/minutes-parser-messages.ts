import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

/**
 * Syntax errors in the language's own words. The lexer decides what every line is, so
 * that any text parses (a fuzz of random lines of keys, names, brackets and markers finds
 * no syntax error); should one still occur, the user reads what Minutes expected and how
 * to write the line as prose — never the parser's token names (`Expecting token of type
 * 'EOF' but found 'Note:'`).
 */
export class MinutesParserErrorMessages implements IParserErrorMessageProvider {
    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken }): string {
        return `${found(options.actual)} where Minutes expected ${expected(options.expected)}. ${PROSE_HINT}`;
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken }): string {
        return `${found(options.firstRedundant)} that does not fit the line before it. ${PROSE_HINT}`;
    }

    buildNoViableAltMessage(options: { actual: IToken[] }): string {
        return `${found(options.actual[0])} that does not start a line Minutes knows. ${PROSE_HINT}`;
    }

    buildEarlyExitMessage(options: { actual: IToken[] }): string {
        return `${found(options.actual[0])} where the line needs more. ${PROSE_HINT}`;
    }
}

const PROSE_HINT = 'To keep the line as prose, write a backslash before its first character (`\\Note: …`).';

function found(token: IToken | undefined): string {
    if (!token || token.tokenType.name === 'EOF') return 'The file ends';
    const image = token.image.replace(/\r?\n[\s\S]*/, '');
    return image.trim() === '' ? 'A line ends' : `This line has '${image.length > 40 ? image.slice(0, 40) + '…' : image}'`;
}

/** What a token type is, in the words of docs/language.md. */
function expected(type: TokenType): string {
    const words: Record<string, string> = {
        ']': "']' to close the bracket after the name",
        ':': "':' after the name",
        '[': "'[' before the qualifiers",
        EOF: 'the end of the file',
        NL: 'the end of the line',
        BLANK: 'the end of the line',
        REF: 'a name such as @mcade',
        SPEAKER_REF: 'a name such as @mcade',
        ACTION_ID: 'an action identifier such as #wsis-report'
    };
    return words[type.name] ?? (typeof type.PATTERN === 'string' ? `'${type.PATTERN}'` : 'something else');
}
