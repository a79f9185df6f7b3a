#!/usr/bin/env node
// The package's command line, so that a rule set can be checked and queried from a shell and
// compared with the Java evaluator (`orderlift evaluate ... --json` prints the same JSON):
//   orderlift-storefront evaluate --ruleset FILE --placement cart|confirmation --items SKU[:QTY],... [--limit K]
//       [--unavailable SKU,...] [--json]
//   orderlift-storefront check FILE
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { RuleSetError, checkConformance, evaluate, validate } from '../index.js';

const USAGE = 'usage: orderlift-storefront evaluate --ruleset FILE --placement cart|confirmation --items SKU[:QTY],...'
  + ' [--limit K] [--unavailable SKU,...] [--json]\n       orderlift-storefront check FILE';

/** Reads, parses strictly and checks a rule set file, including its content hash. */
function read(file) {
  let text;
  try {
    // a byte order mark (an editor on Windows saves one) is not content, as fetch's json() and Java read it
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new RuleSetError(`The rule set ${file} cannot be read: ${e.code === 'ENOENT' ? 'it does not exist' : e.message}`);
  }
  let ruleSet;
  try {
    ruleSet = JSON.parse(text);
  } catch (e) {
    throw new RuleSetError(`${basename(file)} is not valid JSON (truncated?): ${e.message}`);
  }
  validate(ruleSet);
  // the hash is over the file as the publisher wrote it (compact, numbers as String(x) writes them), with the
  // hash itself left empty; a copy that was only reformatted (indented, its strings' characters escaped, its
  // numbers re-written as jq does) is the same rule set, as for Java. The forms are tried in turn, each only
  // when the one before did not match: a file as published hashes once. Files published before the publisher
  // wrote numbers as JavaScript does (`548.0`) match as written, or only reformatted.
  let hashed;
  for (const form of [() => text, () => compact(text, false, false), () => compact(text, true, false),
    () => compact(text, true, true)]) {
    hashed = hashOf(form(), ruleSet.contentHash);
    if (hashed === ruleSet.contentHash) break;
  }
  if (hashed !== ruleSet.contentHash) {
    throw new RuleSetError(`${basename(file)} has content hash ${ruleSet.contentHash} but its content hashes to`
      + ` ${hashed}: the file was changed or damaged after publishing`);
  }
  return ruleSet;
}

/** `sha256:` + the hex SHA-256 of `text` with its content hash `hash` left empty. */
function hashOf(text, hash) {
  const marker = `"contentHash":"${hash}"`;
  const at = text.indexOf(marker);
  const hashed = at < 0 ? text : text.slice(0, at) + '"contentHash":""' + text.slice(at + marker.length);
  return 'sha256:' + createHash('sha256').update(hashed, 'utf8').digest('hex');
}

/**
 * Valid JSON `text` without the whitespace between its tokens, as the publisher writes it; with
 * `unescape`, each string holding an escape is written as JSON.stringify writes it (`\u00e9` as `é`),
 * as the publisher writes characters; with `numbers`, each number as String(x) writes it (`548.0` as
 * `548`, `1e-07` as `1e-7`), as the publisher writes numbers. Otherwise numbers stay as written.
 */
function compact(text, unescape, numbers) {
  const parts = [];
  const blank = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    let j = i + 1;
    if (c === 0x22) {
      let escaped = false;
      while (text.charCodeAt(j) !== 0x22) {
        escaped ||= text.charCodeAt(j) === 0x5c;
        j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      }
      j++;
      const token = text.slice(i, j);
      parts.push(escaped && unescape ? JSON.stringify(JSON.parse(token)) : token);
    } else if (blank(c)) {
      i = j;
      continue;
    } else {
      while (j < text.length && text.charCodeAt(j) !== 0x22 && !blank(text.charCodeAt(j))) j++;
      // outside strings only punctuation, true, false, null and numbers: every run of digits is a number
      const token = text.slice(i, j);
      parts.push(numbers ? token.replace(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (n) => String(Number(n))) : token);
    }
    i = j;
  }
  return parts.join('');
}

/**
 * The entries of a comma-separated list as orderlift's CommaList reads them: a value holding a comma goes
 * in double quotes, a quote in it doubled, as in CSV; blank entries are skipped. Each entry: its value
 * (stripped when not quoted), whether it was quoted, what follows the closing quote (stripped) and the
 * entry as written.
 */
function parseEntries(text) {
  const entries = [];
  let at = 0;
  while (at <= text.length) {
    let start = at;
    while (start < text.length && /\s/.test(text[start])) start++;
    let end;
    if (text[start] === '"') {
      const { sku, close } = quoted(text, start);
      end = nextComma(text, close + 1);
      entries.push({ value: sku, quoted: true, after: text.slice(close + 1, end).trim(), written: text.slice(start, end).trim() });
    } else {
      end = nextComma(text, start);
      const value = text.slice(start, end).trim();
      if (value !== '') entries.push({ value, quoted: false, after: '', written: value });
    }
    at = end + 1;
  }
  return entries;
}

/**
 * `SKU[:QTY],...` as orderlift evaluate reads it: a SKU holding a comma or a colon goes in double
 * quotes, a quote in it doubled, as in CSV (`"Soap, lavender":2`).
 */
function parseItems(text) {
  return parseEntries(text).map(({ value, quoted, after, written }) => {
    if (quoted) {
      if (after === '') return { sku: value, quantity: 1 };
      if (after.startsWith(':')) return { sku: value, quantity: quantity(after.slice(1).trim(), written) };
      throw notAnItem(written);
    }
    const colon = value.lastIndexOf(':');
    return colon < 0 ? { sku: value, quantity: 1 }
      : { sku: value.slice(0, colon).trim(), quantity: quantity(value.slice(colon + 1).trim(), value) };
  });
}

/** `A,B,...` as --unavailable takes SKUs (no quantities: a colon is part of the SKU), as orderlift reads it. */
function parseValues(text) {
  return parseEntries(text).map(({ value, after, written }) => {
    if (after !== '') {
      throw new RangeError(`'${written}' is not one value (a value holding a comma goes in double quotes, a quote in it doubled)`);
    }
    return value;
  });
}

/** The SKU between the quote at `open` and the one closing it (doubled quotes undoubled), and where it closes. */
function quoted(text, open) {
  let sku = '';
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] !== '"') sku += text[i];
    else if (text[i + 1] === '"') sku += text[++i];
    else return { sku, close: i };
  }
  throw new RangeError(`'${text.slice(open)}' has no closing quote`);
}

function nextComma(text, from) {
  const comma = text.indexOf(',', from);
  return comma < 0 ? text.length : comma;
}

/** A whole number Java's int holds, as orderlift evaluate reads it. */
function quantity(text, entry) {
  const n = Number.parseInt(text, 10);
  if (!/^[+-]?\d+$/.test(text) || n < -(2 ** 31) || n > 2 ** 31 - 1) throw notAnItem(entry);
  return n;
}

function notAnItem(entry) {
  return new RangeError(`'${entry}' is not SKU or SKU:QUANTITY (a SKU holding a comma or a colon goes in double quotes)`);
}

/** --limit K: at least 1, as the Java command line has it; absent, the rule set's list length (0). */
function parseLimit(text) {
  if (text === undefined) return 0;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new RangeError('--limit must be at least 1');
  return Number(text);
}

function options(args) {
  const found = { json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') found.json = true;
    else if (['--ruleset', '--placement', '--items', '--limit', '--unavailable'].includes(a) && i + 1 < args.length) {
      found[a.slice(2)] = args[++i];
    }
    else throw new RangeError(`unknown option ${a}\n${USAGE}`);
  }
  return found;
}

function main(argv) {
  const [command, ...rest] = argv;
  if (command === 'evaluate') {
    const o = options(rest);
    if (!o.ruleset || !o.placement || !o.items) throw new RangeError(USAGE);
    const ruleSet = read(o.ruleset);
    const unavailable = o.unavailable === undefined ? [] : parseValues(o.unavailable);
    const answer = evaluate(ruleSet, o.placement.trim(), parseItems(o.items), { limit: parseLimit(o.limit), unavailable });
    if (o.json) {
      process.stdout.write(JSON.stringify(answer, null, 2) + '\n');
    } else {
      process.stdout.write(`${answer.placement} placement, total ${answer.cartTotal.toFixed(2)} (rule set version ${ruleSet.version})\n`);
      answer.items.forEach((item, i) => process.stdout.write(`${i + 1}. ${item.sku.padEnd(20)} price ${item.price.toFixed(2).padStart(8)}`
        + `  acceptance ${item.acceptance.toFixed(3)}  rpi ${item.rpi.toFixed(3).padStart(7)}  score ${item.score.toFixed(3).padStart(8)}`
        + `${item.rules.length ? '  [' + item.rules.join(', ') + ']' : ''}\n`));
    }
    return 0;
  }
  if (command === 'check' && rest.length === 1) {
    const ruleSet = read(rest[0]);
    const failures = checkConformance(ruleSet);
    if (failures.length > 0) {
      process.stderr.write(`${basename(rest[0])}: ${failures.length} of ${ruleSet.conformance.length} conformance cases fail; first: ${failures[0]}\n`);
      return 1;
    }
    process.stdout.write(`${basename(rest[0])}: valid rule set version ${ruleSet.version} of ${ruleSet.store}`
      + `${ruleSet.currency ? ` (prices in ${ruleSet.currency})` : ''}; ${ruleSet.conformance.length} conformance cases pass.\n`);
    return 0;
  }
  throw new RangeError(USAGE);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write((e instanceof RuleSetError || e instanceof RangeError ? e.message : String(e)) + '\n');
  process.exitCode = e instanceof RangeError && e.message.startsWith('usage') ? 2 : 1;
}
