// The storefront package's TypeScript declarations (src/main/js/storefront/index.d.ts) against what the
// Java side really publishes: the rule sets, slices and evaluator answers that mvn verify leaves in
// target/storefront-fixtures are written into a TypeScript module as literals typed with the package's
// interfaces, beside the README's uses of every export, and compiled by tsc in strict mode. A key the
// declarations lack, a value of another type, or a declaration that does not compile fails the test.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
/** The modules tsc compiles, each in a folder of its own, removed at the end. */
const scratch = mkdtempSync(join(tmpdir(), 'orderlift-types-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const root = resolve(here, '../../..');
const pkg = join(root, 'src/main/js/storefront/index.js');
const fixtures = process.env.ORDERLIFT_FIXTURES ?? join(root, 'target/storefront-fixtures');
const stores = existsSync(fixtures)
  ? readdirSync(fixtures).filter((f) => f.endsWith('.ruleset.json')).map((f) => f.slice(0, -'.ruleset.json'.length))
  : [];
/** Whole rule sets larger than this are checked through their slices only (tsc on a 2.5 MB literal is slow). */
const WHOLE_FILE_LIMIT = 500_000;
/** Evaluator answers checked per store and placement, and slices per store. */
const SAMPLE = 25;

const read = (file) => readFileSync(file, 'utf8');
const identifier = (store) => store.replace(/[^A-Za-z0-9]/g, '_');

/** The tsc diagnostics of one ES module, strict, with the package's declarations checked too (no skipLibCheck). */
function diagnostics(source) {
  const dir = mkdtempSync(join(scratch, 'uses-'));
  const file = join(dir, 'uses.mts');
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: false,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    return `${d.file ? d.file.fileName : ''}${where ? `:${where.line + 1}` : ''}: ${text}`.slice(0, 600);
  });
}

/** The literals of one store: its rule set (when small), a sample of its answers, its slice header and slices. */
function storeModule(store) {
  const id = identifier(store);
  const lines = [];
  const ruleSetFile = join(fixtures, `${store}.ruleset.json`);
  if (readFileSync(ruleSetFile).length <= WHOLE_FILE_LIMIT) {
    lines.push(`export const ruleSet_${id}: RuleSet = ${read(ruleSetFile)};`);
  }
  const cases = JSON.parse(read(join(fixtures, `${store}.cases.json`)));
  const sample = ['cart', 'confirmation'].flatMap((p) => cases.filter((c) => c.placement === p).slice(0, SAMPLE));
  lines.push(`export const answers_${id}: Answer[] = ${JSON.stringify(sample.map((c) => c.answer))};`);
  lines.push(`export const carts_${id}: CartLine[][] = ${JSON.stringify(sample.map((c) => c.items))};`);
  const slices = join(fixtures, `${store}.slices`);
  if (existsSync(slices)) {
    lines.push(`export const header_${id}: SliceHeader = ${read(join(slices, 'header.json'))};`);
    const files = readdirSync(join(slices, 'anchors')).sort().slice(0, SAMPLE);
    lines.push(`export const slices_${id}: Slice[] = [${files.map((f) => read(join(slices, 'anchors', f))).join(',\n')}];`);
  }
  return { id, text: lines.join('\n'), whole: lines[0].startsWith('export const ruleSet_') };
}

const imports = `import type { Answer, CartLine, EvaluateOptions, RuleSet, Slice, SliceHeader, Recommendation, AnchorEvidence } from ${JSON.stringify(pkg)};
import { SCHEMA_VERSION, TOLERANCE, RuleSetError, validate, evaluate, evaluateSlices, checkConformance, sliceFileName } from ${JSON.stringify(pkg)};
`;

/** The package's README, in code: every export used as a storefront would. */
function uses(ruleSetName, headerName, slicesName) {
  return `
const ruleSet: RuleSet = validate(JSON.parse(JSON.stringify(${ruleSetName})) as unknown);
const failures: string[] = checkConformance(ruleSet);
const answer: Answer = evaluate(ruleSet, 'cart', [{ sku: 'A', quantity: 1 }]);
const offers: Answer = evaluate(ruleSet, 'confirmation', [{ sku: 'A', quantity: 2 }], 3);
const outOfStock: EvaluateOptions = { limit: 3, unavailable: new Set(['B']) };
const inStock: Answer = evaluate(ruleSet, 'cart', [{ sku: 'A', quantity: 1 }], outOfStock);
const inStockToo: Answer = evaluate(ruleSet, 'cart', [{ sku: 'A', quantity: 1 }], { unavailable: ['B', 'C'] });
const best: Recommendation | undefined = answer.items[0];
const skus: string[] = answer.items.map((i) => i.sku);
const why: string[] = offers.items.flatMap((i) => i.anchors.map((a: AnchorEvidence) =>
  \`\${a.sku} \${a.evidence} via \${a.via}: \${a.acceptance.toFixed(3)} (\${a.co} + \${a.follow})\`));
const money: string = answer.currency
  ? new Intl.NumberFormat('en', { style: 'currency', currency: answer.currency }).format(answer.cartTotal)
  : answer.cartTotal.toFixed(2);
const fromSlices: Answer = evaluateSlices(${headerName}, ${slicesName}, 'cart', [{ sku: 'A', quantity: 1 }], 4);
const slicedInStock: Answer = evaluateSlices(${headerName}, ${slicesName}, 'cart', [{ sku: 'A', quantity: 1 }], { unavailable: ['B'] });
const key: string = sliceFileName('A/B');
const version: 2 = SCHEMA_VERSION;
const tolerance: number = TOLERANCE;
const refused: Error = new RuleSetError('not a rule set');
export const used = [failures, best, skus, why, money, fromSlices, key, version, tolerance, refused, offers, inStock,
  inStockToo, slicedInStock];
`;
}

test('fixtures of the sample stores are there (run mvn verify first)', () => {
  assert.ok(stores.length >= 3, `no rule sets in ${fixtures}`);
});

test('every published rule set, slice and answer is of the declared types, and the README compiles', () => {
  const modules = stores.map(storeModule);
  const whole = modules.find((m) => m.whole);
  const sliced = modules.find((m) => m.text.includes('export const header_'));
  assert.ok(whole && sliced, 'a store with a whole rule set and one with slices');
  const source = imports + modules.map((m) => m.text).join('\n')
    + uses(`ruleSet_${whole.id}`, `header_${sliced.id}`, `slices_${sliced.id}`);
  assert.deepEqual(diagnostics(source), []);
});

test('the check fails on a key the declarations lack, however deep, and on a value of another type', () => {
  const store = stores.find((s) => readFileSync(join(fixtures, `${s}.ruleset.json`)).length <= WHOLE_FILE_LIMIT);
  const ruleSet = JSON.parse(read(join(fixtures, `${store}.ruleset.json`)));
  const deep = diagnostics(imports + `export const r: RuleSet = ${JSON.stringify(
    { ...ruleSet, parameters: { ...ruleSet.parameters, surprise: 1 } })};`);
  assert.ok(deep.some((d) => /surprise.* does not exist in type 'Parameters'/.test(d)), deep.join('\n'));
  const answer = JSON.parse(read(join(fixtures, `${store}.cases.json`)))[0].answer;
  const text = diagnostics(imports + `export const a: Answer = ${JSON.stringify({ ...answer, cartTotal: '12.50' })};`);
  assert.ok(text.some((d) => d.includes("Type 'string' is not assignable to type 'number'")), text.join('\n'));
});
