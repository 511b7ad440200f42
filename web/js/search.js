// Experiment page: the search history (objective and best so far against cumulative epochs trained, with
// the trials alive per rung when they stopped at different epochs) and the parameter importance chart.
import { api, chart, el, fmt, fmtParam, replace } from './common.js';

/** Loads and draws both charts of experiment `id`. */
export async function renderSearch(id) {
  const [history, importance] = await Promise.all([
    api(`/api/experiments/${id}/history`), api(`/api/experiments/${id}/importance`)]);
  renderHistory(history);
  renderImportance(importance);
}

function renderHistory(h) {
  const node = document.getElementById('history-chart');
  const paramsText = (p) => Object.entries(p.params).map(([k, v]) => `${k} = ${fmtParam(v)}`).join('<br>');
  const point = (p) => ({ value: [p.cumulative_epochs, p.objective], trial: p });
  const byStatus = (s) => h.points.filter((p) => p.status === s).map(point);
  const best = h.points.filter((p) => p.best_so_far !== null).map((p) => [p.cumulative_epochs, p.best_so_far]);
  chart(node).setOption({
    animation: false,
    legend: { top: 0 },
    grid: { left: 60, right: 30, top: 36, bottom: 46 },
    tooltip: { trigger: 'item', formatter: (q) => (q.data.trial ? `trial ${q.data.trial.index} (${q.data.trial.status}, `
      + `${q.data.trial.epochs_reached} epochs)<br>${h.metric} = ${fmt(q.data.trial.objective)}<br>${paramsText(q.data.trial)}`
      : `best so far ${fmt(q.value[1])} after ${q.value[0]} epochs`) },
    xAxis: { type: 'value', name: 'epochs trained (all folds, cumulative)', nameLocation: 'middle', nameGap: 28, min: 0 },
    yAxis: { type: 'value', name: h.metric, scale: true },
    series: [
      { id: 'objective:done', name: 'done trial', type: 'scatter', symbolSize: 8, data: byStatus('done'), itemStyle: { color: '#2f6fde' } },
      { id: 'objective:pruned', name: 'pruned trial (score at its last epoch)', type: 'scatter', symbol: 'triangle',
        symbolSize: 8, data: byStatus('pruned'), itemStyle: { color: '#e8590c' } },
      { id: 'best', name: `best so far (${h.goal})`, type: 'line', step: 'end', showSymbol: false, data: best,
        lineStyle: { color: '#2b8a3e', width: 2 }, itemStyle: { color: '#2b8a3e' } },
    ],
  }, { notMerge: true });
  const pending = h.trials_pending ? `, ${h.trials_pending} trials still queued or running` : '';
  replace(document.getElementById('history-note'),
    `${h.points.length} trials with a score, ${h.epochs_trained} epochs trained over all folds${pending}. `
    + 'x: epochs trained by this trial and every trial before it (in trial order), summed over folds.');
  renderRungs(h.rungs);
}

function renderRungs(rungs) {
  const panel = document.getElementById('rungs-panel');
  panel.hidden = rungs.length === 0;
  if (panel.hidden) return;
  chart(document.getElementById('rungs-chart')).setOption({
    animation: false,
    grid: { left: 60, right: 30, top: 20, bottom: 46 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', name: 'epoch reached', nameLocation: 'middle', nameGap: 28, data: rungs.map((r) => r.epoch) },
    yAxis: { type: 'value', name: 'trials', minInterval: 1 },
    series: [
      { id: 'rungs:alive', name: 'trials alive', type: 'bar', data: rungs.map((r) => r.alive), itemStyle: { color: '#2f6fde' } },
      { id: 'rungs:stopped', name: 'stopped here', type: 'bar', data: rungs.map((r) => r.stopped), itemStyle: { color: '#e8590c' } },
    ],
  }, { notMerge: true });
}

function renderImportance(imp) {
  const node = document.getElementById('importance-chart');
  const excluded = imp.excluded.length ? ` Excluded (one value in every trial): ${imp.excluded.join(', ')}.` : '';
  replace(document.getElementById('importance-note'),
    imp.note ? el('b', { id: 'importance-why' }, imp.note) : null,
    imp.warning ? el('span', { class: 'badge failed', id: 'importance-warning' }, imp.warning) : null,
    el('div', {}, `Method: ${imp.method}; ${imp.trials} done trials.${excluded}`));
  node.hidden = imp.parameters.length === 0;
  if (node.hidden) return;
  const bars = [...imp.parameters].reverse();
  chart(node).setOption({
    animation: false,
    grid: { left: 120, right: 40, top: 10, bottom: 40 },
    tooltip: { formatter: (q) => `${q.name}: ${fmt(q.value, 3)} (${bars[q.dataIndex].distinct_values} values)` },
    xAxis: { type: 'value', name: `share of the ${imp.metric} variance explained`, nameLocation: 'middle', nameGap: 26, max: 1 },
    yAxis: { type: 'category', data: bars.map((p) => p.name) },
    series: [{ id: 'importance', type: 'bar', data: bars.map((p) => p.importance), itemStyle: { color: '#7048e8' },
      label: { show: true, position: 'right', formatter: (q) => fmt(q.value, 3) } }],
  }, { notMerge: true });
}
