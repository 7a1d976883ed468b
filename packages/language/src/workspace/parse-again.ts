import type { AstNode, LangiumDocument, ParseResult } from 'langium';

/**
 * Makes a document whose tree is dropped parse it again when asked: its `parseResult`
 * becomes a getter that takes `parseAgain()`'s result (the root linked back to the
 * document) and keeps it as a plain property from then on. With `onAssigned`, a parse result
 * assigned before it is read (the builder parsing the document anew) is kept, after it.
 */
export function parseAgainWhenRead(document: LangiumDocument, parseAgain: () => ParseResult<AstNode>, onAssigned?: () => void): void {
    Object.defineProperty(document, 'parseResult', {
        configurable: true,
        enumerable: true,
        get(): ParseResult<AstNode> {
            const result = parseAgain();
            (result.value as { $document?: LangiumDocument }).$document = document;
            setParseResult(document, result);
            return result;
        },
        ...(onAssigned ? {
            set(value: ParseResult<AstNode>) {
                onAssigned();
                setParseResult(document, value);
            }
        } : {})
    });
}

function setParseResult(document: LangiumDocument, value: ParseResult<AstNode>): void {
    Object.defineProperty(document, 'parseResult', { value, writable: true, configurable: true, enumerable: true });
}
