// `npm test`'s first step (pretest): the browser tests drive Debian's Chromium, print Chinese
// PDFs (CJK fonts) and read them back (poppler-utils' pdftotext). Where any is missing, install it
// when that is possible here (root, with apt), or stop at once with the one command to run: never
// a test run that fails or skips half-way for want of a system package.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const hasPackage = (name: string) => spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status === 0;

const missing: string[] = [];
if (!(process.env.TOUCHSTONE_CHROMIUM && existsSync(process.env.TOUCHSTONE_CHROMIUM)) && !existsSync('/usr/bin/chromium')) missing.push('chromium');
if (!has('pdftotext')) missing.push('poppler-utils');
if (has('dpkg') ? !hasPackage('fonts-noto-cjk') : !has('fc-list') || !/CJK/.test(spawnSync('fc-list', { encoding: 'utf8' }).stdout)) missing.push('fonts-noto-cjk');

if (missing.length > 0) {
  const command = `apt-get install -y ${missing.join(' ')}`;
  const root = process.getuid?.() === 0;
  if (root && has('apt-get')) {
    process.stderr.write(`npm test: installing ${missing.join(', ')} for the browser tests (${command})\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env }) : update;
    if (install.status !== 0) {
      process.stderr.write(`npm test: could not install ${missing.join(', ')}; run \`${command}\` and try again\n`);
      process.exit(1);
    }
  } else {
    process.stderr.write(`npm test needs ${missing.join(', ')} for its browser tests. Install ${missing.length === 1 ? 'it' : 'them'} first:\n\n  sudo ${command}\n\n(Debian or Ubuntu; elsewhere, Chromium, Noto CJK fonts and poppler's pdftotext.)\n`);
    process.exit(1);
  }
}
