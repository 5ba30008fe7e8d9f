// Lists the mutants no test noticed, from Stryker's JSON report, by module
// and line: the list docs/mutation-testing.md asks to kill or explain.
//
//   npx tsx scripts/mutation-survivors.ts [report.json …] [--only src/core/x.ts] [--markdown]
//
// With several reports (a run of all of src/core and later runs of single
// modules), each module is taken from the last report that holds it, so
// the figures are those of its latest run.
import { existsSync, readFileSync } from 'node:fs';

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
  statusReason?: string;
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

const COUNTED_KILLED = new Set(['Killed', 'Timeout']);
const NOT_KILLED = new Set(['Survived', 'NoCoverage']);

function parseArgs(argv: string[]): { reports: string[]; only?: string; markdown: boolean } {
  const reports: string[] = [];
  let only: string | undefined;
  let markdown = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--only') only = argv[++i];
    else if (arg === '--markdown') markdown = true;
    else reports.push(arg);
  }
  if (reports.length === 0) reports.push('reports/mutation/mutation-core.json');
  return { reports, only, markdown };
}

function readReport(path: string): Report {
  if (!existsSync(path)) throw new Error(`${path}: no such report (run npm run test:mutation first)`);
  const report = JSON.parse(readFileSync(path, 'utf8')) as Partial<Report>;
  if (typeof report.files !== 'object' || report.files === null) throw new Error(`${path}: not a Stryker JSON report (no "files")`);
  return report as Report;
}

/** Each module from the last report that holds it. */
function latestModules(paths: string[]): Map<string, Mutant[]> {
  const modules = new Map<string, Mutant[]>();
  for (const path of paths) for (const [file, { mutants }] of Object.entries(readReport(path).files)) modules.set(file, mutants);
  return modules;
}

function score(mutants: Mutant[]): { killed: number; survived: number; noCoverage: number; ignored: number; percent: number } {
  const killed = mutants.filter((m) => COUNTED_KILLED.has(m.status)).length;
  const survived = mutants.filter((m) => m.status === 'Survived').length;
  const noCoverage = mutants.filter((m) => m.status === 'NoCoverage').length;
  const ignored = mutants.filter((m) => m.status === 'Ignored').length;
  const counted = killed + survived + noCoverage;
  return { killed, survived, noCoverage, ignored, percent: counted === 0 ? 100 : (100 * killed) / counted };
}

function describe(m: Mutant): string {
  const replacement = (m.replacement ?? '').replace(/\s+/g, ' ');
  const shown = replacement.length > 70 ? `${replacement.slice(0, 67)}…` : replacement;
  return `${m.status === 'NoCoverage' ? 'not reached: ' : ''}${m.mutatorName} \`${shown}\``;
}

function main(): void {
  const { reports, only, markdown } = parseArgs(process.argv.slice(2));
  const modules = latestModules(reports);
  let total = { killed: 0, survived: 0, noCoverage: 0, ignored: 0 };
  const rows: string[] = [];
  const lists: string[] = [];
  for (const [file, mutants] of [...modules].sort(([a], [b]) => a.localeCompare(b))) {
    if (only && file !== only) continue;
    const s = score(mutants);
    total = {
      killed: total.killed + s.killed,
      survived: total.survived + s.survived,
      noCoverage: total.noCoverage + s.noCoverage,
      ignored: total.ignored + s.ignored,
    };
    rows.push(`| \`${file}\` | ${s.percent.toFixed(1)} % | ${s.killed} | ${s.survived} | ${s.noCoverage} | ${s.ignored} |`);
    const left = mutants.filter((m) => NOT_KILLED.has(m.status));
    if (left.length === 0) continue;
    const byLine = new Map<number, Mutant[]>();
    for (const m of left) byLine.set(m.location.start.line, [...(byLine.get(m.location.start.line) ?? []), m]);
    lists.push(`${markdown ? '#### ' : ''}\`${file}\` (${left.length})`, '');
    for (const [line, ms] of [...byLine].sort(([a], [b]) => a - b)) lists.push(`- L${line}: ${ms.map(describe).join('; ')}`);
    lists.push('');
  }
  const counted = total.killed + total.survived + total.noCoverage;
  rows.push(
    `| **total** | **${counted === 0 ? '100.0' : ((100 * total.killed) / counted).toFixed(1)} %** | ${total.killed} | ${total.survived} | ${total.noCoverage} | ${total.ignored} |`,
  );
  console.log(
    ['| Module | Score | Killed | Survived | Not reached | Ignored |', '| --- | ---: | ---: | ---: | ---: | ---: |', ...rows, '', ...lists].join('\n'),
  );
}

main();
