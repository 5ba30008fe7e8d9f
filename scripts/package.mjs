// `npm run package`: the files a release uploads, in packages/:
//   chiplens-chrome-<version>.zip   for the Chrome Web Store (from dist/)
//   chiplens-firefox-<version>.zip  for Firefox Add-ons (from dist-firefox/)
//   chiplens-sources-<version>.zip  the tracked sources at HEAD, from which
//                                   Firefox's reviewers rebuild the add-on
// Both extensions are built afresh, the Firefox one linted with warnings as
// errors, and each build checked before it is zipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const OUT = 'packages';
const bin = (name) => `node_modules/.bin/${name}`;

function run(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) fail(`${title} failed (exit ${result.status}).`);
}

function fail(message) {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(dir, path));
}

/** What a store would refuse, or a reviewer question: checked on the folder that gets zipped. */
function checkBuild(dir, browser) {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) fail(`${dir}: no manifest.json at the top.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.version !== version) fail(`${dir}: manifest version ${manifest.version}, package.json says ${version}.`);
  if (browser === 'firefox' && !manifest.browser_specific_settings?.gecko?.id) fail(`${dir}: no Gecko id.`);
  if (browser === 'chrome' && !manifest.background?.service_worker) fail(`${dir}: no service worker.`);
  // Dot-folders (vite's own manifest) are left out of the zip by web-ext.
  const shipped = filesUnder(dir).filter((path) => !path.split(/[\\/]/).some((part) => part.startsWith('.')));
  const stray = shipped.filter((path) => /\.(map|ts|tsx)$|(^|[\\/])(tests?|fixtures)[\\/]/.test(path));
  if (stray.length) fail(`${dir}: files that do not belong in a store package: ${stray.join(', ')}`);
  return shipped.length;
}

function zip(dir, filename) {
  run(`zip ${dir} → ${OUT}/${filename}`, bin('web-ext'), ['build', '--source-dir', dir, '--artifacts-dir', OUT, '--filename', filename, '--overwrite-dest']);
}

const tracked = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' });
if (tracked.status !== 0) fail('the sources archive is made with git, which failed here (is this a git checkout?).');
if (tracked.stdout.trim()) {
  console.warn('\n⚠ Tracked files have uncommitted changes: the sources archive holds HEAD, the extension zips hold the working tree.');
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT);
run('build for Chrome (dist/)', bin('vite'), ['build', '--logLevel', 'warn']);
run('build for Firefox (dist-firefox/)', bin('vite'), ['build', '--mode', 'firefox', '--logLevel', 'warn']);
run('lint the Firefox build (warnings are errors)', bin('web-ext'), ['lint', '--source-dir', 'dist-firefox', '--warnings-as-errors']);
const counts = { chrome: checkBuild('dist', 'chrome'), firefox: checkBuild('dist-firefox', 'firefox') };
zip('dist', `chiplens-chrome-${version}.zip`);
zip('dist-firefox', `chiplens-firefox-${version}.zip`);
run('sources archive (git archive HEAD)', 'git', [
  'archive',
  '--format=zip',
  `--prefix=chiplens-${version}/`,
  '-o',
  join(OUT, `chiplens-sources-${version}.zip`),
  'HEAD',
]);

console.log(`\nPackages in ${OUT}/:`);
for (const name of readdirSync(OUT).sort()) {
  const what = name.includes('chrome') ? ` (${counts.chrome} files)` : name.includes('firefox') ? ` (${counts.firefox} files)` : '';
  console.log(`  ${name}  ${(statSync(join(OUT, name)).size / 1024).toFixed(0)} KB${what}`);
}
