// Compare page: parameter diff, scores with CIs and per-fold scores, paired t-tests against the best, curves.
import {
  api, badge, chart, ciText, color, el, fmt, fmtParam, poll, query, replace, scoreText, showError,
} from './common.js';
import { CurvePanel } from './curves.js';

const ids = query('trials');
let page;
let curves;

async function load() {
  page = await api(`/api/compare?trials=${encodeURIComponent(ids ?? '')}`);
  const e = page.experiment;
  document.title = `compare · ${e.name} · workbench`;
  replace(document.getElementById('crumbs'), '/ ', el('a', { href: `/experiment.html?id=${e.id}` }, e.name), ' / compare');
  replace(document.getElementById('title'), `Compare ${page.trials.length} trials of ${e.name}`);
  renderParams();
  renderScores();
  renderTests();
  renderPerClass();
  if (!curves) curves = new CurvePanel(document.getElementById('curves'), e.id, e.metric.endsWith('loss') ? 'loss' : 'accuracy');
  await curves.setTrials(page.trials.map((t) => ({ id: t.id, index: t.index })));
  return page.trials.some((t) => t.status === 'running' || t.status === 'queued');
}

function trialHeader(t, i) {
  return el('th', { class: 'num', style: `color:${color(i)}` }, el('a', { href: `/trial.html?id=${t.id}` }, `trial ${t.index}`));
}

function renderParams() {
  const only = document.getElementById('only-diff').checked;
  const table = document.getElementById('param-diff');
  replace(table.tHead, el('tr', {}, el('th', {}, 'parameter'), page.trials.map(trialHeader)));
  replace(table.tBodies[0], page.params.filter((p) => !only || p.differs).map((p) => el('tr', { class: p.differs ? 'differs' : null },
    el('th', {}, p.name), p.values.map((v) => el('td', { class: `num${p.differs ? ' diff' : ''}` }, fmtParam(v))))));
}

function renderScores() {
  const folds = [...new Set(page.trials.flatMap((t) => t.fold_scores.map((f) => f.fold)))].sort((a, b) => a - b);
  const table = document.getElementById('scores');
  replace(table.tHead, el('tr', {}, ['trial', 'status', `${page.experiment.metric} ± 95% CI`, '95% CI', 'std', 'rank', 'test acc.']
    .map((h) => el('th', {}, h)), folds.map((f) => el('th', { class: 'num' }, `fold ${f}`))));
  replace(table.tBodies[0], page.trials.map((t, i) => el('tr', { dataset: { trialId: t.id } },
    trialHeader(t, i), el('td', {}, badge(t.status)), el('td', { class: 'num' }, scoreText(t.score)),
    el('td', { class: 'num', title: ciText(t.score) }, t.score?.too_few_folds ? 'too few folds'
      : t.score ? `[${fmt(t.score.ci95_low)}, ${fmt(t.score.ci95_high)}]${t.score.clipped ? ' ✂' : ''}` : '–'),
    el('td', { class: 'num' }, fmt(t.score?.std)), el('td', { class: 'num' }, t.rank ?? '–'),
    el('td', { class: 'num' }, t.test ? fmt(t.test.accuracy) : ''),
    folds.map((f) => el('td', { class: 'num' }, fmt(t.fold_scores.find((s) => s.fold === f)?.value))))));
  chart(document.getElementById('fold-scores')).setOption({
    animation: false,
    legend: { top: 0 },
    grid: { left: 60, right: 24, top: 36, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(v) },
    xAxis: { type: 'category', data: folds.map((f) => `fold ${f}`) },
    yAxis: { type: 'value', scale: true, name: page.experiment.metric },
    series: page.trials.map((t, i) => ({
      id: `folds:${t.id}`, name: `trial ${t.index}`, type: 'line', symbolSize: 8, color: color(i),
      data: folds.map((f) => t.fold_scores.find((s) => s.fold === f && s.status === 'done')?.value ?? null),
    })),
  }, { notMerge: true });
}

function renderTests() {
  const byId = Object.fromEntries(page.trials.map((t) => [t.id, t]));
  const reference = byId[page.reference];
  const table = document.getElementById('tests');
  replace(table.tHead, el('tr', {}, ['compared', 'paired folds', 'mean difference', 't', 'p', 'verdict'].map((h) => el('th', {}, h))));
  replace(table.tBodies[0], page.tests.map((c) => el('tr', {},
    el('td', {}, `trial ${reference.index} − trial ${byId[c.other].index}`),
    el('td', { class: 'num' }, c.test.n),
    el('td', { class: 'num' }, fmt(c.test.mean_difference)),
    el('td', { class: 'num' }, c.test.t === null ? (c.test.p_value === 0 ? '±∞' : '–') : fmt(c.test.t, 3)),
    el('td', { class: 'num' }, c.test.p_value === null ? '–' : c.test.p_value.toPrecision(3)),
    el('td', { class: c.test.significant ? 'sig' : 'nsig' }, c.test.verdict))));
  document.getElementById('tests-note').textContent = `Each trial is tested against trial ${reference.index}`
    + `${reference.rank ? ' (the best-ranked of the selection)' : ''}, on the folds both finished: two-sided paired`
    + ` Student t-test, 5% level${page.tests.length > 1 ? ', not corrected for multiple comparisons' : ''}.`;
}

document.getElementById('only-diff').addEventListener('change', renderParams);
load().then((running) => {
  document.body.dataset.loaded = 'true';
  if (running) poll(load);
}).catch(showError);

/** Per-class accuracy of each trial's out-of-fold predictions, side by side: a table and a grouped bar chart. */
function renderPerClass() {
  const summaries = page.out_of_fold;
  const classes = Math.max(0, ...summaries.map((s) => (s ? s.classes : 0)));
  const table = document.getElementById('per-class');
  replace(table.tHead, el('tr', {}, el('th', {}, 'class'), page.trials.map(trialHeader)));
  const best = (c) => Math.max(...summaries.map((s) => (s && s.per_class_accuracy[c] !== null ? s.per_class_accuracy[c] : -1)));
  replace(table.tBodies[0], [...Array(classes).keys()].map((c) => el('tr', {}, el('th', {}, c),
    summaries.map((s) => el('td', { class: `num${s && s.per_class_accuracy[c] === best(c) ? ' diff' : ''}` },
      s ? fmt(s.per_class_accuracy[c], 3) : '–')))),
  el('tr', {}, el('th', {}, 'all'), summaries.map((s) => el('td', { class: 'num' }, s ? `${fmt(s.accuracy, 3)} (${s.total} rows)` : '–'))));
  chart(document.getElementById('per-class-chart')).setOption({
    animation: false,
    legend: { top: 0 },
    grid: { left: 60, right: 16, top: 30, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(v, 3) },
    xAxis: { type: 'category', name: 'class', nameLocation: 'middle', nameGap: 26, data: [...Array(classes).keys()].map(String) },
    yAxis: { type: 'value', name: 'accuracy', scale: true, max: 1 },
    series: page.trials.map((t, i) => ({ id: `class:${t.id}`, name: `trial ${t.index}`, type: 'bar',
      data: summaries[i] ? summaries[i].per_class_accuracy : [], itemStyle: { color: color(i) } })),
  }, { notMerge: true });
}
