// <ol-contour-plot>: a 2-D loss surface as a heat map with contour lines (log-scaled colour), the paths of
// several optimizers over it, a draggable start point and an animated step marker. The server sends the
// surface once as a grid of values and the paths as coordinate lists; everything else is drawn here.

// The line chart's palette, so a path and its loss curve beside it share a colour; a dark casing keeps each
// colour readable on every part of the heat map.
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
// Stops of a perceptual colour map (viridis), from low to high loss.
const COLOURS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
const CONTOUR_LEVELS = 14;
const MARGIN = { left: 40, right: 10, top: 10, bottom: 28 };

function colourAt(t) {
  const u = Math.min(1, Math.max(0, t)) * (COLOURS.length - 1);
  const i = Math.min(COLOURS.length - 2, Math.floor(u));
  const f = u - i;
  return COLOURS[i].map((c, k) => Math.round(c + f * (COLOURS[i + 1][k] - c)));
}

class OlContourPlot extends HTMLElement {
  constructor() {
    super();
    this.grid = null;
    this.paths = [];
    this.step = 0;
    this.start = null;
    this.playing = false;
    this.lastStepEvent = 0;
  }

  connectedCallback() {
    if (this.canvas) {
      return;
    }
    this.style.display = 'block';
    this.style.position = 'relative';
    if (!this.style.height) {
      this.style.height = '420px';
    }
    this.canvas = document.createElement('canvas');
    this.canvas.style.width = '100%';
    this.canvas.style.height = '100%';
    this.canvas.style.touchAction = 'none';
    this.canvas.setAttribute('role', 'img');
    this.appendChild(this.canvas);
    this.canvas.addEventListener('pointerdown', (e) => this.pointerDown(e));
    this.canvas.addEventListener('pointermove', (e) => this.pointerMove(e));
    this.canvas.addEventListener('pointerup', (e) => this.pointerUp(e));
    new ResizeObserver(() => this.draw()).observe(this);
  }

  disconnectedCallback() {
    this.pause();
  }

  // values: row-major, rows from yMin to yMax, columns from xMin to xMax
  setSurface(xMin, xMax, yMin, yMax, columns, rows, values) {
    let low = Infinity;
    let high = -Infinity;
    values.forEach((v) => { low = Math.min(low, v); high = Math.max(high, v); });
    // log-scaled colour so the floor of a valley is as readable as its walls
    const offset = high - low > 0 ? (high - low) * 1e-4 : 1;
    const scaled = values.map((v) => Math.log(v - low + offset));
    const sLow = Math.log(offset);
    const sHigh = Math.log(high - low + offset);
    this.grid = { xMin, xMax, yMin, yMax, columns, rows, values, scaled, sLow, sHigh };
    this.heatmap = null;
    this.draw();
  }

  clearPaths() {
    this.paths = [];
    this.draw();
  }

  addPath(label, xs, ys) {
    this.paths.push({ label, xs, ys, color: PALETTE[this.paths.length % PALETTE.length] });
    this.draw();
  }

  setStart(x, y) {
    this.start = { x, y };
    this.draw();
  }

  setStep(step) {
    this.step = Math.max(0, Math.min(step, this.maxStep()));
    this.draw();
    this.fireStep(true);
  }

  maxStep() {
    return this.paths.reduce((m, p) => Math.max(m, p.xs.length - 1), 0);
  }

  // Plays the paths from the current step (from the beginning when at the end) over about four seconds.
  play() {
    if (this.playing) {
      return;
    }
    if (this.step >= this.maxStep()) {
      this.step = 0;
    }
    this.playing = true;
    const perFrame = Math.max(1, this.maxStep() / 240);
    let position = this.step;
    const frame = () => {
      if (!this.playing) {
        return;
      }
      position = Math.min(this.maxStep(), position + perFrame);
      this.step = Math.floor(position);
      this.draw();
      if (this.step >= this.maxStep()) {
        this.pause();
        return;
      }
      this.fireStep(false);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }

  pause() {
    if (this.playing) {
      this.playing = false;
      this.fireStep(true);
    }
  }

  // While playing, the server hears of the step at most five times a second.
  fireStep(always) {
    const now = performance.now();
    if (!always && now - this.lastStepEvent < 200) {
      return;
    }
    this.lastStepEvent = now;
    this.dispatchEvent(new CustomEvent('step-changed', { detail: { step: this.step, playing: this.playing } }));
  }

  area() {
    const w = this.canvas.clientWidth;
    const h = this.canvas.clientHeight;
    return { x: MARGIN.left, y: MARGIN.top, w: Math.max(1, w - MARGIN.left - MARGIN.right), h: Math.max(1, h - MARGIN.top - MARGIN.bottom) };
  }

  toPixel(x, y) {
    const a = this.area();
    const g = this.grid;
    return [a.x + ((x - g.xMin) / (g.xMax - g.xMin)) * a.w, a.y + (1 - (y - g.yMin) / (g.yMax - g.yMin)) * a.h];
  }

  fromPixel(px, py) {
    const a = this.area();
    const g = this.grid;
    return [g.xMin + ((px - a.x) / a.w) * (g.xMax - g.xMin), g.yMin + (1 - (py - a.y) / a.h) * (g.yMax - g.yMin)];
  }

  heatmapImage() {
    if (this.heatmap) {
      return this.heatmap;
    }
    const g = this.grid;
    const image = document.createElement('canvas');
    image.width = g.columns;
    image.height = g.rows;
    const ctx = image.getContext('2d');
    const pixels = ctx.createImageData(g.columns, g.rows);
    for (let r = 0; r < g.rows; r++) {
      for (let c = 0; c < g.columns; c++) {
        const [red, green, blue] = colourAt((g.scaled[r * g.columns + c] - g.sLow) / (g.sHigh - g.sLow));
        const i = ((g.rows - 1 - r) * g.columns + c) * 4;
        pixels.data[i] = red;
        pixels.data[i + 1] = green;
        pixels.data[i + 2] = blue;
        pixels.data[i + 3] = 255;
      }
    }
    ctx.putImageData(pixels, 0, 0);
    this.heatmap = image;
    return image;
  }

  draw() {
    if (!this.canvas || !this.grid) {
      return;
    }
    const ratio = window.devicePixelRatio || 1;
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    if (width === 0 || height === 0) {
      return;
    }
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    const ctx = this.canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const a = this.area();
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.heatmapImage(), a.x, a.y, a.w, a.h);
    ctx.save();
    ctx.beginPath();
    ctx.rect(a.x, a.y, a.w, a.h);
    ctx.clip();
    this.drawContours(ctx);
    this.drawPaths(ctx);
    this.drawStart(ctx);
    ctx.restore();
    this.drawAxes(ctx, a);
    this.drawLegend(ctx, a);
    this.canvas.setAttribute('aria-label', `${this.paths.length} optimizer paths, step ${this.step} of ${this.maxStep()}`);
  }

  // Marching squares on the log-scaled grid, one polyline segment per crossed cell edge pair.
  drawContours(ctx) {
    const g = this.grid;
    const a = this.area();
    const cellW = a.w / (g.columns - 1);
    const cellH = a.h / (g.rows - 1);
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.35)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let level = 1; level < CONTOUR_LEVELS; level++) {
      const v = g.sLow + (level / CONTOUR_LEVELS) * (g.sHigh - g.sLow);
      for (let r = 0; r + 1 < g.rows; r++) {
        for (let c = 0; c + 1 < g.columns; c++) {
          const corners = [
            [c, r, g.scaled[r * g.columns + c]],
            [c + 1, r, g.scaled[r * g.columns + c + 1]],
            [c + 1, r + 1, g.scaled[(r + 1) * g.columns + c + 1]],
            [c, r + 1, g.scaled[(r + 1) * g.columns + c]],
          ];
          const crossings = [];
          for (let k = 0; k < 4; k++) {
            const [c0, r0, v0] = corners[k];
            const [c1, r1, v1] = corners[(k + 1) % 4];
            if ((v0 < v) !== (v1 < v)) {
              const t = (v - v0) / (v1 - v0);
              crossings.push([a.x + (c0 + t * (c1 - c0)) * cellW, a.y + a.h - (r0 + t * (r1 - r0)) * cellH]);
            }
          }
          for (let k = 0; k + 1 < crossings.length; k += 2) {
            ctx.moveTo(crossings[k][0], crossings[k][1]);
            ctx.lineTo(crossings[k + 1][0], crossings[k + 1][1]);
          }
        }
      }
    }
    ctx.stroke();
  }

  drawPaths(ctx) {
    this.paths.forEach((path) => {
      const last = Math.min(this.step, path.xs.length - 1);
      ctx.beginPath();
      for (let i = 0; i <= last; i++) {
        const [px, py] = this.toPixel(path.xs[i], path.ys[i]);
        if (i === 0) {
          ctx.moveTo(px, py);
        } else {
          ctx.lineTo(px, py);
        }
      }
      ctx.lineJoin = 'round';
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)';
      ctx.lineWidth = 5;
      ctx.stroke();
      ctx.strokeStyle = path.color;
      ctx.lineWidth = 2.5;
      ctx.stroke();
      const [mx, my] = this.toPixel(path.xs[last], path.ys[last]);
      ctx.fillStyle = path.color;
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(mx, my, 5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    });
  }

  drawStart(ctx) {
    if (!this.start) {
      return;
    }
    const [px, py] = this.toPixel(this.start.x, this.start.y);
    ctx.fillStyle = '#fff';
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(px, py, 7, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }

  drawAxes(ctx, a) {
    const g = this.grid;
    ctx.fillStyle = getComputedStyle(this).color || '#000';
    ctx.font = '11px sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (let i = 0; i <= 4; i++) {
      const x = g.xMin + (i / 4) * (g.xMax - g.xMin);
      ctx.fillText(String(Number(x.toFixed(2))), a.x + (i / 4) * a.w, a.y + a.h + 4);
    }
    ctx.fillText('x', a.x + a.w / 2, a.y + a.h + 15);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (let i = 0; i <= 4; i++) {
      const y = g.yMin + (i / 4) * (g.yMax - g.yMin);
      ctx.fillText(String(Number(y.toFixed(2))), a.x - 4, a.y + a.h - (i / 4) * a.h);
    }
  }

  drawLegend(ctx, a) {
    if (this.paths.length === 0) {
      return;
    }
    ctx.font = '12px sans-serif';
    const width = Math.max(...this.paths.map((p) => ctx.measureText(p.label).width)) + 30;
    const height = this.paths.length * 17 + 8;
    const left = a.x + a.w - width - 6;
    const top = a.y + 6;
    ctx.fillStyle = 'rgba(0, 0, 0, 0.6)';
    ctx.fillRect(left, top, width, height);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    this.paths.forEach((path, i) => {
      const y = top + 12 + i * 17;
      ctx.fillStyle = path.color;
      ctx.fillRect(left + 6, y - 5, 14, 10);
      ctx.fillStyle = '#fff';
      ctx.fillText(path.label, left + 26, y);
    });
  }

  nearStart(e) {
    if (!this.start || !this.grid) {
      return false;
    }
    const [px, py] = this.toPixel(this.start.x, this.start.y);
    const rect = this.canvas.getBoundingClientRect();
    return Math.hypot(e.clientX - rect.left - px, e.clientY - rect.top - py) <= 12;
  }

  pointerDown(e) {
    if (this.nearStart(e)) {
      this.dragging = true;
      this.canvas.setPointerCapture(e.pointerId);
      e.preventDefault();
    }
  }

  pointerMove(e) {
    if (this.dragging) {
      this.moveStartTo(e);
      this.draw();
    } else {
      this.canvas.style.cursor = this.nearStart(e) ? 'grab' : 'default';
    }
  }

  pointerUp(e) {
    if (!this.dragging) {
      return;
    }
    this.dragging = false;
    this.moveStartTo(e);
    this.draw();
    this.dispatchEvent(new CustomEvent('start-moved', { detail: { x: this.start.x, y: this.start.y } }));
  }

  moveStartTo(e) {
    const rect = this.canvas.getBoundingClientRect();
    const g = this.grid;
    const [x, y] = this.fromPixel(e.clientX - rect.left, e.clientY - rect.top);
    this.start = {
      x: Math.min(g.xMax, Math.max(g.xMin, x)),
      y: Math.min(g.yMax, Math.max(g.yMin, y)),
    };
  }
}

customElements.define('ol-contour-plot', OlContourPlot);
