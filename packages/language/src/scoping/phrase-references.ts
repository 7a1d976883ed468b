import type { AstNode, AstNodeDescription } from 'langium';
import { isField, type Document } from '../generated/ast.js';
import { blockOf } from '../model/structure.js';
import { speakerPhraseOf } from '../model/speaker-phrases.js';
import { mentionsOf, writtenName } from '../model/text.js';
import { isKey, keyDefinition, type MeetingOffice } from '../model/vocabulary.js';
import type { NameKeyScope } from './minutes-scope-provider.js';
import { ObjectFacts } from '../util/object-facts.js';

/**
 * What a speaker phrase (model/speaker-phrases.ts) names, when the directory has no entry
 * by its words: an office's holder in the meeting it is written in (`@{The Chairman}` →
 * the person of that meeting's `chair:` field), a delegation's country (`@{The delegate of
 * Brazil}` → Brazil). A group, and an office the meeting names no holder for, name no one.
 */
export function resolvePhrase(written: string, container: AstNode, scope: NameKeyScope): AstNodeDescription | undefined {
    const phrase = speakerPhraseOf(writtenName(written));
    if (!phrase) return undefined;
    if (phrase.kind === 'delegation') {
        const description = scope.getElement(phrase.of);
        // A delegation speaks for a country, a delegation or an organisation, never a person.
        return description && description.type !== 'Person' ? description : undefined;
    }
    if (phrase.kind === 'group') return undefined;
    const block = blockOf(container);
    const holder = block && phrase.office ? officesOf(block.$container).holderAt(block.$cstNode?.offset ?? 0, phrase.office) : undefined;
    // Else the directory's entry for the office itself (`office @ITU-SG Secretary-General`).
    return holder !== undefined ? scope.getElement(holder) : scope.getElement(phrase.title);
}

/**
 * The holders of each office, meeting by meeting, as written in the header fields: read in
 * one pass over the document's blocks (not through the structure, which links speakers), so
 * that a file of thousands of `@chair:` turns resolves each in logarithmic time.
 */
class OfficeIndex {
    /** The offset where each meeting starts (its `meeting:` line; 0 for the first). */
    private readonly starts: number[] = [0];
    private readonly holders: Array<Map<MeetingOffice, string[]>> = [new Map()];

    constructor(document: Document) {
        for (const block of document.blocks) {
            if (!isField(block)) continue;
            if (isKey(block.key, 'meeting')) {
                this.starts.push(block.$cstNode?.offset ?? 0);
                this.holders.push(new Map());
                continue;
            }
            const office = keyDefinition(block.key)?.office;
            if (!office) continue;
            const meeting = this.holders[this.holders.length - 1];
            const names = meeting.get(office) ?? [];
            for (const mention of mentionsOf(block.value)) names.push(mention.party.$refText);
            meeting.set(office, names);
        }
    }

    /** The one holder of `office` in the meeting at `offset`: none when the header names none, or several. */
    holderAt(offset: number, office: MeetingOffice): string | undefined {
        let low = 0;
        let high = this.starts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (this.starts[middle] <= offset) low = middle;
            else high = middle - 1;
        }
        const names = this.holders[low].get(office);
        return names?.length === 1 && !speakerPhraseOf(writtenName(names[0])) ? names[0] : undefined;
    }
}

const indexes = new ObjectFacts<Document, OfficeIndex>('office index');

function officesOf(document: Document): OfficeIndex {
    let index = indexes.get(document);
    if (!index) indexes.set(document, index = new OfficeIndex(document));
    return index;
}
