/**
 * Code that runs inside the benchmarked pages (portal and vanilla alike). {@link installProbes} is added as an init
 * script: it records long tasks and layout shifts from the start, watches for the sign-in form's email field, and
 * notes the ids of every ticket-list answer. {@link act} performs one list operation and resolves when the rows on
 * screen are the rows of the newest answer. Every query looks through shadow roots.
 */

export interface Probes {
  /** ms after navigation start when the email field was first visible and enabled. */
  formAt: number | null;
  longTasks: number[];
  /** Layout-shift score as the metric counts it (shifts right after input left out) and every shift. */
  cls: number;
  shiftAll: number;
  /** Number of ticket-list answers so far and the ids of the newest. */
  answers: number;
  lastIds: string;
}

type BenchWindow = Window & { __bench: Probes; __deep: (selector: string) => Element[] };

export function installProbes() {
  const w = window as unknown as BenchWindow;
  const probes: Probes = { formAt: null, longTasks: [], cls: 0, shiftAll: 0, answers: 0, lastIds: '' };
  w.__bench = probes;
  const deep = (selector: string, root: Document | ShadowRoot = document, out: Element[] = []): Element[] => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(selector)) out.push(el);
      if (el.shadowRoot) deep(selector, el.shadowRoot, out);
    }
    return out;
  };
  w.__deep = (selector) => deep(selector);
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) probes.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        probes.shiftAll += e.value;
        if (!e.hadRecentInput) probes.cls += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch { /* entry type not supported: reported as 0 */ }
  const original = window.fetch;
  window.fetch = async function (this: unknown, ...args: Parameters<typeof fetch>) {
    const res = await original.apply(this, args);
    const url = typeof args[0] === 'string' ? args[0] : args[0] instanceof URL ? args[0].href : args[0].url;
    if (/\/api\/v1\/tickets\?/.test(url) && res.ok) {
      const body = await res.clone().json() as { items?: { id: number }[] };
      if (Array.isArray(body.items)) {
        probes.answers++;
        probes.lastIds = body.items.map((t) => t.id).join(',');
      }
    }
    return res;
  };
  const watch = () => {
    const field = deep('input[type="email"]').find((el) => (el as HTMLInputElement).checkVisibility?.() && !(el as HTMLInputElement).disabled);
    if (field) probes.formAt = performance.now();
    else requestAnimationFrame(watch);
  };
  if (document.readyState === 'loading') document.addEventListener('readystatechange', watch, { once: true });
  else watch();
}

export type Action = 'sign-in' | 'sort' | 'next' | 'status' | 'view' | 'search' | 'none';

/**
 * Runs in the page: starts the clock, performs the action, and resolves with the ms until the rows shown equal
 * the newest ticket-list answer that arrived after the action (checked every animation frame, so the time is
 * that of the frame that would paint them).
 */
export function act(action: Action): Promise<number> {
  const w = window as unknown as BenchWindow;
  const deep = w.__deep;
  const probes = w.__bench;
  const button = (text: string) => deep('button').find((b) => b.textContent?.trim().startsWith(text)) as HTMLButtonElement | undefined;
  const before = probes.answers;
  const t0 = performance.now();
  switch (action) {
    case 'sign-in': button('Sign in')!.click(); break;
    case 'sort': (deep('th button').find((b) => b.textContent?.includes('Subject')) as HTMLButtonElement).click(); break;
    case 'next': button('Next page')!.click(); break;
    case 'status': {
      const select = deep('select#status')[0] as HTMLSelectElement;
      select.value = 'open';
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      break;
    }
    case 'view': (deep('input[type="radio"][value="company"]')[0] as HTMLInputElement).click(); break;
    case 'search': {
      const input = deep('input#search')[0] as HTMLInputElement;
      input.value = 'invoice';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      break;
    }
    case 'none': break;
  }
  return new Promise((resolve, reject) => {
    const check = () => {
      const ids = deep('tr[data-id]').map((tr) => (tr as HTMLElement).dataset.id).join(',');
      const busy = deep('table[aria-busy="true"]').length > 0;
      if (probes.answers > before && ids === probes.lastIds && ids !== '' && !busy) resolve(performance.now() - t0);
      else if (performance.now() - t0 > 30_000) reject(new Error(`${action}: rows did not match the answer within 30 s`));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Runs in the page: every node (comments and text included) under `selector`, shadow roots included. */
export function countNodes(selector: string): number {
  const find = (root: Document | ShadowRoot): Element | null => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      const inner = el.shadowRoot && find(el.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  const start = find(document);
  if (!start) throw new Error(`no ${selector} on the page`);
  let count = 0;
  const walk = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      count++;
      const shadow = (node as Element).shadowRoot;
      if (shadow) walk(shadow);
    }
  };
  walk(start);
  return count;
}
