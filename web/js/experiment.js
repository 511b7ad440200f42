// Experiment page: leaderboard (sort, filter, brush, select), learning curves, parallel coordinates,
// score-vs-parameter scatter; polls while the experiment runs.
import {
  api, badge, chart, ciText, el, fmt, fmtParam, poll, progressBar, query, replace, scoreText, showError, time,
} from './common.js';
import { CurvePanel } from './curves.js';
import { renderSearch } from './search.js';

const id = query('id');
const state = {
  data: null, sort: { key: 'rank', dir: 1 }, filter: '', status: '', allParams: false,
  brushed: null, selected: new Set(), defaulted: false,
};
let curves;

async function load() {
  state.data = await api(`/api/experiments/${id}`);
  if (!curves) {
    curves = new CurvePanel(document.getElementById('curves'), id,
      state.data.experiment.metric.endsWith('loss') ? 'loss' : 'accuracy');
  }
  chooseDefaultSelection();
  renderHeader();
  renderQueue();
  renderTable();
  renderParallel();
  renderScatter();
  await Promise.all([curves.setTrials(selectedTrials()), renderSearch(id)]);
}

/** The three best trials, once some are ranked; until then the first three that have epochs. */
function chooseDefaultSelection() {
  if (state.defaulted) return;
  const trials = state.data.trials;
  const ranked = trials.filter((t) => t.rank !== null).sort((a, b) => a.rank - b.rank);
  const pick = ranked.length ? ranked : trials.filter((t) => t.epochs > 0);
  pick.slice(0, 3).forEach((t) => state.selected.add(t.id));
  state.defaulted = ranked.length > 0;
}

function selectedTrials() {
  return state.data.trials.filter((t) => state.selected.has(t.id)).map((t) => ({ id: t.id, index: t.index }));
}

function renderHeader() {
  const { experiment: e, progress: p, refit } = state.data;
  document.title = `${e.name} · workbench`;
  replace(document.getElementById('crumbs'), '/ ', e.name);
  replace(document.getElementById('title'), `${e.name} `, badge(e.status));
  replace(document.getElementById('meta'),
    el('span', {}, 'strategy ', el('b', {}, e.strategy)),
    el('span', {}, 'objective ', el('b', {}, `${e.goal} ${e.metric}`)),
    el('span', {}, 'seed ', el('b', {}, e.seed)),
    el('span', {}, 'folds ', el('b', {}, e.spec?.cv?.folds ?? '–')),
    el('span', {}, 'started ', el('b', {}, time(e.created_at))),
    el('span', {}, 'finished ', el('b', {}, time(e.finished_at))),
    refit ? el('span', { id: 'refit' }, 'refit of trial ', el('b', {}, refit.trial_index), ': ',
      refit.test_accuracy !== null ? el('b', {}, `test accuracy ${fmt(refit.test_accuracy)}`) : refit.status) : null);
  replace(document.getElementById('progress'),
    el('span', { id: 'progress-indicator' }, progressBar(p.trials_done, p.trials_failed, p.trials_total)),
    el('span', {}, `${p.epochs_recorded} epochs recorded`),
    el('span', {}, 'best ', el('b', {}, fmt(p.best_score))),
    e.status === 'running' ? el('span', { class: 'note' }, 'live: updates every 2 s') : null);
}

/** Workers that claimed units (owner, units done, current unit, last heartbeat) and units retried. */
function renderQueue() {
  const q = state.data.queue;
  const card = document.getElementById('queue-card');
  card.hidden = !q || q.workers.length === 0;
  if (card.hidden) return;
  replace(document.getElementById('queue-counts'),
    el('span', {}, 'units ', el('b', {}, q.done), ' done, ', el('b', {}, q.running), ' running, ',
      el('b', {}, q.queued), ' queued, ', el('b', {}, q.failed), ' failed'));
  replace(document.querySelector('#workers tbody'), ...q.workers.map((w) => el('tr', {},
    el('td', {}, w.worker), el('td', {}, w.units_done), el('td', {}, w.current.join(', ') || '–'),
    el('td', {}, time(w.last_heartbeat)))));
  document.getElementById('retried-panel').hidden = q.retried.length === 0;
  replace(document.querySelector('#retried tbody'), ...q.retried.map((r) => el('tr', {},
    el('td', {}, r.unit), el('td', {}, badge(r.state)), el('td', {}, `${r.attempt} of ${r.max_attempts}`),
    el('td', {}, r.failures), el('td', { class: 'error' }, r.error ?? ''))));
}

function paramNames() {
  return state.data.parameters.filter((p) => state.allParams || p.varying).map((p) => p.name);
}

const COLUMNS = [
  ['rank', 'rank', (t) => t.rank],
  ['index', 'trial', (t) => t.index],
  ['score', 'score ± 95% CI', (t) => t.score?.mean ?? null],
  ['std', 'std', (t) => t.score?.std ?? null],
  ['folds', 'folds done', (t) => t.folds_done],
  ['status', 'status', (t) => t.status],
  ['test', 'test acc.', (t) => t.test?.accuracy ?? null],
];

function columnValue(key, trial) {
  if (key.startsWith('param:')) return trial.params[key.slice(6)] ?? null;
  return COLUMNS.find(([k]) => k === key)[2](trial);
}

function sortedRows() {
  const { key, dir } = state.sort;
  const rows = state.data.trials.filter(matches);
  return rows.sort((a, b) => {
    const x = columnValue(key, a);
    const y = columnValue(key, b);
    if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
    const c = typeof x === 'string' ? x.localeCompare(y) : x - y;
    return c === 0 ? a.index - b.index : c * dir;
  });
}

/** Status select, brushed set and every filter term: `name<op>value` or plain text. */
function matches(trial) {
  if (state.status && trial.status !== state.status) return false;
  if (state.brushed && !state.brushed.has(trial.id)) return false;
  return state.filter.split(/[\s,]+/).filter(Boolean).every((term) => {
    const m = term.match(/^([\w.]+)(<=|>=|!=|=|<|>)(.+)$/);
    if (!m) return JSON.stringify([trial.params, trial.status, trial.error, trial.index]).toLowerCase().includes(term.toLowerCase());
    const [, field, op, raw] = m;
    const value = field in trial.params ? trial.params[field]
      : field === 'trial' ? trial.index : field === 'score' ? trial.score?.mean ?? null : trial[field];
    if (value === undefined || value === null) return false;
    const target = typeof value === 'number' ? Number(raw) : raw;
    return { '<': value < target, '<=': value <= target, '>': value > target, '>=': value >= target,
      '=': value === target, '!=': value !== target }[op];
  });
}

function renderTable() {
  const params = paramNames();
  const header = (key, label, numeric) => {
    const arrow = state.sort.key === key ? el('span', { class: 'arrow' }, state.sort.dir > 0 ? '▲' : '▼') : null;
    return el('th', { class: `sortable${numeric ? ' num' : ''}`, dataset: { sort: key },
      onclick: () => { state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 }; renderTable(); } },
    label, arrow);
  };
  const table = document.getElementById('leaderboard');
  replace(table.tHead, el('tr', {}, el('th', {}, ''), header('rank', 'rank', true), header('index', 'trial', true),
    params.map((p) => header(`param:${p}`, p, true)), header('score', `${state.data.experiment.metric} ± 95% CI`, true),
    header('std', 'std', true), header('folds', 'folds done', true), header('status', 'status'),
    header('test', 'test acc.', true), el('th', {}, 'error')));
  const rows = sortedRows();
  replace(table.tBodies[0], rows.map((t) => row(t, params)));
  const note = document.getElementById('row-count');
  note.textContent = `${rows.length} of ${state.data.trials.length} trials shown, ${state.selected.size} selected`;
  const compare = document.getElementById('compare-button');
  compare.disabled = state.selected.size < 2;
  compare.textContent = `Compare selected (${state.selected.size})`;
}

function row(t, params) {
  const selected = state.selected.has(t.id);
  return el('tr', { class: [t.status === 'failed' ? 'failed' : '', selected ? 'selected' : ''].join(' ').trim() || null,
    dataset: { trialId: t.id } },
  el('td', {}, el('input', { type: 'checkbox', class: 'select-trial', checked: selected,
    onchange: (e) => toggle(t.id, e.target.checked) })),
  el('td', { class: 'num' }, t.rank ?? '–'),
  el('td', { class: 'num' }, el('a', { href: `/trial.html?id=${t.id}` }, `#${t.index}`)),
  params.map((p) => el('td', { class: 'num' }, fmtParam(t.params[p]))),
  el('td', { class: 'num score', title: ciText(t.score) }, scoreText(t.score)),
  el('td', { class: 'num' }, fmt(t.score?.std)),
  el('td', { class: 'num' }, `${t.folds_done}/${state.data.experiment.spec?.cv?.folds ?? '?'}`),
  el('td', {}, badge(t.status), t.weights_warning
    ? el('span', { class: 'badge failed warn', title: 'weights beyond the warning magnitude or NaN' }, 'weights!') : null),
  el('td', { class: 'num' }, t.test ? fmt(t.test.accuracy) : ''),
  el('td', { class: 'error' }, t.error ?? ''));
}

function toggle(trialId, on) {
  if (on) state.selected.add(trialId); else state.selected.delete(trialId);
  state.defaulted = true;
  renderTable();
  renderScatter();
  curves.setTrials(selectedTrials()).catch(showError);
}

function varying() {
  return state.data.parameters.filter((p) => p.varying);
}

function scored() {
  return state.data.trials.filter((t) => t.score && t.score.mean !== null);
}

function renderParallel() {
  const params = varying();
  const trials = scored();
  const metric = state.data.experiment.metric;
  const axes = params.map((p, i) => ({ id: `axis:${p.name}`, dim: i, name: p.name, type: p.scale === 'log' ? 'log' : 'value', scale: true }));
  axes.push({ id: 'axis:score', dim: params.length, name: metric, type: 'value', scale: true, nameTextStyle: { fontWeight: 'bold' } });
  const scores = trials.map((t) => t.score.mean);
  const instance = chart(document.getElementById('parallel'));
  instance.setOption({
    animation: false,
    parallelAxis: axes,
    parallel: { left: 60, right: 140, top: 40, bottom: 30 },
    visualMap: { show: trials.length > 0, min: Math.min(...scores, 0), max: Math.max(...scores, 1), dimension: params.length,
      right: 10, top: 'center', itemHeight: 120, calculable: false, inRange: { color: ['#d0d5dd', '#2f6fde', '#0b3d91'] }, text: [metric, ''] },
    tooltip: { formatter: (p) => `trial ${trials[p.dataIndex]?.index}: ${fmt(p.value[params.length])}` },
    series: [{ id: 'trials', name: 'trials', type: 'parallel', lineStyle: { width: 1.5, opacity: 0.6 },
      inactiveOpacity: 0.05, activeOpacity: 1, data: trials.map((t) => [...params.map((p) => t.params[p.name]), t.score.mean]) }],
  }, { notMerge: !state.brushed });
  instance.off('axisareaselected');
  instance.on('axisareaselected', () => {
    const series = instance.getModel().getSeries()[0];
    const inactive = series.getRawIndicesByActiveState('inactive');
    const active = series.getRawIndicesByActiveState('active');
    state.brushed = inactive.length === 0 ? null : new Set(active.map((i) => trials[i].id));
    renderBrushNote();
    renderTable();
  });
}

function renderBrushNote() {
  const note = document.getElementById('brush-note');
  if (!state.brushed) {
    replace(note);
    return;
  }
  replace(note, `brushed: ${state.brushed.size} trials `, el('button', { type: 'button', class: 'link', id: 'clear-brush',
    onclick: () => { state.brushed = null; renderParallel(); renderBrushNote(); renderTable(); } }, 'clear'));
}

function renderScatter() {
  const container = document.getElementById('scatter');
  const params = varying();
  const trials = scored();
  const metric = state.data.experiment.metric;
  if (container.children.length !== params.length) {
    replace(container, params.map((p) => el('div', { class: 'chart small', id: `scatter-${p.name}` })));
  }
  params.forEach((p) => {
    const instance = chart(document.getElementById(`scatter-${p.name}`));
    const point = (t) => ({ value: [t.params[p.name], t.score.mean, t.score.ci95_low, t.score.ci95_high], trial: t,
      itemStyle: { color: state.selected.has(t.id) ? '#e8590c' : '#2f6fde' } });
    instance.setOption({
      animation: false,
      title: { text: `${metric} vs ${p.name}`, left: 'center', textStyle: { fontSize: 13 } },
      grid: { left: 60, right: 20, top: 40, bottom: 40 },
      tooltip: { formatter: (q) => `trial ${q.data.trial.index}<br>${p.name} = ${fmtParam(q.value[0])}<br>`
        + `${metric} = ${scoreText(q.data.trial.score)}` },
      xAxis: { type: p.scale === 'log' ? 'log' : 'value', name: p.name, nameLocation: 'middle', nameGap: 26, scale: true },
      yAxis: { type: 'value', scale: true },
      series: [{ id: `scatter:${p.name}`, type: 'scatter', symbolSize: 8, data: trials.map(point) }],
    }, { notMerge: true });
    instance.off('click');
    instance.on('click', (q) => toggle(q.data.trial.id, !state.selected.has(q.data.trial.id)));
  });
}

function bindControls() {
  document.getElementById('filter').addEventListener('input', (e) => { state.filter = e.target.value; renderTable(); });
  document.getElementById('status-filter').addEventListener('change', (e) => { state.status = e.target.value; renderTable(); });
  document.getElementById('all-params').addEventListener('change', (e) => { state.allParams = e.target.checked; renderTable(); });
  document.getElementById('compare-button').addEventListener('click', () => {
    const ids = state.data.trials.filter((t) => state.selected.has(t.id)).map((t) => t.id);
    window.location.href = `/compare.html?trials=${ids.join(',')}`;
  });
}

/** While running: reload whenever a trial or an epoch finishes; stop once the experiment has ended. */
function watch() {
  let last = JSON.stringify(state.data.progress);
  poll(async () => {
    const progress = await api(`/api/experiments/${id}/progress`);
    const now = JSON.stringify(progress);
    if (now !== last) {
      last = now;
      await load();
    }
    return progress.status === 'running';
  });
}

bindControls();
load().then(() => {
  document.body.dataset.loaded = 'true';
  if (state.data.experiment.status === 'running') watch();
}).catch(showError);
