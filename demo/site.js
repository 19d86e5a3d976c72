// The demo site's own script: a color-scheme switch and a language picker. The portal follows both by itself:
// theme="auto" reads the page's color-scheme, and the portal speaks the page's `lang`.
const root = document.documentElement;

function applyTheme(theme) {
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
}

function applyLanguage(lang) {
  // The site's own texts stay English here; the portal writes its language in its own direction (Arabic: rtl).
  root.lang = lang;
  // The portal reads `lang` when it (re)loads its settings; ask it to look again.
  for (const portal of document.querySelectorAll('customer-portal')) portal.requestUpdate?.();
}

const stored = (key) => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const store = (key, value) => {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
};

const themeSelect = document.querySelector('#site-theme');
const languageSelect = document.querySelector('#site-language');
const theme = stored('demo:theme') ?? 'system';
const language = stored('demo:lang') ?? root.lang;
applyTheme(theme);
if (language !== root.lang) applyLanguage(language);
if (themeSelect) {
  themeSelect.value = theme;
  themeSelect.addEventListener('change', () => {
    applyTheme(themeSelect.value);
    store('demo:theme', themeSelect.value);
  });
}
if (languageSelect) {
  languageSelect.value = root.lang;
  languageSelect.addEventListener('change', () => {
    applyLanguage(languageSelect.value);
    store('demo:lang', languageSelect.value);
  });
}
