// Lists the mutants no test noticed, from Stryker's JSON report, by module
// and line: the list docs/mutation-testing.md asks to kill or explain. With
// --explained, the mutants switched off by a `// Stryker disable` comment
// instead, each with the reason the comment gives.
//
//   npm run mutation:survivors -- [report.json …] [--only src/core/x.ts] [--explained]
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

function parseArgs(argv: string[]): { reports: string[]; only?: string; explained: boolean } {
  const reports: string[] = [];
  let only: string | undefined;
  let explained = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--only') only = argv[++i];
    else if (arg === '--explained') explained = true;
    else reports.push(arg);
  }
  if (reports.length === 0) reports.push('reports/mutation/mutation-core.json');
  return { reports, only, explained };
}

/** Switched off by a comment (its reason), rather than left out as static. */
function isExplained(m: Mutant): boolean {
  return m.status === 'Ignored' && !(m.statusReason ?? '').startsWith('Static mutant');
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

function score(mutants: Mutant[]): { killed: number; survived: number; noCoverage: number; explained: number; ignored: number; percent: number } {
  const killed = mutants.filter((m) => COUNTED_KILLED.has(m.status)).length;
  const survived = mutants.filter((m) => m.status === 'Survived').length;
  const noCoverage = mutants.filter((m) => m.status === 'NoCoverage').length;
  const explained = mutants.filter(isExplained).length;
  const ignored = mutants.filter((m) => m.status === 'Ignored').length - explained;
  const counted = killed + survived + noCoverage;
  return { killed, survived, noCoverage, explained, ignored, percent: counted === 0 ? 100 : (100 * killed) / counted };
}

function describe(m: Mutant): string {
  const replacement = (m.replacement ?? '').replace(/\s+/g, ' ');
  const shown = replacement.length > 70 ? `${replacement.slice(0, 67)}…` : replacement;
  return `${m.status === 'NoCoverage' ? 'not reached: ' : ''}${m.mutatorName} \`${shown}\``;
}

/** Mutants grouped by line: "- L12: mutator `replacement`; …" (or the reason each was switched off). */
function byLine(file: string, mutants: Mutant[], line: (ms: Mutant[]) => string): string[] {
  if (mutants.length === 0) return [];
  const lines = new Map<number, Mutant[]>();
  for (const m of mutants) lines.set(m.location.start.line, [...(lines.get(m.location.start.line) ?? []), m]);
  return [`\`${file}\` (${mutants.length})`, '', ...[...lines].sort(([a], [b]) => a - b).map(([n, ms]) => `- L${n}: ${line(ms)}`), ''];
}

function main(): void {
  const { reports, only, explained } = parseArgs(process.argv.slice(2));
  const modules = latestModules(reports);
  const total = { killed: 0, survived: 0, noCoverage: 0, explained: 0, ignored: 0 };
  const rows: string[] = [];
  const lists: string[] = [];
  for (const [file, mutants] of [...modules].sort(([a], [b]) => a.localeCompare(b))) {
    if (only && file !== only) continue;
    const s = score(mutants);
    total.killed += s.killed;
    total.survived += s.survived;
    total.noCoverage += s.noCoverage;
    total.explained += s.explained;
    total.ignored += s.ignored;
    rows.push(`| \`${file}\` | ${s.percent.toFixed(1)} % | ${s.killed} | ${s.survived} | ${s.noCoverage} | ${s.explained} | ${s.ignored} |`);
    lists.push(
      ...byLine(
        file,
        mutants.filter((m) => NOT_KILLED.has(m.status)),
        (ms) => ms.map(describe).join('; '),
      ),
    );
    if (explained) {
      const reasons = (ms: Mutant[]) => [...new Set(ms.map((m) => `${m.mutatorName}: ${m.statusReason}`))].join('; ');
      lists.push(...byLine(`${file}, switched off`, mutants.filter(isExplained), reasons));
    }
  }
  const counted = total.killed + total.survived + total.noCoverage;
  const percent = counted === 0 ? '100.0' : ((100 * total.killed) / counted).toFixed(1);
  rows.push(`| **total** | **${percent} %** | ${total.killed} | ${total.survived} | ${total.noCoverage} | ${total.explained} | ${total.ignored} |`);
  const head = [
    '| Module | Score | Killed | Survived | Not reached | Switched off (reason given) | Static |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  console.log([...head, ...rows, '', ...lists].join('\n'));
}

main();
