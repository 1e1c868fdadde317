import { Option, type Command } from 'commander';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { checkPdfTarget, hasErrors, type Lang } from '../../core/index.ts';
import { validateInParallel } from '../parallel-validate.ts';
import { forgetValidatedWorkspace, offerValidatedWorkspace } from '../../site/preloaded.ts';
import { buildSite, SiteBuildError } from '../../site/build-site.ts';
import { serveStatic } from '../../site/static-server.ts';
import { makeTempFolder, removeTempFolder } from '../../site/temp-folders.ts';
import { formatDiagnostics, summary } from '../format-diagnostics.ts';
import { resolveRoot, rootOption, type CommandContext } from '../context.ts';
import { UsageError, UserError } from '../output.ts';
import { selectVersion } from '../select-audit.ts';


const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export function findChromium(): string {
  const fromEnv = process.env.TOUCHSTONE_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new UserError(`TOUCHSTONE_CHROMIUM points at ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new UserError('no Chromium found: install it (Debian: apt-get install chromium) or set TOUCHSTONE_CHROMIUM to its path');
  return found;
}

export function registerPdf(program: Command, context: CommandContext): void {
  program
    .command('pdf')
    .description('print an audit report to an A4 PDF with headless Chromium')
    .argument('<audit>', 'the audit as <org>/<version> (or <org> for its latest audit)')
    .addOption(rootOption())
    .addOption(new Option('--lang <lang>', 'report language (default: the organisation\'s locale)').choices(['en', 'zh']))
    .option('--out <file>', 'the PDF to write (default: <org>-<version>-<lang>.pdf)')
    .option('--site <dir>', 'use this already built site instead of building one')
    .option('--force', 'replace an existing file at --out even if it is not a PDF')
    .action(async (spec: string, options: { root?: string; lang?: Lang; out?: string; site?: string; force?: boolean }) => {
      const [org, version, extra] = spec.split('/');
      if (!org || extra !== undefined) throw new UsageError(`expected <org>/<version>, got "${spec}"`);
      const root = resolveRoot(options.root);
      if (options.out !== undefined) refuseTarget(root, resolve(options.out), options.force === true);
      const { workspace, diagnostics } = await validateInParallel(root);
      if (hasErrors(diagnostics)) {
        process.stdout.write(formatDiagnostics(diagnostics, 'text'));
        process.stderr.write(`${summary(diagnostics)}\nNo PDF was made: fix the errors above first.\n`);
        context.exitCode = 1;
        return;
      }
      // An organisation or version the workspace does not have is a usage error (exit 2), as in score and diff.
      const { org: orgModel, audit } = selectVersion(workspace, org, version || undefined, options.lang);
      const lang: Lang = options.lang ?? orgModel.org.data.locale;
      const out = resolve(options.out ?? `${org}-${audit.version}-${lang}.pdf`);
      refuseTarget(root, out, options.force === true);

      let site = options.site ? resolve(options.site) : undefined;
      let scratch: string | undefined;
      if (site && !existsSync(join(site, lang, org, audit.version, 'index.html'))) {
        throw new UserError(`${site} has no page for ${org}/${audit.version} in ${lang}: build the site again (touchstone build)`);
      }
      const executablePath = findChromium();
      try {
        if (!site) {
          scratch = makeTempFolder(tmpdir(), 'touchstone-pdf-');
          site = join(scratch, 'site');
          // The workspace was validated above: hand it to the site build rather than parse it again.
          offerValidatedWorkspace(root, Promise.resolve({ workspace, diagnostics }));
          try {
            // Only this organisation: nothing of any other (a name, a rank) can reach its PDF.
            await buildSite({ root, out: site, orgs: [org] });
          } catch (error) {
            if (error instanceof SiteBuildError) throw new UserError(error.message);
            throw error;
          } finally {
            forgetValidatedWorkspace();
          }
        }
        await printPdf({ site, path: `/${lang}/${org}/${audit.version}/`, out, executablePath });
        process.stderr.write(`Wrote ${relative(process.cwd(), out) || out}\n`);
        context.exitCode = 0;
      } finally {
        if (scratch) removeTempFolder(scratch);
      }
    });
}

/** A PDF never lands on the workspace's own files, nor over a file that is not a PDF unless --force. */
function refuseTarget(root: string, out: string, force: boolean): void {
  const problem = checkPdfTarget(root, out, force);
  if (problem) throw new UserError(`will not write the PDF to ${relative(process.cwd(), out) || out}: ${problem}`);
}

export async function printPdf(options: { site: string; path: string; out: string; executablePath?: string }): Promise<void> {
  const { chromium } = await import('playwright-core');
  const server = await serveStatic(options.site);
  const browser = await chromium.launch({ executablePath: options.executablePath ?? findChromium(), headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 1400 } });
    const response = await page.goto(server.url + options.path, { waitUntil: 'load' });
    if (!response || !response.ok()) throw new UserError(`the report page ${options.path} did not load (${response?.status() ?? 'no response'})`);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    mkdirSync(dirname(options.out), { recursive: true });
    await page.pdf({
      path: options.out,
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await browser.close();
    await server.close();
  }
}
