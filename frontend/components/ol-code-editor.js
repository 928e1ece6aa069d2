// <ol-code-editor>: a CodeMirror 6 Python editor in its own shadow root. The server sets `value`; the editor reports edits with a
// debounced `ol-change` event, Ctrl/Cmd+Enter with an `ol-run` event carrying the current text, and can mark
// a line (a traceback's line) and move the cursor there.
import { EditorView, basicSetup } from 'codemirror';
import { python } from '@codemirror/lang-python';
import { keymap, Decoration } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';
import { indentUnit, syntaxHighlighting } from '@codemirror/language';
import { EditorState, StateEffect, StateField, Prec, Compartment } from '@codemirror/state';
import { oneDarkHighlightStyle } from '@codemirror/theme-one-dark';

const CHANGE_DEBOUNCE_MS = 400;

const setErrorLine = StateEffect.define();

// The traceback's line, drawn as a red band until the text changes or the server clears it.
const errorLineField = StateField.define({
  create() {
    return Decoration.none;
  },
  update(decorations, tr) {
    let next = tr.docChanged ? Decoration.none : decorations;
    for (const effect of tr.effects) {
      if (effect.is(setErrorLine)) {
        next = effect.value > 0 && effect.value <= tr.state.doc.lines
          ? Decoration.set([Decoration.line({ class: 'cm-ol-error-line' }).range(tr.state.doc.line(effect.value).from)])
          : Decoration.none;
      }
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px', backgroundColor: 'var(--lumo-base-color)', color: 'var(--lumo-body-text-color)' },
  '.cm-scroller': { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace' },
  '.cm-gutters': { backgroundColor: 'var(--lumo-contrast-5pct)', color: 'var(--lumo-secondary-text-color)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--lumo-contrast-5pct)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--lumo-contrast-10pct)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--lumo-body-text-color)' },
  '.cm-ol-error-line': { backgroundColor: 'rgba(220, 38, 38, 0.18)' },
});

// Lumo's dark scheme: One Dark's token colours (basicSetup's light ones only fall back) and a selection that
// stays visible on a dark background. The editor follows the page's theme attribute, which the toggle sets.
const darkColours = [
  syntaxHighlighting(oneDarkHighlightStyle),
  EditorView.theme({
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
      { backgroundColor: '#3e4451' },
    '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': { backgroundColor: '#515a6b', color: 'inherit' },
  }, { dark: true }),
];

function pageIsDark() {
  return (document.documentElement.getAttribute('theme') || '').split(/\s+/).includes('dark');
}

class OlCodeEditor extends HTMLElement {
  constructor() {
    super();
    this.initialValue = '';
    this.changeTimer = null;
    this.view = null;
    this.colours = new Compartment();
    this.themeObserver = null;
  }

  connectedCallback() {
    if (this.view) {
      this.followPageTheme();
      return;
    }
    // A value the server set before this element was upgraded sits on the instance and hides the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'value')) {
      const early = this.value;
      delete this.value;
      this.initialValue = early == null ? '' : String(early);
    }
    this.style.display = 'block';
    // CodeMirror's own styles go into this shadow root, where the page's style handling cannot drop them.
    const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
    const host = document.createElement('div');
    host.style.height = '100%';
    root.appendChild(host);
    const runKeys = Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { this.fireRun(); return true; } }]));
    this.view = new EditorView({
      root,
      parent: host,
      state: EditorState.create({
        doc: this.initialValue,
        extensions: [
          runKeys,
          basicSetup,
          keymap.of([indentWithTab]),
          python(),
          // PEP 8's four spaces, so Enter and Tab indent as the course's programs do.
          indentUnit.of('    '),
          errorLineField,
          theme,
          this.colours.of(pageIsDark() ? darkColours : []),
          EditorView.contentAttributes.of({ 'aria-label': this.getAttribute('aria-label') || 'Python code' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !this.applyingServerValue) {
              this.scheduleChange();
            }
          }),
        ],
      }),
    });
    this.followPageTheme();
  }

  disconnectedCallback() {
    if (this.themeObserver) {
      this.themeObserver.disconnect();
      this.themeObserver = null;
    }
  }

  followPageTheme() {
    if (this.themeObserver) {
      return;
    }
    const apply = () => this.view.dispatch({ effects: this.colours.reconfigure(pageIsDark() ? darkColours : []) });
    this.themeObserver = new MutationObserver(apply);
    this.themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
    apply();
  }

  get value() {
    return this.view ? this.view.state.doc.toString() : this.initialValue;
  }

  set value(text) {
    const next = text == null ? '' : String(text);
    if (!this.view) {
      this.initialValue = next;
      return;
    }
    if (next === this.view.state.doc.toString()) {
      return;
    }
    this.applyingServerValue = true;
    try {
      this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: next } });
    } finally {
      this.applyingServerValue = false;
    }
  }

  scheduleChange() {
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => this.flushChange(), CHANGE_DEBOUNCE_MS);
  }

  flushChange() {
    if (this.changeTimer === null) {
      return;
    }
    clearTimeout(this.changeTimer);
    this.changeTimer = null;
    this.dispatchEvent(new CustomEvent('ol-change', { detail: { value: this.value } }));
  }

  fireRun() {
    this.flushChange();
    this.dispatchEvent(new CustomEvent('ol-run', { detail: { value: this.value } }));
  }

  // Marks a line (1-based; 0 clears) and, when asked, puts the cursor there and scrolls it into view.
  markLine(line, reveal) {
    if (!this.view) {
      return;
    }
    const effects = [setErrorLine.of(line)];
    const doc = this.view.state.doc;
    if (reveal && line > 0 && line <= doc.lines) {
      const position = doc.line(line).from;
      effects.push(EditorView.scrollIntoView(position, { y: 'center' }));
      this.view.dispatch({ selection: { anchor: position }, effects });
      this.view.focus();
      return;
    }
    this.view.dispatch({ effects });
  }

  markedLine() {
    const decorations = this.view ? this.view.state.field(errorLineField) : Decoration.none;
    let line = 0;
    decorations.between(0, this.view ? this.view.state.doc.length : 0, (from) => {
      line = this.view.state.doc.lineAt(from).number;
    });
    return line;
  }
}

customElements.define('ol-code-editor', OlCodeEditor);
