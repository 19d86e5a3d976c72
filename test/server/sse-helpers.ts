/** An open `GET /events/stream` read as text; `until` waits (with a deadline) for the text to match. */
export async function openStream(url: string, cookie: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/v1/events/stream`, { headers: { cookie, ...headers }, signal: controller.signal });
  let text = '';
  let ended = false;
  const reading = (async () => {
    if (!res.body || res.status !== 200) return;
    const decoder = new TextDecoder();
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
    } catch {
      // Aborted by close().
    }
    ended = true;
  })();
  return {
    status: res.status,
    res,
    get text() { return text; },
    get ended() { return ended; },
    /** Resolves once `test` holds (checked as data arrives), rejects after `ms`. */
    async until(test: (text: string, ended: boolean) => boolean, ms = 15_000) {
      const deadline = Date.now() + ms;
      while (!test(text, ended)) {
        if (Date.now() > deadline) throw new Error(`stream: condition not met within ${ms} ms; got ${JSON.stringify(text.slice(-300))}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      controller.abort();
      await reading;
    },
  };
}
