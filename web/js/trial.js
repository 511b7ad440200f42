// Trial page: per-fold curves, fold seeds and scores, provenance as key/value, errors; polls while running.
import {
  api, badge, chart, ciText, color, el, flatten, fmt, fmtParam, poll, query, replace, scoreText, segmented, showError, time,
} from './common.js';
import { renderTraining } from './training.js';

const id = query('id');
let page;
let kind;

async function load() {
  page = await api(`/api/trials/${id}`);
  kind = kind ?? (page.experiment.metric.endsWith('loss') ? 'loss' : 'accuracy');
  render();
  return page.trial.status === 'running' || page.trial.status === 'queued';
}

function render() {
  const { experiment: e, trial: t } = page;
  document.title = `trial ${t.index} of ${e.name} · workbench`;
  replace(document.getElementById('crumbs'), '/ ', el('a', { href: `/experiment.html?id=${e.id}` }, e.name), ` / trial ${t.index}`);
  replace(document.getElementById('title'), `Trial ${t.index} `, badge(t.status),
    t.weights_warning ? el('span', { class: 'badge failed warn', title: 'weights beyond the warning magnitude or NaN' }, 'weights!') : null);
  replace(document.getElementById('meta'),
    el('span', {}, 'experiment ', el('a', { href: `/experiment.html?id=${e.id}` }, e.name)),
    el('span', {}, `${e.metric} `, el('b', { id: 'trial-score', title: ciText(t.score) }, scoreText(t.score))),
    el('span', {}, ciText(t.score)),
    el('span', {}, 'rank ', el('b', {}, t.rank ?? '–')),
    el('span', {}, 'trial seed ', el('b', {}, t.seed)),
    t.test ? el('span', {}, 'refit test accuracy ', el('b', {}, fmt(t.test.accuracy))) : null,
    el('span', {}, 'started ', el('b', {}, time(t.started_at))),
    el('span', {}, 'finished ', el('b', {}, time(t.finished_at))));
  const failures = page.folds.filter((f) => f.error && `fold ${f.fold}: ${f.error}` !== t.error);
  replace(document.getElementById('errors'), t.error || failures.length ? el('section', { class: 'card', id: 'error-trace' },
    el('h2', {}, 'Error'), t.error ? el('pre', { class: 'trace' }, t.error) : null,
    failures.map((f) => el('pre', { class: 'trace' }, `fold ${f.fold}: ${f.error}`))) : null);
  replace(document.querySelector('#params tbody'), Object.entries(t.params).map(([name, value]) =>
    el('tr', {}, el('th', {}, name), el('td', { class: 'num' }, fmtParam(value)))));
  renderFolds();
  renderChart();
  renderTraining(page, kind);
  renderReproduction();
  renderExports();
  renderProvenance();
}

function renderReproduction() {
  const r = page.reproduction;
  replace(document.getElementById('reproduction'), r === null
    ? el('div', { class: 'note' }, `Not reproduced yet: workbench reproduce ${page.experiment.name} --trial ${page.trial.index}`)
    : el('div', { id: 'reproduction-result', dataset: { outcome: r.outcome } },
      el('p', {}, badge(r.outcome), ` ${r.fold === null ? 'all folds' : `fold ${r.fold}`} re-run on ${time(r.verified_at)}`,
        ` with ${r.parallel} unit${r.parallel === 1 ? '' : 's'} at once`),
      el('pre', { class: r.outcome === 'identical' ? 'detail' : 'trace' }, r.detail)));
}

function renderExports() {
  const list = page.exports;
  replace(document.getElementById('exports'), list.length === 0
    ? el('div', { class: 'note' }, `No model exported: workbench export ${page.experiment.name} --trial ${page.trial.index}`)
    : el('table', { id: 'export-table' },
      el('thead', {}, el('tr', {}, ['model', 'exported', 'test acc.', 'SHA-256 of model.zip', 'download'].map((h) => el('th', {}, h)))),
      el('tbody', {}, list.map((x) => el('tr', {},
        el('td', {}, x.fold === null ? 'refit on all training data' : `fold ${x.fold}`),
        el('td', {}, time(x.exported_at)),
        el('td', { class: 'num' }, fmt(x.test_accuracy)),
        el('td', { class: 'hash', title: x.folder }, x.zip_sha256),
        el('td', {}, el('a', { href: x.model_url, class: 'download' }, 'model.zip'), ' ',
          el('a', { href: x.manifest_url, class: 'download' }, 'manifest.json')))))));
}

function renderFolds() {
  const table = document.getElementById('folds');
  const last = (f) => f.epochs[f.epochs.length - 1];
  replace(table.tHead, el('tr', {}, ['fold', 'seed', 'status', 'epochs', 'train loss', 'train acc.', 'val loss',
    'val acc.', 'seconds', 'started', 'finished'].map((h) => el('th', {}, h))));
  replace(table.tBodies[0], page.folds.map((f) => el('tr', { class: f.status === 'failed' ? 'failed' : null },
    el('td', {}, f.fold), el('td', { class: 'num' }, f.seed), el('td', {}, badge(f.status)),
    el('td', { class: 'num' }, f.epochs_total),
    ['train_loss', 'train_accuracy', 'val_loss', 'val_accuracy'].map((m) => el('td', { class: 'num' }, fmt(last(f)?.[m]))),
    el('td', { class: 'num' }, fmt(f.epochs.reduce((s, x) => s + (x.seconds ?? 0), 0), 1)),
    el('td', {}, time(f.started_at)), el('td', {}, time(f.finished_at)))));
}

function renderChart() {
  const controls = document.getElementById('fold-controls');
  if (!controls.children.length) {
    controls.append(el('label', {}, 'Metric '), segmented('fold-kind', [['loss', 'loss'], ['accuracy', 'accuracy']], kind,
      (v) => { kind = v; renderChart(); renderTraining(page, kind); }));
  }
  const series = page.folds.flatMap((f, i) => ['train', 'val'].map((split) => ({
    id: `fold:${f.fold}:${split}`, name: `fold ${f.fold}`, type: 'line', animation: false,
    symbol: f.epochs.length <= 30 ? 'circle' : 'none', symbolSize: 4,
    data: f.epochs.map((x) => [x.epoch, x[`${split}_${kind}`]]),
    lineStyle: { color: color(i), type: split === 'train' ? 'dashed' : 'solid', width: split === 'train' ? 1.5 : 2 },
    itemStyle: { color: color(i) },
  })));
  chart(document.getElementById('fold-chart')).setOption({
    animation: false,
    legend: { top: 0, data: page.folds.map((f) => `fold ${f.fold}`) },
    grid: { left: 60, right: 24, top: 36, bottom: 50 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(v) },
    xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 28, minInterval: 1, min: 'dataMin' },
    yAxis: { type: 'value', name: kind, scale: true },
    title: series.some((s) => s.data.length) ? undefined
      : { text: 'No epoch finished on any fold', left: 'center', top: 'middle', textStyle: { color: '#667085', fontSize: 14 } },
    series,
  }, { notMerge: true });
}

function renderProvenance() {
  const sections = Object.entries(page.provenance);
  replace(document.getElementById('provenance'), sections.length === 0 ? el('div', { class: 'note' }, 'No provenance recorded.')
    : sections.map(([name, value]) => el('div', {}, el('h3', {}, name), el('table', { class: 'provenance', dataset: { section: name } },
      el('tbody', {}, flatten(value).map(([key, text]) => el('tr', {}, el('th', {}, key), el('td', {}, text))))))));
}

load().then((running) => {
  document.body.dataset.loaded = 'true';
  if (running) poll(load);
}).catch(showError);
