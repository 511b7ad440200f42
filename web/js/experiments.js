// Experiments page: every experiment, newest first; polls every 3 s so new and running experiments show up.
import { api, badge, el, fmt, poll, progressBar, replace, showError, time } from './common.js';

async function load() {
  const experiments = await api('/api/experiments');
  replace(document.querySelector('#experiments tbody'), experiments.map((e) => el('tr', { dataset: { experimentId: e.id } },
    el('td', {}, el('a', { href: `/experiment.html?id=${e.id}` }, e.name)),
    el('td', { class: 'num' }, e.id),
    el('td', {}, e.strategy),
    el('td', {}, `${e.goal} ${e.metric}`),
    el('td', {}, progressBar(e.trials_done, e.trials_failed, e.trials_total)),
    el('td', { class: 'num' }, fmt(e.best_score)),
    el('td', {}, badge(e.status)),
    el('td', {}, time(e.created_at)),
    el('td', {}, time(e.finished_at)))));
  document.getElementById('empty').textContent = experiments.length ? ''
    : 'No experiments yet. Run one: ./workbench run experiments/cnn-grid.yaml';
  return true;
}

load().then(() => {
  document.body.dataset.loaded = 'true';
  poll(load, 3000);
}).catch(showError);
