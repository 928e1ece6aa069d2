// <ol-line-chart>: a Chart.js line chart that the server feeds point by point.
// Chart.js itself comes from its webjar as a global script (window.Chart).

const DECIMATION_THRESHOLD = 5000;
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
// One colour per point of a marker series, in order (LineChart.MARKER_COLOURS on the server).
const MARKER_COLOURS = ['#d62728', '#2ca02c', '#9467bd', '#e377c2', '#8c564b'];

// A log axis labels only 1·10^k, thinned to every other (or rarer) decade when decades are crowded, and also 2 and 5
// when a decade has room; Chart.js's own labels (1, 2, 3, 5 of every decade) overlap over many decades. An axis
// shorter than a decade labels its two ends and the whole numbers between them that leave room.
function logTickLabel(value, index, ticks) {
  if (!(value > 0)) {
    return '';
  }
  const horizontal = this.isHorizontal();
  const decades = Math.max(Math.log10(this.max / this.min), 1e-9);
  const perDecade = (horizontal ? this.width : this.height) / decades;
  const labelSpace = horizontal ? 56 : 20;
  const exponent = Math.floor(Math.log10(value) + 1e-9);
  const significand = value / 10 ** exponent;
  const digit = Math.round(significand);
  const whole = Math.abs(significand - digit) <= 1e-6 * digit;
  if (decades < 1) {
    if (index === 0 || index === ticks.length - 1) {
      return String(Number(value.toPrecision(2)));
    }
    const fromEnds = Math.min(Math.log10(value / this.min), Math.log10(this.max / value)) * perDecade;
    const fromPrevious = digit > 1 ? Math.log10(digit / (digit - 1)) * perDecade : perDecade;
    return whole && fromEnds >= labelSpace && fromPrevious >= labelSpace ? formatPower(digit, exponent) : '';
  }
  if (!whole) {
    return '';
  }
  if (digit === 1) {
    const every = Math.max(1, Math.ceil(labelSpace / perDecade));
    return exponent % every === 0 ? formatPower(digit, exponent) : '';
  }
  return (digit === 2 || digit === 5) && perDecade >= 4 * labelSpace ? formatPower(digit, exponent) : '';
}

function formatPower(digit, exponent) {
  return exponent >= -3 && exponent <= 3 ? String(Number((digit * 10 ** exponent).toPrecision(1))) : `${digit}e${exponent}`;
}

function axisTicks(log) {
  return log ? { callback: logTickLabel, autoSkip: false, maxRotation: 0 } : {};
}

function whenChartJsLoaded() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const poll = () => {
      if (window.Chart) {
        resolve(window.Chart);
      } else if (performance.now() - started > 15000) {
        reject(new Error('Chart.js did not load'));
      } else {
        setTimeout(poll, 25);
      }
    };
    poll();
  });
}

class OlLineChart extends HTMLElement {
  constructor() {
    super();
    this.pending = [];
    this.chart = null;
  }

  connectedCallback() {
    if (this.canvas) {
      return;
    }
    this.style.display = 'block';
    this.style.position = 'relative';
    if (!this.style.height) {
      this.style.height = '260px';
    }
    this.canvas = document.createElement('canvas');
    this.appendChild(this.canvas);
    whenChartJsLoaded().then((Chart) => this.createChart(Chart)).catch((e) => {
      this.textContent = e.message;
    });
  }

  createChart(Chart) {
    this.chart = new Chart(this.canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        // Beyond DECIMATION_THRESHOLD points a series is drawn from a min-max sample, so long runs stay smooth.
        plugins: { legend: { display: true }, decimation: { enabled: true, algorithm: 'min-max', threshold: DECIMATION_THRESHOLD } },
        scales: {
          x: { type: this.logX ? 'logarithmic' : 'linear', title: { display: !!this.xLabel, text: this.xLabel || '' },
            ticks: axisTicks(this.logX) },
          y: { type: this.logScale ? 'logarithmic' : 'linear', title: { display: !!this.yLabel, text: this.yLabel || '' },
            ticks: axisTicks(this.logScale) },
        },
      },
    });
    const queued = this.pending;
    this.pending = [];
    queued.forEach(([method, args]) => this[method](...args));
  }

  // Calls that arrive before Chart.js has loaded are replayed once the chart exists.
  deferred(method, args) {
    if (!this.chart) {
      this.pending.push([method, args]);
      return true;
    }
    return false;
  }

  setAxes(xLabel, yLabel, logScale) {
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.logScale = logScale;
    if (this.deferred('setAxes', [xLabel, yLabel, logScale])) {
      return;
    }
    const scales = this.chart.options.scales;
    scales.x.title = { display: !!xLabel, text: xLabel || '' };
    scales.y.title = { display: !!yLabel, text: yLabel || '' };
    scales.y.type = logScale ? 'logarithmic' : 'linear';
    scales.y.ticks = axisTicks(logScale);
    this.chart.update('none');
  }

  // markers: draw the points as large unconnected dots, each in its own colour (to mark a few points on a curve)
  addSeries(label, markers) {
    if (this.deferred('addSeries', [label, markers])) {
      return;
    }
    const color = PALETTE[this.chart.data.datasets.length % PALETTE.length];
    this.chart.data.datasets.push(markers
      ? { label, data: [], borderColor: '#000', backgroundColor: '#fff', pointBackgroundColor: MARKER_COLOURS, showLine: false,
        pointRadius: 7, pointHoverRadius: 8, borderWidth: 1.5 }
      : { label, data: [], borderColor: color, backgroundColor: color, pointRadius: 0, borderWidth: 2 });
    this.chart.update('none');
  }

  removeAllSeries() {
    if (this.deferred('removeAllSeries', [])) {
      return;
    }
    this.chart.data.datasets = [];
    this.chart.update('none');
  }

  setLogX(logX) {
    this.logX = logX;
    if (this.deferred('setLogX', [logX])) {
      return;
    }
    this.chart.options.scales.x.type = logX ? 'logarithmic' : 'linear';
    this.chart.options.scales.x.ticks = axisTicks(logX);
    this.chart.update('none');
  }

  // points: a flat array [x0, y0, x1, y1, ...] for one series
  appendPoints(series, points) {
    if (this.deferred('appendPoints', [series, points])) {
      return;
    }
    const data = this.chart.data.datasets[series].data;
    for (let i = 0; i + 1 < points.length; i += 2) {
      data.push({ x: points[i], y: points[i + 1] });
    }
    this.chart.update('none');
  }

  // The labels an axis shows now, without the empty ones: what a reader sees along it.
  tickLabels(axis) {
    const scale = this.chart ? this.chart.scales[axis] : null;
    return scale ? scale.ticks.map((tick) => tick.label).filter((label) => label !== '' && label != null) : [];
  }

  // Points held by a series, before decimation.
  pointCount(series) {
    const dataset = this.chart ? this.chart.data.datasets[series] : null;
    return dataset ? (dataset._data || dataset.data).length : 0;
  }

  clear() {
    if (this.deferred('clear', [])) {
      return;
    }
    this.chart.data.datasets.forEach((d) => { d.data = []; });
    this.chart.update('none');
  }
}

customElements.define('ol-line-chart', OlLineChart);
