// Trial page's training views: curves within epochs, weight spread per fold, confusion matrices, mistakes.
import { chart, color, el, fmt, replace, segmented } from './common.js';
import { bandPolygon } from './curves.js';

const X_AXES = [['iterations', 'iterations'], ['images', 'images seen'], ['epochs', 'epochs']];
const X_INDEX = { iterations: 0, images: 1, epochs: 2 };
const METRIC_INDEX = { train_loss: 3, train_accuracy: 4, val_loss: 5, val_accuracy: 6 };
// Band colours from the outside (min–1/7, 6/7–max) to the centre, like the codelab's percentile chart.
const BAND_COLOURS = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#6baed6', '#9ecae1', '#c6dbef'];

const state = { x: 'iterations', fold: null, layer: null };

/** A short axis label: exponent form for huge or tiny values (diverged weights reach 1e27). */
function short(v) {
  const abs = Math.abs(v);
  return abs !== 0 && (abs >= 1e4 || abs < 1e-3) ? v.toExponential(1) : String(+v.toPrecision(3));
}

/** Draws every training panel of `page` (the /api/trials/{id} answer); `kind` is 'loss' or 'accuracy'. */
export function renderTraining(page, kind) {
  renderSteps(page, kind);
  renderWeights(page);
  renderMatrix(document.getElementById('oof-matrix'), page.training.out_of_fold, 'oof');
  renderTests(page);
}

function renderSteps(page, kind) {
  const controls = document.getElementById('step-controls');
  if (!controls.children.length) {
    controls.append(el('label', {}, 'x-axis '), segmented('step-x', X_AXES, state.x, (v) => { state.x = v; renderSteps(page, kind); }));
  }
  const steps = page.training.steps;
  const xi = X_INDEX[state.x];
  const series = [];
  ['train', 'val'].forEach((split) => {
    const metric = `${split}_${kind}`;
    const band = steps.bands[metric] ?? [];
    const bx = band.map((p) => [p[0], p[1], p[2]][xi]);
    const finite = band.map((p, i) => [bx[i], p[3], p[4], p[5]]).filter((p) => p[2] !== null && p[3] !== null);
    series.push(polygon(`band:${split}`, finite, split === 'train' ? '#667085' : '#b42318', 0.12));
    series.push({ id: `mean:${split}`, name: `mean ${split}`, type: 'line', symbol: split === 'val' ? 'circle' : 'none',
      data: band.map((p, i) => [bx[i], p[3]]), lineStyle: { color: split === 'train' ? '#1f2430' : '#b42318', width: 2,
        type: split === 'train' ? 'dashed' : 'solid' }, itemStyle: { color: split === 'train' ? '#1f2430' : '#b42318' } });
    steps.folds.forEach((f, i) => {
      const points = f.steps.filter((p) => p[METRIC_INDEX[metric]] !== null).map((p) => [p[xi], p[METRIC_INDEX[metric]]]);
      series.push({ id: `step:${f.fold}:${split}`, name: `fold ${f.fold}`, type: 'line', symbol: split === 'val' ? 'circle' : 'none',
        symbolSize: 4, data: points, lineStyle: { color: color(i), width: 1, opacity: 0.7, type: split === 'train' ? 'dashed' : 'solid' },
        itemStyle: { color: color(i) } });
    });
  });
  const empty = steps.folds.every((f) => f.steps.length === 0);
  chart(document.getElementById('step-chart')).setOption({
    animation: false,
    legend: { top: 0, data: ['mean train', 'mean val', ...steps.folds.map((f) => `fold ${f.fold}`)] },
    grid: { left: 60, right: 24, top: 36, bottom: 50 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(v) },
    xAxis: { type: 'value', name: X_AXES.find(([v]) => v === state.x)[1], nameLocation: 'middle', nameGap: 28, min: 'dataMin' },
    yAxis: { type: 'value', name: kind, scale: true, axisLabel: { formatter: short } },
    title: empty ? { text: 'No steps logged (training.log_every: 0, or no batch finished yet)', left: 'center', top: 'middle',
      textStyle: { color: '#667085', fontSize: 14 } } : undefined,
    series,
  }, { notMerge: true });
}

function renderWeights(page) {
  const t = page.training;
  replace(document.getElementById('weights-warning'), t.weights_warning
    ? el('span', { class: 'badge failed', id: 'weights-badge' }, `weights beyond ±${t.warn_magnitude} or NaN`) : null);
  const folds = t.weights.filter((f) => f.layers.length);
  const controls = document.getElementById('weight-controls');
  if (!folds.length) {
    replace(controls, el('span', { class: 'note' }, 'No weight spread recorded yet.'));
    return;
  }
  state.fold = folds.some((f) => f.fold === state.fold) ? state.fold : folds[0].fold;
  const fold = folds.find((f) => f.fold === state.fold);
  const layers = [...new Set(fold.layers.map((s) => s.layer))];
  state.layer = layers.includes(state.layer) ? state.layer : layers[0];
  const select = el('select', { id: 'weight-layer', onchange: (e) => { state.layer = Number(e.target.value); renderWeights(page); } },
    layers.map((l) => el('option', { value: l, selected: l === state.layer },
      `layer ${l} (${fold.layers.find((s) => s.layer === l).layer_type})`)));
  replace(controls, el('label', {}, 'Fold '),
    segmented('weight-fold', folds.map((f) => [String(f.fold), `fold ${f.fold}`]), String(state.fold),
      (v) => { state.fold = Number(v); renderWeights(page); }),
    el('label', {}, 'Layer '), select);
  ['W', 'b'].forEach((param) => spreadChart(param === 'W' ? 'weights-chart' : 'biases-chart',
    fold.layers.find((s) => s.layer === state.layer && s.param === param), param));
  updateChart(fold);
}

function spreadChart(id, s, param) {
  const points = s ? s.points : [];
  const series = [];
  for (let b = 1; b <= 7; b++) {
    series.push(polygon(`band:${b}`, points.map((p) => [p[0], null, p[b], p[b + 1]]), BAND_COLOURS[b - 1], 1));
  }
  series.push({ id: 'q:middle', name: 'middle of the 3/7–4/7 band', type: 'line', symbol: 'circle', symbolSize: 3,
    data: points.map((p) => [p[0], (p[4] + p[5]) / 2]),
    lineStyle: { color: '#08306b', width: 1 }, itemStyle: { color: '#08306b' } });
  const bounds = (p) => p.slice(1, 9).map((v) => fmt(v, 4)).join(' · ');
  chart(document.getElementById(id)).setOption({
    animation: false,
    title: { text: param === 'W' ? 'weights' : 'biases', left: 'center', textStyle: { fontSize: 13 } },
    grid: { left: 60, right: 16, top: 30, bottom: 40 },
    tooltip: { trigger: 'axis', formatter: (items) => {
      const p = points[items[0].dataIndex];
      return p ? `epoch ${p[0]}<br>min · 1/7 … 6/7 · max<br>${bounds(p)}${p[9] ? `<br>${p[9]} NaN/inf` : ''}` : '';
    } },
    xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 24, minInterval: 1 },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: short } },
    series,
  }, { notMerge: true });
}

function updateChart(fold) {
  chart(document.getElementById('update-chart')).setOption({
    animation: false,
    title: { text: 'L2 norm of the change since the previous epoch', left: 'center', textStyle: { fontSize: 13 } },
    legend: { top: 22, type: 'scroll' },
    grid: { left: 60, right: 16, top: 54, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(v) },
    xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 24, minInterval: 1 },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: short } },
    series: fold.layers.map((s, i) => ({ id: `update:${s.layer}:${s.param}`, name: `${s.layer} ${s.layer_type} ${s.param}`,
      type: 'line', data: s.points.filter((p) => p[0] > 0).map((p) => [p[0], p[10]]), itemStyle: { color: color(i) } })),
  }, { notMerge: true });
}

/** A shaded band between p[2] and p[3] of each point [x, _, low, high], drawn as one polygon like the epoch curves' bands. */
function polygon(id, points, colour, opacity) {
  return { id, type: 'custom', silent: true, clip: true, tooltip: { show: false }, data: points.map((p) => [p[0], p[2], p[3]]),
    encode: { x: 0, y: [1, 2] }, renderItem: (params, api) => (params.dataIndex !== 0 ? null : bandPolygon(points, api, colour, opacity)) };
}

/** A confusion matrix as a heat-mapped table with per-class accuracy; `summary` null shows why there is none. */
function renderMatrix(node, summary, name) {
  if (!summary) {
    replace(node, el('div', { class: 'note' }, 'Not available until every fold of the trial is done.'));
    return;
  }
  const max = Math.max(1, ...summary.matrix.flat());
  const head = el('tr', {}, el('th', {}, 'true \\ predicted'), summary.matrix.map((_, c) => el('th', { class: 'num' }, c)),
    el('th', { class: 'num' }, 'class acc.'));
  const rows = summary.matrix.map((row, r) => el('tr', {}, el('th', {}, r), row.map((count, c) => el('td', {
    class: `num cell ${r === c ? 'diag' : count ? 'off' : ''}`, dataset: { count },
    style: `background:${r === c ? `rgba(6,118,71,${0.08 + 0.6 * count / max})` : count ? `rgba(196,50,10,${0.08 + 0.7 * count / max})` : 'transparent'}`,
  }, count)), el('td', { class: 'num class-accuracy' }, fmt(summary.per_class_accuracy[r], 3))));
  replace(node, el('table', { class: 'matrix', id: `${name}-table` }, el('thead', {}, head), el('tbody', {}, rows)),
    el('div', { class: 'note', id: `${name}-caption` }, `${summary.total} rows, ${summary.correct} correct: accuracy ${fmt(summary.accuracy)}`
      + (summary.parts > 1 ? `; the sum of ${summary.parts} folds' matrices` : '')));
}

function renderTests(page) {
  const tests = page.training.tests;
  const card = document.getElementById('test-card');
  card.hidden = tests.length === 0;
  if (!tests.length) return;
  const label = (d) => (d.source === 'refit' ? 'refit (stored with the run)' : `export #${d.export_id}${d.fold === null ? ' (refit)' : ` (fold ${d.fold})`}`);
  const show = (d) => {
    renderMatrix(document.getElementById('test-matrix'), d.confusion, 'test');
    replace(document.getElementById('gallery'), d.mistakes.length === 0 ? el('div', { class: 'note' }, 'No mistakes.')
      : d.mistakes.map((m) => el('figure', { class: 'mistake', dataset: { row: m.row } },
        el('img', { src: m.image_url, alt: `test row ${m.row}`, width: 56, height: 56 }),
        el('figcaption', {}, el('b', {}, `${m.label} → ${m.predicted}`), el('br'), `p = ${fmt(m.probability, 3)}`))));
  };
  replace(document.getElementById('test-controls'), el('label', {}, 'Model '), el('select', {
    id: 'test-source', onchange: (e) => show(tests[Number(e.target.value)]) }, tests.map((d, i) => el('option', { value: i }, label(d)))));
  show(tests[0]);
}
