// `npm pack` / `npm publish`: prepack compiles the modules Node loads (the command line and core)
// to JavaScript beside their TypeScript, since Node refuses to strip types under node_modules;
// postpack removes exactly those files again, so that a checkout keeps running its TypeScript.
// The list of what was written is kept in .pack-emitted.json between the two steps.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const list = join(root, '.pack-emitted.json');

function clean(): void {
  if (!existsSync(list)) return;
  for (const file of JSON.parse(readFileSync(list, 'utf8')) as string[]) rmSync(join(root, file), { force: true });
  rmSync(list, { force: true });
}

const step = process.argv[2];
if (step === 'compile') {
  clean();
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.pack.json'), '--listEmittedFiles'], { encoding: 'utf8' });
  const emitted = [...result.stdout.matchAll(/^TSFILE: (.+)$/gm)].map((m) => relative(root, m[1]!));
  writeFileSync(list, `${JSON.stringify(emitted, null, 1)}\n`);
  if (result.status !== 0) {
    process.stderr.write(result.stdout.replace(/^TSFILE: .+\n/gm, '') + result.stderr);
    clean();
    process.exit(1);
  }
  process.stderr.write(`compiled ${emitted.length} modules to JavaScript for the package\n`);
} else if (step === 'clean') {
  clean();
} else {
  process.stderr.write('usage: node scripts/pack.ts compile|clean\n');
  process.exit(2);
}
