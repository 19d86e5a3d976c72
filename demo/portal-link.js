// Knowledge-base snippet: fills every link marked `data-portal-link` with "Go to {portal name}".
// Copy it into a knowledge-base template; `data-api-base` points at the portal's API.
for (const link of document.querySelectorAll('a[data-portal-link]')) {
  const apiBase = link.dataset.apiBase || '/api/v1';
  const lang = document.documentElement.lang || 'en';
  fetch(`${apiBase}/portal?locale=${encodeURIComponent(lang)}`, { credentials: 'include' })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
    .then((portal) => {
      if (portal && portal.enabled && typeof portal.name === 'string') link.textContent = `Go to ${portal.name}`;
      else link.hidden = true;
    })
    .catch(() => {
      // Keep the link's own text ("Go to the help center") when the portal cannot be asked.
    });
}
