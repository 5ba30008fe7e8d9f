// Finds the Firefox that the Firefox browser tests drive: the one named by
// FIREFOX_PATH, else Debian's firefox-esr. As root on Debian a missing one is
// installed; elsewhere the caller says plainly that those tests did not run.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function findFirefox() {
  if (process.env.FIREFOX_PATH) {
    if (existsSync(process.env.FIREFOX_PATH)) return process.env.FIREFOX_PATH;
    throw new Error(`FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, but no file is there.`);
  }
  return CANDIDATES.find((path) => existsSync(path));
}

/** Firefox's path, installing Debian's firefox-esr when root can; undefined when there is none. */
export function ensureFirefox() {
  const found = findFirefox();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return undefined;
  console.log("Installing Debian's firefox-esr (apt-get install -y firefox-esr)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'firefox-esr']]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${run.status}).`);
  }
  return findFirefox();
}
