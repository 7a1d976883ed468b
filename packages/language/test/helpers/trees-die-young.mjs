// Run by test/model/trees-die-young.test.ts, as
//   node --expose-gc --no-allocation-site-pretenuring trees-die-young.mjs STEP FILE...
// (the V8 flag as `minutes check` sets it). Each file is parsed, then `structure` also builds
// its structure, then it is dropped; young collections after it show what of it is still held
// (promoted to the old generation). Prints the bytes promoted per character of the files.
import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
import { EmptyFileSystem } from 'langium';
import { createMinutesCoreServices, structureOf } from '../../out/index.js';

const [step, ...files] = process.argv.slice(2);
const texts = files.map(file => readFileSync(file, 'utf8'));
// The check's services.
const { Minutes } = createMinutesCoreServices(EmptyFileSystem, { checkOnly: true });
const oldGeneration = () => getHeapSpaceStatistics()
    .filter(space => space.space_name === 'old_space' || space.space_name === 'large_object_space')
    .reduce((sum, space) => sum + space.space_used_size, 0);

function read(text) {
    const document = Minutes.parser.LangiumParser.parse(text).value;
    return step === 'structure' ? structureOf(document).items.length : document.blocks.length;
}

for (const text of texts) read(text);
gc();
let promoted = 0;
let characters = 0;
for (let round = 0; round < 5; round++) {
    for (const text of texts) {
        read(text);
        // What is kept of the last document read alone is then a tiny one's.
        read('meeting: A\n@a: b\n');
        gc({ type: 'minor' });
        const before = oldGeneration();
        gc({ type: 'minor' });
        gc({ type: 'minor' });
        promoted += oldGeneration() - before;
        characters += text.length;
    }
}
console.log(JSON.stringify({ step, promotedPerCharacter: promoted / characters }));
