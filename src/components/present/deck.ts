// The presenter view's enhancement: one slide at a time, keyboard and button navigation,
// the slide kept in the URL hash (so a reload stays on it). Without this script the page
// is a long scrolling document whose sections are the slides.

const KEYS_NEXT = new Set(['ArrowRight', 'PageDown']);
const KEYS_PREV = new Set(['ArrowLeft', 'PageUp']);
/**
 * A slide taller than the screen is zoomed out to fit, as slide software does, but not below
 * this: smaller type is unreadable from the back of a room, so such a slide scrolls instead.
 */
const MIN_ZOOM = 0.6;

export function startDeck(): void {
  const slides = [...document.querySelectorAll<HTMLElement>('[data-slide]')];
  if (slides.length === 0) return;
  const main = document.querySelector<HTMLElement>('.deck-main');
  const prevBtn = document.querySelector<HTMLButtonElement>('[data-deck="prev"]');
  const nextBtn = document.querySelector<HTMLButtonElement>('[data-deck="next"]');
  const fullBtn = document.querySelector<HTMLButtonElement>('[data-deck="full"]');
  const count = document.querySelector<HTMLElement>('[data-deck="count"]');
  const template = main?.dataset.slideOf ?? '{n} / {total}';
  let current = -1;

  document.documentElement.classList.add('deck-js');
  for (const el of [prevBtn, nextBtn, count]) el?.removeAttribute('hidden');
  if (fullBtn && document.fullscreenEnabled) fullBtn.removeAttribute('hidden');

  /**
   * The slide that holds the element named by a hash (a slide id or any id inside a slide); the
   * first slide for a hash that names nothing, or that cannot be decoded (`#%E0%A4%A`, `#%`:
   * decodeURIComponent throws on those, and a throw here would leave the deck without navigation).
   */
  function slideOf(hash: string): number {
    let id: string;
    try {
      id = decodeURIComponent(hash.replace(/^#/, ''));
    } catch {
      return 0;
    }
    if (!id) return 0;
    const target = document.getElementById(id);
    if (!target) return 0;
    const i = slides.findIndex((s) => s === target || s.contains(target));
    return i === -1 ? 0 : i;
  }

  function show(i: number, options: { focus: boolean; updateHash: boolean }): void {
    const next = Math.max(0, Math.min(slides.length - 1, i));
    slides.forEach((s, k) => {
      s.hidden = k !== next;
      s.classList.toggle('current', k === next);
    });
    const changed = next !== current;
    current = next;
    if (prevBtn) prevBtn.disabled = current === 0;
    if (nextBtn) nextBtn.disabled = current === slides.length - 1;
    if (count) count.textContent = template.replace('{n}', String(current + 1)).replace('{total}', String(slides.length));
    if (options.updateHash) {
      const hash = `#${slides[current]!.id}`;
      if (location.hash !== hash) history.replaceState(null, '', hash);
    }
    fit(slides[current]!);
    if (changed) window.scrollTo(0, 0);
    if (options.focus) slides[current]!.focus({ preventScroll: true });
  }

  /**
   * Zooms the slide out as little as needed for the page to fit the window. CSS zoom reflows
   * the slide (zoomed-out lines hold more words), so the height is not proportional to the zoom:
   * the largest zoom that fits is found by bisection.
   */
  function fit(slide: HTMLElement): void {
    const fits = (zoom: number): boolean => {
      if (zoom === 1) slide.style.removeProperty('zoom');
      else slide.style.setProperty('zoom', zoom.toFixed(3));
      return document.documentElement.scrollHeight <= window.innerHeight;
    };
    // Measured with the slide's fill of the window off (present.css), so that only its content counts.
    const root = document.documentElement;
    root.classList.add('deck-measuring');
    try {
      if (fits(1) || !fits(MIN_ZOOM)) return; // fits as it is; or scrolls at the smallest readable size
      let [lo, hi] = [MIN_ZOOM, 1];
      for (let pass = 0; pass < 7; pass++) {
        const mid = (lo + hi) / 2;
        if (fits(mid)) lo = mid;
        else hi = mid;
      }
      fits(lo);
    } finally {
      root.classList.remove('deck-measuring');
    }
  }

  const go = (i: number) => show(i, { focus: true, updateHash: true });

  show(slideOf(location.hash), { focus: false, updateHash: false });
  // The browser scrolls to the hash's target after load; a slide starts at the top instead.
  window.addEventListener('load', () => window.scrollTo(0, 0), { once: true });
  window.addEventListener('hashchange', () => show(slideOf(location.hash), { focus: true, updateHash: false }));
  // A projector's resolution, full screen and the window's size change what fits; so does a font
  // that arrives after the slide was fitted (Chinese text is often set in a font loaded on first use).
  window.addEventListener('resize', () => fit(slides[current]!));
  document.fonts?.addEventListener('loadingdone', () => fit(slides[current]!));
  prevBtn?.addEventListener('click', () => go(current - 1));
  nextBtn?.addEventListener('click', () => go(current + 1));
  fullBtn?.addEventListener('click', () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  });

  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    let to: number | null = null;
    if (KEYS_NEXT.has(event.key)) to = current + 1;
    else if (KEYS_PREV.has(event.key)) to = current - 1;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = slides.length - 1;
    else if ((event.key === 'f' || event.key === 'F') && fullBtn && !fullBtn.hidden) {
      fullBtn.click();
      return;
    }
    if (to === null) return;
    event.preventDefault();
    go(to);
  });

  // The language switch keeps the slide.
  document.querySelector<HTMLAnchorElement>('a.deck-lang')?.addEventListener('click', (event) => {
    const link = event.currentTarget as HTMLAnchorElement;
    link.hash = `#${slides[current]!.id}`;
  });
}
