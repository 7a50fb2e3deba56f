// The mutation score over several StrykerJS JSON reports: per file and in all,
// counted as Stryker does (killed + timeout over all valid mutants, those
// without coverage included as survivors). --markdown prints a table instead.
import { readFileSync } from 'node:fs';

const rows = [];
const total = { killed: 0, survived: 0, noCoverage: 0, timeout: 0 };
const markdown = process.argv.includes('--markdown');
for (const path of process.argv.slice(2).filter((a) => a !== '--markdown')) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const count = { killed: 0, survived: 0, noCoverage: 0, timeout: 0 };
    for (const { status } of mutants) {
      if (status === 'Killed') count.killed++;
      else if (status === 'Survived') count.survived++;
      else if (status === 'NoCoverage') count.noCoverage++;
      else if (status === 'Timeout') count.timeout++;
    }
    for (const k of Object.keys(total)) total[k] += count[k];
    rows.push([file, count]);
  }
}
const score = (c) => (100 * (c.killed + c.timeout)) / (c.killed + c.timeout + c.survived + c.noCoverage);
if (markdown) {
  // A table for docs/mutation.md, by module name.
  console.log('| module | score | killed | timeout | survived | no coverage |');
  console.log('|---|---|---|---|---|---|');
  for (const [file, c] of rows.sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`| \`${file}\` | ${score(c).toFixed(1)}% | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} |`);
  }
  console.log(`| **all** | **${score(total).toFixed(1)}%** | ${total.killed} | ${total.timeout} | ${total.survived} | ${total.noCoverage} |`);
} else {
  for (const [file, c] of rows.sort((a, b) => score(a[1]) - score(b[1]))) {
    console.log(`${file.padEnd(28)} ${score(c).toFixed(1).padStart(6)}%  killed ${c.killed}, timeout ${c.timeout}, survived ${c.survived}, no coverage ${c.noCoverage}`);
  }
  console.log(`${'all'.padEnd(28)} ${score(total).toFixed(1).padStart(6)}%  killed ${total.killed}, timeout ${total.timeout}, survived ${total.survived}, no coverage ${total.noCoverage}`);
}
