/**
 * An id made of a text's letters and digits, at most 60 characters: `2. Contributions` →
 * `2-contributions`, `Réunion du Conseil` → `reunion-du-conseil`. Heading and participant
 * anchors, action rows, and the file names of new meetings are made of it.
 */
export function slug(text: string): string {
    return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
        .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
}
