import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { isSafeUrl, sanitize } from '../../../src/internal/sanitizer.js';

/** Filter-evasion vectors after the OWASP XSS cheat sheet, plus naughty strings. */
const VECTORS = [
  '<script>window.__xss=1</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<IMG SRC="javascript:window.__xss=1;">',
  '<IMG SRC=javascript:window.__xss=1>',
  '<IMG SRC=JaVaScRiPt:window.__xss=1>',
  '<IMG SRC=`javascript:window.__xss=1`>',
  '<a onmouseover="window.__xss=1">x</a>',
  '<IMG """><SCRIPT>window.__xss=1</SCRIPT>">',
  '<IMG SRC=/ onerror="window.__xss=1"></img>',
  '<img src=x onerror=window.__xss=1>',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC="jav&#x09;ascript:window.__xss=1;">',
  '<IMG SRC=" &#14;  javascript:window.__xss=1;">',
  '<SCRIPT/XSS SRC="https://xss.example/xss.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=window.__xss=1>',
  '<<SCRIPT>window.__xss=1;//<</SCRIPT>',
  '<iframe src=https://xss.example/></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<svg/onload=window.__xss=1>',
  '<svg><script>window.__xss=1</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<form action="javascript:window.__xss=1"><button>x</button></form>',
  '<input onfocus=window.__xss=1 autofocus>',
  '<details open ontoggle=window.__xss=1>',
  '<a href="javascript:window.__xss=1">click</a>',
  '<a href="  JaVaScRiPt:window.__xss=1">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<div style="background-image:url(javascript:window.__xss=1)">x</div>',
  '<style>@import "https://xss.example/x.css";</style>',
  '<link rel=stylesheet href=https://xss.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<base href="javascript:window.__xss=1//">',
  '<video><source onerror="window.__xss=1"></video>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '<template><script>window.__xss=1</script></template>',
  '"><img src=x onerror=window.__xss=1>',
  "'';!--\"<XSS>=&{()}",
  '<a href="https://ok.example" target="_self" onclick="window.__xss=1">fine</a>',
  // naughty strings
  'Ω≈ç√∫˜µ≤≥÷ 田中さんにあげて下さい 𝕿𝖍𝖊 ‮dlrow olleh‬ 👩‍👩‍👧‍👦',
  '<p>Normal <strong>bold</strong> and <em>italic</em> text</p>',
  '${7*7} {{7*7}} <%= 7*7 %>',
  '\u0000\u0001<b>nul</b>',
];

/**
 * Waits until the browser has tried to load every image in `host`: it fires an image's `error` (and would run an
 * injected `onerror`) in the same task that marks the image complete.
 */
const imagesTried = (host: HTMLElement) =>
  waitUntil(() => [...host.querySelectorAll('img')].every((img) => img.complete), 'images not tried', { timeout: 5000 });

describe('sanitizer', () => {
  afterEach(() => {
    delete (window as { __xss?: number }).__xss;
  });

  for (const vector of VECTORS) {
    it(`neutralizes ${JSON.stringify(vector).slice(0, 70)}`, async () => {
      const fragment = await sanitize(vector, { profile: 'message' });
      const host = document.createElement('div');
      host.append(fragment.cloneNode(true));
      document.body.append(host);
      await imagesTried(host);
      host.querySelectorAll('a').forEach((a) => a.dispatchEvent(new MouseEvent('mouseover')));
      expect((window as { __xss?: number }).__xss, 'nothing executed').to.be.undefined;
      for (const el of host.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).to.be.false;
          expect(/^\s*(javascript|vbscript|data):/i.test(attr.value), `${el.tagName} ${attr.name}=${attr.value}`).to.be.false;
        }
      }
      expect(host.querySelector('script, iframe, object, embed, form, input, style, link, meta, base, svg, math')).to.be.null;
      for (const a of host.querySelectorAll('a')) {
        expect(a.getAttribute('target')).to.equal('_blank');
        expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
      }
      const again = document.createElement('div');
      again.append(await sanitize(host.innerHTML, { profile: 'message' }));
      expect(again.innerHTML, 'sanitizing twice changes nothing').to.equal(host.innerHTML);
      host.remove();
    });
  }

  it('keeps safe formatting and links', async () => {
    const host = document.createElement('div');
    host.append(await sanitize('<p>Hi <strong>you</strong>, see <a href="https://docs.example/x">docs</a> or <a href="mailto:help@example.com">mail</a></p><ul><li>one</li></ul>', { profile: 'message' }));
    expect(host.querySelector('strong')?.textContent).to.equal('you');
    expect([...host.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://docs.example/x', 'mailto:help@example.com']);
    expect(host.querySelector('ul li')?.textContent).to.equal('one');
  });

  it('holds remote images back unless asked to show them', async () => {
    const held = document.createElement('div');
    held.append(await sanitize('<img src="https://tracker.example/pixel.gif" alt="pixel">', { profile: 'message' }));
    expect(held.querySelector('img')!.hasAttribute('src')).to.be.false;
    expect(held.querySelector('img')!.getAttribute('data-held-src')).to.equal('https://tracker.example/pixel.gif');
    const shown = document.createElement('div');
    shown.append(await sanitize('<img src="https://tracker.example/pixel.gif" alt="pixel">', { profile: 'message', showImages: true }));
    expect(shown.querySelector('img')!.getAttribute('src')).to.equal('https://tracker.example/pixel.gif');
    expect(shown.querySelector('img')!.getAttribute('referrerpolicy')).to.equal('no-referrer');
  });

  it('allows only links and emphasis in the consent text', async () => {
    const host = document.createElement('div');
    host.append(await sanitize('<h1>Big</h1><img src="https://x.example/a.png"><a href="https://ok.example">ok</a> <b>bold</b>', { profile: 'consent' }));
    expect(host.querySelector('h1, img')).to.be.null;
    expect(host.querySelector('a')?.getAttribute('href')).to.equal('https://ok.example');
    expect(host.textContent).to.contain('Big');
  });

  it('accepts only http, https and mailto URLs', () => {
    expect(isSafeUrl('https://a.example')).to.be.true;
    expect(isSafeUrl('mailto:a@b.example')).to.be.true;
    expect(isSafeUrl('javascript:alert(1)')).to.be.false;
    expect(isSafeUrl(' JAVASCRIPT:alert(1)')).to.be.false;
    expect(isSafeUrl('/relative')).to.be.false;
    expect(isSafeUrl('data:text/html,x')).to.be.false;
  });
});
