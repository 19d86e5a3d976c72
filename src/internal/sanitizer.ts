import type { DOMPurify } from 'dompurify';

/**
 * The one way untrusted HTML (ticket messages, the admin's consent text) becomes DOM. DOMPurify loads on first
 * use, so views without such HTML never download it. The result is a DocumentFragment — no HTML string ever
 * is ever bound as markup.
 */
export type SanitizeProfile = 'message' | 'consent';

export interface SanitizeOptions {
  profile: SanitizeProfile;
  /** Show remote images (`message` profile). Otherwise they are held back as placeholders. */
  showImages?: boolean;
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Whether a URL may be bound to `href`/`src`: absolute `http:`, `https:` or `mailto:` only. */
export function isSafeUrl(value: string): boolean {
  try {
    return SAFE_PROTOCOLS.has(new URL(value.trim()).protocol);
  } catch {
    return false;
  }
}

const PROFILES = {
  consent: {
    ALLOWED_TAGS: ['a', 'b', 'strong', 'i', 'em', 'u', 'br', 'p', 'span'],
    ALLOWED_ATTR: ['href', 'title'],
  },
  message: {
    ALLOWED_TAGS: [
      'a', 'abbr', 'b', 'blockquote', 'br', 'code', 'del', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i',
      'img', 'li', 'ol', 'p', 'pre', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot',
      'th', 'thead', 'tr', 'u', 'ul',
    ],
    ALLOWED_ATTR: ['href', 'title', 'alt', 'src', 'width', 'height', 'colspan', 'rowspan', 'scope', 'dir', 'lang'],
  },
} as const;

let purifier: Promise<DOMPurify> | undefined;
let showImagesNow = false;

function configure(purify: DOMPurify): DOMPurify {
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href');
      if (href !== null && !isSafeUrl(href)) node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    if (node.tagName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      node.removeAttribute('src');
      if (isSafeUrl(src) && !src.startsWith('mailto:')) {
        if (showImagesNow) node.setAttribute('src', src);
        else node.setAttribute('data-held-src', src);
      }
      node.setAttribute('loading', 'lazy');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
  return purify;
}

/** Loads DOMPurify (once). Call early to warm it up before content arrives. */
export function loadSanitizer(): Promise<DOMPurify> {
  purifier ??= import('dompurify').then((module) => configure(module.default));
  return purifier;
}

/** Untrusted HTML as a safe DocumentFragment, per profile. */
export async function sanitize(html: string, options: SanitizeOptions): Promise<DocumentFragment> {
  const purify = await loadSanitizer();
  const profile = PROFILES[options.profile];
  showImagesNow = options.profile === 'message' && options.showImages === true;
  try {
    return purify.sanitize(html, {
      ALLOWED_TAGS: [...profile.ALLOWED_TAGS],
      ALLOWED_ATTR: [...profile.ALLOWED_ATTR],
      ALLOW_DATA_ATTR: false,
      RETURN_DOM_FRAGMENT: true,
    });
  } finally {
    showImagesNow = false;
  }
}
