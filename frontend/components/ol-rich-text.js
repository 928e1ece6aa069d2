// <ol-rich-text>: server-rendered HTML whose formulas (<span class="ol-math">TeX</span>) are typeset
// with KaTeX, which comes from its webjar as a global script (window.katex).

function whenKatexLoaded() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const poll = () => {
      if (window.katex) {
        resolve(window.katex);
      } else if (performance.now() - started > 15000) {
        reject(new Error('KaTeX did not load'));
      } else {
        setTimeout(poll, 25);
      }
    };
    poll();
  });
}

class OlRichText extends HTMLElement {
  set html(value) {
    this.innerHTML = value;
    this.typeset();
  }

  typeset() {
    const pending = this.querySelectorAll('.ol-math:not([data-typeset])');
    if (pending.length === 0) {
      return;
    }
    whenKatexLoaded().then((katex) => {
      pending.forEach((el) => {
        const tex = el.textContent;
        katex.render(tex, el, { displayMode: el.dataset.display === 'true', throwOnError: false });
        el.setAttribute('data-typeset', '');
        el.setAttribute('title', tex);
      });
    }).catch(() => { /* formulas stay readable as TeX source */ });
  }
}

customElements.define('ol-rich-text', OlRichText);
