// Finds the Chromium that the browser tests and `npm start` drive: the one
// named by CHROME_PATH, else Debian's. As root on Debian, a missing browser
// (or its translations, which the Russian-interface tests need) is
// installed; otherwise the caller is told exactly what to do.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but no file is there.`);
  }
  return CANDIDATES.find((path) => existsSync(path));
}

/** Debian ships Chromium's interface translations apart, in chromium-l10n. */
const DEBIAN_TRANSLATION = '/usr/lib/chromium/locales/ru.pak';

function aptInstall(packages) {
  console.log(`Installing Debian's ${packages.join(' and ')} (apt-get install -y ${packages.join(' ')})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...packages]]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${run.status}).`);
  }
}

export function ensureChromium() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const canInstall = isRoot && existsSync('/usr/bin/apt-get');
  const found = findChromium();
  if (found) {
    if (found === '/usr/bin/chromium' && !existsSync(DEBIAN_TRANSLATION) && canInstall) aptInstall(['chromium-l10n']);
    return found;
  }
  if (canInstall) {
    aptInstall(['chromium', 'chromium-l10n']);
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    'The browser tests need Chromium and none was found. Install it (Debian: sudo apt-get install -y chromium chromium-l10n) ' +
      'or set CHROME_PATH to a Chromium or Chrome for Testing binary. Branded Google Chrome cannot load unpacked extensions from the command line.',
  );
}
