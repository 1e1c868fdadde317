#!/usr/bin/env node
// Entry point of the `touchstone` command. Touchstone is written in TypeScript and a checkout runs
// on Node's built-in type stripping, so there is no build step between a checkout and the CLI.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`touchstone needs Node.js 22.12 or newer (this is ${process.version}).`);
  console.error('In this repository, `npm install` provides Node 24 to npm scripts and npx; or use `nvm use` (.nvmrc).');
  process.exit(2);
}
// Node strips types only outside node_modules: an installed package runs the JavaScript that
// `npm pack` compiled beside the TypeScript (scripts/pack.ts); a checkout runs the TypeScript.
const installed = new URL(import.meta.url).pathname.split('/').includes('node_modules');
if (!installed && !process.features.typescript) {
  // Node 22.12–22.17 can strip types only behind a flag: run again with it.
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
// Node keeps the compiled code of every module on disk, so that the next command starts sooner
// (about 0.4 s of a build is loading Astro and Vite). As Astro's own CLI does: not in CI, where
// the cache is written and never read; `touchstone dev` runs for hours, so flush it early. The
// cache goes in the user's own cache folder, not the shared temporary one another account could
// fill first (NODE_COMPILE_CACHE, when set, still wins).
if (!process.env.CI) {
  const { constants, enableCompileCache, flushCompileCache } = await import('node:module');
  const { homedir } = await import('node:os');
  const { join } = await import('node:path');
  try {
    const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'touchstone', 'node-compile-cache');
    // Worker threads (the YAML parse) take the cache from the environment: without it each
    // stripped and compiled its TypeScript afresh, 130 ms to start rather than 60 ms.
    if (enableCompileCache?.(dir)?.status === constants?.compileCacheStatus?.ENABLED) process.env.NODE_COMPILE_CACHE ??= dir;
    setTimeout(() => { try { flushCompileCache?.(); } catch {} }, 10_000).unref();
  } catch {}
}
const { main } = await import(installed ? '../src/cli/main.js' : '../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
