// The learning-curve panel: selected trials overlaid, each as its mean over folds with a min–max band,
// individual folds on demand, loss or accuracy, train and/or validation.
import { api, chart, color, el, fmt, replace, segmented } from './common.js';

const POINTS = 300;
const SPLITS = { train: ['train'], val: ['val'], both: ['train', 'val'] };
const X_AXES = [['epochs', 'epochs'], ['iterations', 'iterations'], ['images', 'images seen']];

export class CurvePanel {
  /** `kind` is 'accuracy' or 'loss'; the metric the experiment optimises picks the default. */
  constructor(root, experimentId, kind) {
    this.experimentId = experimentId;
    this.state = { kind, split: 'val', folds: false, x: 'epochs' };
    this.trials = [];
    this.node = el('div', { class: 'chart', id: 'curves-chart' });
    this.caption = el('div', { class: 'note', id: 'curves-caption' });
    const controls = el('div', { class: 'controls' },
      el('label', {}, 'Metric '), segmented('curve-kind', [['loss', 'loss'], ['accuracy', 'accuracy']], kind,
        (v) => this.update({ kind: v })),
      segmented('curve-split', [['train', 'train'], ['val', 'validation'], ['both', 'both']], 'val',
        (v) => this.update({ split: v })),
      el('label', {}, 'x-axis '), segmented('curve-x', X_AXES, 'epochs', (v) => this.update({ x: v })),
      el('label', {}, el('input', {
        type: 'checkbox', id: 'curve-folds', onchange: (e) => this.update({ folds: e.target.checked }),
      }), ' individual folds'));
    replace(root, controls, this.node, this.caption);
  }

  update(change) {
    Object.assign(this.state, change);
    return this.refresh();
  }

  /** `trials`: [{id, index}] in the order their colours are assigned. */
  setTrials(trials) {
    this.trials = trials;
    return this.refresh();
  }

  async refresh() {
    const instance = chart(this.node);
    if (this.trials.length === 0) {
      instance.clear();
      this.caption.textContent = 'Select trials in the table to draw their curves.';
      return;
    }
    const ids = this.trials.map((t) => t.id).join(',');
    const metrics = SPLITS[this.state.split].map((s) => `${s}_${this.state.kind}`);
    const answers = await Promise.all(metrics.map((m) =>
      api(`/api/experiments/${this.experimentId}/curves?trials=${ids}&metric=${m}&x=${this.state.x}&points=${POINTS}`)));
    instance.setOption(this.option(answers), { notMerge: true });
    const longest = Math.max(0, ...answers.flatMap((a) => a.trials.map((t) => t.epochs)));
    this.caption.textContent = `Line: mean over folds. Shaded band: ${answers[0].band}. `
      + `${metrics.length > 1 ? 'Dashed: train, solid: validation. ' : ''}`
      + `${this.state.x === 'epochs' ? '' : 'Training metrics at every logged step, validation at epoch ends. '}`
      + `${longest > POINTS ? `Curves of ${longest} ${this.state.x === 'epochs' ? 'epochs' : 'steps'} downsampled to ${POINTS} points (LTTB). ` : ''}`
      + 'Click a legend entry to hide a trial.';
  }

  option(answers) {
    const series = [];
    answers.forEach((answer) => {
      const train = answer.metric.startsWith('train');
      answer.trials.forEach((trial, i) => series.push(...trialSeries(trial, answer.metric, color(i), train, this.state.folds)));
    });
    const names = this.trials.map((t) => `trial ${t.index}`);
    return {
      animation: false,
      color: names.map((_, i) => color(i)),
      legend: { data: names, top: 0, type: 'scroll' },
      grid: { left: 60, right: 24, top: 36, bottom: 50 },
      tooltip: { trigger: 'axis', formatter: (params) => tooltip(params, xName(this.state.x)) },
      xAxis: { type: 'value', name: xName(this.state.x), nameLocation: 'middle', nameGap: 28, minInterval: 1, min: 'dataMin' },
      yAxis: { type: 'value', name: this.state.kind, scale: true },
      dataZoom: [{ type: 'inside', xAxisIndex: 0 }],
      series,
    };
  }
}

/** The series of one trial and metric: min–max band (a polygon), mean line, and optionally each fold. */
function trialSeries(trial, metric, colour, dashed, folds) {
  const name = `trial ${trial.index}`;
  const finite = trial.mean.filter((p) => p[2] !== null && p[3] !== null);
  const base = { type: 'line', name, symbol: 'none', animation: false };
  const out = [
    { type: 'custom', name, id: `band:${trial.id}:${metric}`, silent: true, clip: true, tooltip: { show: false },
      data: finite.map((p) => [p[0], p[2], p[3]]), encode: { x: 0, y: [1, 2] },
      renderItem: (params, api) => (params.dataIndex !== 0 ? null : bandPolygon(finite, api, colour, dashed ? 0.08 : 0.18)) },
    { ...base, id: `mean:${trial.id}:${metric}`, data: trial.mean, encode: { x: 0, y: 1 },
      symbol: trial.mean.length <= 30 ? 'circle' : 'none', symbolSize: 4,
      lineStyle: { color: colour, width: 2, type: dashed ? 'dashed' : 'solid' }, itemStyle: { color: colour } },
  ];
  if (folds) {
    trial.folds.forEach((fold) => out.push({
      ...base, id: `fold:${trial.id}:${fold.fold}:${metric}`, data: fold.points, silent: true,
      lineStyle: { color: colour, width: 1, opacity: 0.55, type: dashed ? 'dotted' : 'solid' }, tooltip: { show: false },
    }));
  }
  return out;
}

/** The min–max band as one polygon: along the maxima, back along the minima. */
export function bandPolygon(points, api, colour, opacity) {
  const upper = points.map((p) => api.coord([p[0], p[3]]));
  const lower = points.map((p) => api.coord([p[0], p[2]])).reverse();
  return { type: 'polygon', shape: { points: upper.concat(lower) }, style: { fill: colour, opacity }, silent: true };
}

function xName(x) {
  return { epochs: 'epoch', iterations: 'iteration', images: 'images seen' }[x];
}

function tooltip(params, x) {
  const means = params.filter((p) => String(p.seriesId).startsWith('mean:'));
  if (means.length === 0) return '';
  const lines = means.map((p) => {
    const [, mean, min, max, n] = p.data;
    const metric = p.seriesId.split(':')[2];
    return `${p.marker}${p.seriesName} ${metric}: <b>${fmt(mean)}</b> (min ${fmt(min)}, max ${fmt(max)}, ${n} folds)`;
  });
  return [`${x} ${means[0].data[0]}`, ...lines].join('<br>');
}
