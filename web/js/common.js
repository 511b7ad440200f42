// Shared helpers of the dashboard pages: API calls, DOM building, number formatting, polling.

/** GET a JSON API path; a non-2xx answer throws an Error carrying the API's own message. */
export async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body && body.error ? body.error : `${response.status} ${response.statusText}`);
  }
  return body;
}

/** Creates an element: el('td', {class: 'num', title: 'x'}, 'text', otherNode). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** A query-string parameter of the page. */
export function query(name) {
  return new URLSearchParams(window.location.search).get(name);
}

/** A number with `digits` decimals; '–' for null (not measured, or NaN/Infinity in the database). */
export function fmt(value, digits = 4) {
  return value === null || value === undefined ? '–' : Number(value).toFixed(digits);
}

/** A parameter value: integers as they are, tiny or huge numbers in exponent form. */
export function fmtParam(value) {
  if (value === null || value === undefined) return '–';
  const abs = Math.abs(value);
  if (Number.isInteger(value) && abs < 1e5) return String(value);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e5) ? value.toExponential(2) : String(+value.toPrecision(4));
}

/**
 * "mean ± half-width" of a score summary, or '–'; "[low, high] ✂" when the interval was clipped to the
 * metric's range, and the mean with "n = 2" when there are too few folds for an interval.
 */
export function scoreText(score) {
  if (!score || score.mean === null) return '–';
  if (score.too_few_folds) return `${fmt(score.mean)} (n = ${score.n})`;
  if (score.clipped) return `${fmt(score.mean)} [${fmt(score.ci95_low)}, ${fmt(score.ci95_high)}] ✂`;
  const half = score.ci95_high !== null && score.ci95_low !== null ? (score.ci95_high - score.ci95_low) / 2 : null;
  return `${fmt(score.mean)} ± ${fmt(half)}`;
}

/** "[low, high]" of a score summary's 95% CI, saying when it was clipped or when there are too few folds. */
export function ciText(score) {
  if (!score) return '';
  if (score.too_few_folds) return `n = ${score.n}: too few folds for a 95% CI (needs 3)`;
  if (score.ci95_low === null) return '';
  const clipped = score.clipped ? ', clipped to the metric\'s range' : '';
  return `95% CI [${fmt(score.ci95_low)}, ${fmt(score.ci95_high)}], n = ${score.n}${clipped}`;
}

export function badge(status) {
  return el('span', { class: `badge ${status}` }, status);
}

export function time(iso) {
  return iso ? new Date(iso).toLocaleString() : '–';
}

/** A done/failed/total bar with its text. */
export function progressBar(done, failed, total) {
  const pct = (n) => (total ? (100 * n) / total : 0);
  return el('span', { class: 'progress' },
    el('span', { class: 'bar' },
      el('span', { class: 'done', style: `width:${pct(done)}%` }),
      el('span', { class: 'failed', style: `width:${pct(failed)}%` })),
    el('span', { class: 'progress-text' }, `${done + failed}/${total} trials${failed ? ` (${failed} failed)` : ''}`));
}

/** Shows an error message at the top of the page instead of failing silently. */
export function showError(error) {
  const main = document.querySelector('main');
  let banner = document.getElementById('error');
  if (!banner) {
    banner = el('div', { id: 'error', class: 'banner' });
    main.prepend(banner);
  }
  banner.textContent = error.message || String(error);
}

export function clearError() {
  document.getElementById('error')?.remove();
}

/**
 * Calls `tick` every `ms` milliseconds, after the previous call has finished, for as long as it
 * resolves to true; a failed call shows its error and tries again.
 */
export function poll(tick, ms = 2000) {
  const again = () => setTimeout(run, ms);
  async function run() {
    try {
      if (await tick()) again();
      else clearError();
    } catch (error) {
      showError(error);
      again();
    }
  }
  again();
}

/** Renders `parent`'s content as `children`. */
export function replace(parent, ...children) {
  parent.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
}

/** A segmented control; `onChange(value)` is called with the chosen option's value. */
export function segmented(id, options, value, onChange) {
  const group = el('span', { class: 'seg', id });
  for (const [optionValue, label] of options) {
    group.append(el('button', {
      type: 'button', class: optionValue === value ? 'on' : null, dataset: { value: optionValue },
      onclick: () => {
        group.querySelectorAll('button').forEach((b) => b.classList.toggle('on', b.dataset.value === optionValue));
        onChange(optionValue);
      },
    }, label));
  }
  return group;
}

/** A colour per series index, the same on every chart of a page. */
export const PALETTE = ['#2f6fde', '#e8590c', '#2b8a3e', '#c2255c', '#7048e8', '#0c8599', '#a47f00', '#5c5f66',
  '#d6336c', '#1098ad', '#74b816', '#f76707'];

export function color(i) {
  return PALETTE[i % PALETTE.length];
}

/** Flattens nested JSON into [dotted key, text] rows: {a: {b: 1}} -> [['a.b', '1']]. */
export function flatten(value, prefix = '') {
  if (value === null || typeof value !== 'object') return [[prefix, value === null ? 'null' : String(value)]];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  if (entries.length === 0) return [[prefix, Array.isArray(value) ? '[]' : '{}']];
  return entries.flatMap(([key, v]) => flatten(v, prefix ? `${prefix}.${key}` : key));
}

/** A chart in `node`, resized with the window. */
export function chart(node) {
  const instance = echarts.getInstanceByDom(node) || echarts.init(node);
  if (!node.dataset.resizes) {
    window.addEventListener('resize', () => instance.resize());
    node.dataset.resizes = 'yes';
  }
  return instance;
}
