/**
 * The Content-Security-Policy of every built page (README, "Security"). Astro writes it into each
 * page's <head> as <meta http-equiv="content-security-policy"> (astro.config.mjs: security.csp),
 * with `script-src 'self'` and `style-src 'self'` plus the SHA-256 hash of each inline <script>
 * (island loaders, small enhancements) and <style> (the stylesheets, inlined:
 * build.inlineStylesheets 'always') it emitted. No 'unsafe-inline', no 'unsafe-eval' for scripts or
 * styles: the answer form's schema validator is precompiled (src/site/schema-validators.ts), and
 * no page has a style="" attribute (bars are SVG geometry, layout is in classes), which would need
 * 'unsafe-inline' for style-src-attr. Scripts change styles through the CSSOM only (element.style,
 * chart.js, the presenter view's zoom), which a policy does not restrict.
 *
 * The site is static and self-contained: everything it loads is its own (the scripts and chunks in
 * /_astro/, the favicon), whatever `--base` it is served under; it fetches nothing, embeds nothing and
 * submits no form. So nothing is allowed that is not listed, and nothing from another origin.
 * `touchstone dev` sends no policy: Astro does not apply it in dev, where Vite's client injects
 * inline scripts and styles for hot reloading.
 */
import type { AstroUserConfig } from 'astro';

/** The directives besides script-src and style-src, which Astro adds with the page's hashes. */
export const CSP_DIRECTIVES = [
  // Anything not named below (fetch, fonts, frames, workers, media, manifests) is refused.
  "default-src 'none'",
  // The favicon, and any image the site's own pages reference.
  "img-src 'self'",
  "object-src 'none'",
  // No <base> may move the site's relative links elsewhere.
  "base-uri 'none'",
  // Nothing is posted: the answer form downloads a file it makes in the page.
  "form-action 'none'",
] as const;

/**
 * What a <meta> cannot carry, for hosts that send headers (README): `frame-ancestors` works only
 * in a header. It restricts nothing the page's own policy allows, so both apply side by side.
 */
export const CSP_HEADER = "frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'none'";

export const contentSecurityPolicy = {
  algorithm: 'SHA-256',
  directives: [...CSP_DIRECTIVES],
} satisfies NonNullable<NonNullable<AstroUserConfig['security']>['csp']>;
