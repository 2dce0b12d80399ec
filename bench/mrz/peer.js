// The peer for bench_mrz: the npm `mrz` package (5.0.2, installed into
// bench/mrz/node_modules by run.sh) on the same file, in the same loop.
//
//   node peer.js [--seconds S] FILE
//
// FILE holds MRZs separated by blank lines. All of it is loaded and split
// into arrays of lines first (the form `parse(lines)` takes; the split is
// not timed); then one untimed pass counts valid documents, the untimed
// warm-up goes on until 0.5 s have passed so that V8 has optimised the hot
// code, and the timed loop
// parses the documents over and over, in order, for at least S seconds
// (default 2), on the main thread only.
//
// `mrz` is an ES module; it is loaded with import() so that this file runs
// on every Node version Debian ships (require() of an ES module needs Node
// 20.19 or later). The call is the documented `parse(lines)`.
//
// The last line is for scripts (run.sh), in the same form as bench_mrz's:
//   RESULT impl=npm-mrz docs=N valid=V parses=P seconds=T docs_per_s=R
//          ns_per_doc=X checksum=C
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const CHUNK = 256; // documents parsed between two looks at the clock

function usage() {
  process.stderr.write('usage: node peer.js [--seconds S] FILE\n');
  process.exit(2);
}

function loadRecords(file) {
  const text = fs.readFileSync(file, 'latin1');
  const records = [];
  let current = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      if (current.length) records.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) records.push(current);
  return records;
}

function now() {
  return Number(process.hrtime.bigint()) / 1e9;
}

async function main() {
  const args = process.argv.slice(2);
  let seconds = 2;
  let file = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--seconds' && i + 1 < args.length) {
      seconds = Number(args[++i]);
      if (!(seconds > 0 && seconds <= 3600)) usage();
    } else if (args[i].startsWith('-') || file) {
      usage();
    } else {
      file = args[i];
    }
  }
  if (!file) usage();

  const { parse } = await import('mrz');
  const records = loadRecords(file);
  const n = records.length;
  if (n === 0) {
    process.stderr.write(`peer.js: ${file}: no MRZ in the file\n`);
    process.exit(1);
  }
  const name = path.basename(file);

  // Fold what the checksum keeps of one result; a thrown error (a format
  // the package does not know) counts too, so it cannot be skipped.
  let sink = 0;
  function one(lines) {
    try {
      const r = parse(lines);
      const num = r.fields.documentNumber;
      return (r.valid ? 1 : 0) + (num ? num.charCodeAt(0) : 0);
    } catch (e) {
      return -1;
    }
  }

  // Untimed: how many are valid, and of which formats. This pass is also
  // the first of the warm-up.
  const warmStart = now();
  let valid = 0;
  let thrown = 0;
  const formats = new Map();
  for (const lines of records) {
    try {
      const r = parse(lines);
      if (r.valid) valid++;
      formats.set(r.format, (formats.get(r.format) || 0) + 1);
    } catch (e) {
      thrown++;
    }
  }
  const parts = [...formats].map(([f, c]) => `${f} ${c}`);
  if (thrown) parts.push(`threw ${thrown}`);
  console.log(
    `npm-mrz ${name}: ${n} documents, ${valid} valid (${parts.join(', ')})`,
  );

  // Untimed warm-up, continued until 0.5 s have passed in all.
  for (let i = 0; now() - warmStart < 0.5; i = i + 1 === n ? 0 : i + 1)
    sink += one(records[i]);

  let parses = 0;
  let next = 0;
  const t0 = now();
  let elapsed;
  do {
    const stop = Math.min(next + CHUNK, n);
    for (let k = next; k < stop; k++) sink += one(records[k]);
    parses += stop - next;
    next = stop === n ? 0 : stop;
    elapsed = now() - t0;
  } while (elapsed < seconds);

  const rate = parses / elapsed;
  console.log(
    `npm-mrz ${name}: ${parses} parses in ${elapsed.toFixed(3)} s: ` +
      `${rate.toFixed(0)} docs/s, ${(1e9 / rate).toFixed(1)} ns/doc`,
  );
  console.log(
    `RESULT impl=npm-mrz docs=${n} valid=${valid} parses=${parses} ` +
      `seconds=${elapsed.toFixed(3)} docs_per_s=${rate.toFixed(0)} ` +
      `ns_per_doc=${(1e9 / rate).toFixed(2)} checksum=${sink}`,
  );
}

main().catch((e) => {
  process.stderr.write(`peer.js: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
