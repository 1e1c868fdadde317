import type { Command } from 'commander';
import { join } from 'node:path';
import { hasErrors, sharedParseCache, validateWorkspace } from '../../core/index.ts';
import { PACKAGE_ROOT } from '../../site/build-site.ts';
import { formatDiagnostics, summary } from '../format-diagnostics.ts';
import { resolveRoot, rootOption, type CommandContext } from '../context.ts';
import { UsageError } from '../output.ts';

export function registerDev(program: Command, context: CommandContext): void {
  program
    .command('dev')
    .description('serve the report site live for a workshop: pages reload when a workspace file changes')
    .addOption(rootOption())
    .option('--port <n>', 'port to listen on (default: 4321, or the next free one)')
    .option('--host <address>', 'address to listen on (default: 127.0.0.1; use 0.0.0.0 to share on the local network)')
    .action(async (options: { root?: string; port?: string; host?: string }) => {
      const root = resolveRoot(options.root);
      const port = options.port === undefined ? 4321 : Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${options.port}"`);
      // The parse is kept for the site's first page view (see parse-cache.ts).
      const { diagnostics } = validateWorkspace(root, { preparsed: sharedParseCache().preparse(root) });
      if (diagnostics.length) {
        process.stdout.write(formatDiagnostics(diagnostics, 'text'));
        process.stderr.write(`${summary(diagnostics)}\n`);
      }
      if (hasErrors(diagnostics)) process.stderr.write('The site shows these errors until they are fixed; it reloads on every save.\n');
      process.env.TOUCHSTONE_ROOT = root;
      process.env.TOUCHSTONE_PACKAGE_SCHEMAS = join(PACKAGE_ROOT, 'schemas');
      process.env.ASTRO_TELEMETRY_DISABLED = '1';
      // Astro asks the npm registry whether it is out of date: a workshop's server only listens.
      process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
      const bind = options.host ?? '127.0.0.1';
      if (!isLoopback(bind)) {
        process.stderr.write(`Warning: --host ${bind} puts the live site on the network: anyone who can reach this machine can read the reports (only the site's pages are served, not the workspace's files).\n`);
      }
      const { dev } = await import('astro');
      const server = await dev({ root: PACKAGE_ROOT, logLevel: 'warn', server: { port, host: bind } });
      const host = bind === '0.0.0.0' || bind === '::' ? '127.0.0.1' : bind.includes(':') ? `[${bind}]` : bind;
      process.stdout.write(`Touchstone is live at http://${host}:${server.address.port}/ (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => { void server.stop().then(resolve); };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      context.exitCode = 0;
    });
}

/** Whether an address to listen on is this machine only (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}
