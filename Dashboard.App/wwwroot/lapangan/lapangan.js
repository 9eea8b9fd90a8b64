// The offline entry page: indicators, targets, totals and rules come from GET /api/v1/field and are kept on the phone;
// every recording goes into the queue (IndexedDB) with its own idempotency key and is sent when the server can be
// reached; the server stores a key once, so a resend after a lost answer never doubles an entry.
import { parseIdNumber, decimals, formatIdNumber } from './idnumber.js';
import { putItem, deleteItem, allItems, getMeta, putMeta, newKey } from './queue.js';

const $ = (id) => document.getElementById(id);
const RETRY_MS = 15000;
let data = null;          // the last field data (from the server, or the copy kept on the phone)
let sessionExpired = false;
let flushing = false;
let retryTimer = null;

const fill = (template, values) => Object.entries(values).reduce((t, [k, v]) => t.replaceAll('{' + k + '}', String(v)), template);
const todayIso = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Jakarta' });
const shortDate = (iso) => { const [y, m, d] = iso.split('-'); return `${d}/${m}/${y}`; };
const timeText = (iso) => new Date(iso).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'medium', timeStyle: 'short' });

function setText(el, text) { el.textContent = text ?? ''; }

function setConnection(online) {
  const pill = $('connection');
  pill.textContent = online ? 'Daring' : 'Luring';
  pill.classList.toggle('offline', !online);
}

function showSession() {
  const banner = $('session');
  banner.hidden = !sessionExpired;
  if (!sessionExpired) return;
  banner.replaceChildren();
  banner.append('Sesi Anda berakhir. Antrean tetap tersimpan di ponsel ini. ');
  const a = document.createElement('a');
  a.href = '/masuk?returnUrl=' + encodeURIComponent('/lapangan');
  a.textContent = 'Masuk lagi';
  a.dataset.testid = 'field-signin';
  banner.append(a, ' lalu antrean dikirim.');
}

// ---- data ------------------------------------------------------------------------------------------------------

async function loadData() {
  const kept = await getMeta('field');
  if (kept) { data = kept; render(); setText($('source'), `Data tersimpan di ponsel per ${timeText(kept.generatedAt)}.`); }
  try {
    const response = await fetch('/api/v1/field', { credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (response.status === 401) { sessionExpired = true; showSession(); setConnection(true); return; }
    if (!response.ok) { setText($('source'), `Server menjawab ${response.status}; memakai data tersimpan.`); return; }
    const fresh = await response.json();
    sessionExpired = false; showSession(); setConnection(true);
    data = fresh;
    await putMeta('field', fresh);
    setText($('source'), `Data terbaru dari server (${timeText(fresh.generatedAt)}), juga disimpan untuk dipakai tanpa sinyal.`);
    render();
  } catch {
    setConnection(false);
    if (!data) setText($('source'), 'Tidak ada sinyal dan belum ada data tersimpan: buka halaman ini sekali saat daring.');
  }
}

// ---- form ------------------------------------------------------------------------------------------------------

function option(value, text) { const o = document.createElement('option'); o.value = value; o.textContent = text; return o; }

function render() {
  if (!data) return;
  $('form-card').hidden = false;
  const select = $('indicator');
  const previous = select.value;
  select.replaceChildren(...data.indicators.map((i) => option(i.code, `${i.code} · ${i.name}`)));
  if (data.indicators.length === 0) {
    select.append(option('', 'Tidak ada indikator yang ditugaskan kepada Anda'));
  } else if (data.indicators.some((i) => i.code === previous)) {
    select.value = previous;
  }
  const quarter = $('quarter');
  const q = quarter.value || String(data.currentQuarter);
  quarter.replaceChildren(...data.quarters.map((x) => option(x.quarter, x.label)));
  quarter.value = q;
  const kec = $('kecamatan');
  if (kec.options.length === 0) kec.replaceChildren(option('', '—'), ...data.kecamatan.map((k) => option(k, k)));
  // The phone's date, unless it is outside the plan year (a wrong phone clock): then the server's date.
  if (!$('date').value) $('date').value = todayIso().startsWith(String(data.year)) ? todayIso() : data.today;
  updateIndicator();
  renderQueue();
}

const currentIndicator = () => data?.indicators.find((i) => i.code === $('indicator').value);
const currentQuarter = () => data?.quarters.find((x) => String(x.quarter) === $('quarter').value);

function updateIndicator() {
  const indicator = currentIndicator();
  const info = $('indicator-info');
  info.replaceChildren();
  $('entry').querySelector('[data-testid=field-submit]').disabled = !indicator;
  if (!indicator) return;
  const quarter = currentQuarter();
  const qs = indicator.quarters.find((x) => x.quarter === quarter.quarter);
  const line = (label, value) => { const d = document.createElement('div'); const a = document.createElement('span'); const b = document.createElement('strong'); a.textContent = label; b.textContent = value; d.append(a, b); info.append(d); };
  line('Satuan', indicator.unit);
  line(`Target ${quarter.label}`, formatIdNumber(qs?.target));
  line('Target tahunan', formatIdNumber(indicator.targetAnnual));
  line(`Realisasi ${quarter.label} (server)`, qs?.realisation == null ? 'belum ada' : formatIdNumber(qs.realisation));
  const queued = pendingItems.filter((it) => it.payload.indicatorCode === indicator.code && it.payload.quarter === quarter.quarter).length;
  if (queued > 0) line('Di antrean', `${queued} isian`);
  setText($('unit'), `(${indicator.unit})`);
  const kind = $('kind');
  const previous = kind.value;
  kind.replaceChildren(...indicator.rules.kinds.map((k) => option(k.kind, k.label)));
  if (indicator.rules.kinds.some((k) => k.kind === previous)) kind.value = previous;
  const window = $('window');
  setText(window, quarter.open ? quarter.message : `${quarter.message} (menurut data per ${timeText(data.generatedAt)})`);
  window.classList.toggle('closed', !quarter.open);
  updateKind();
}

function updateKind() {
  const rule = currentKindRule();
  $('reason-row').hidden = !rule?.reasonRequired;
}

const currentKindRule = () => currentIndicator()?.rules.kinds.find((k) => k.kind === $('kind').value);

/** The same checks as the server's RealisationRules, from the rule data it served; { errors: {field: msg}, confirm: [msg] }. */
function validate() {
  const indicator = currentIndicator();
  const quarter = currentQuarter();
  const rule = currentKindRule();
  const m = data.rules.messages;
  const errors = {};
  const confirm = [];
  const parsed = parseIdNumber($('value').value, data.numbers);
  if (!parsed.ok) errors.value = parsed.error;
  else if (Math.abs(parsed.value) > indicator.rules.maxValue) errors.value = indicator.rules.boundMessage;
  else if (parsed.value < 0 && !rule.negativeAllowed) errors.value = indicator.aggregation === 'Level' ? m.NegativePercentage : m.NegativeIncrement;
  else if (rule.kind === 'correction' && parsed.value === 0 && indicator.aggregation === 'Cumulative') errors.value = m.ZeroCorrection;
  else {
    if (indicator.rules.percentage && indicator.aggregation === 'Level' && parsed.value > 100) confirm.push(m.PercentageOver100);
    if (indicator.rules.count && decimals(parsed.invariant) > 0 && indicator.aggregation === 'Cumulative') {
      confirm.push(fill(m.FractionalCount, { value: formatIdNumber(parsed.value), unit: indicator.unit }));
    }
  }
  const date = $('date').value;
  const today = todayIso() < data.today ? data.today : todayIso();
  if (!date) errors.date = fill(m.DateOutsideYear, { year: data.year });
  else if (Number(date.slice(0, 4)) !== data.year) errors.date = fill(m.DateOutsideYear, { year: data.year });
  else if (date < quarter.start || date > quarter.end) {
    errors.date = fill(m.DateOutsideQuarter, { quarter: quarter.label, start: quarter.startText.replace(/ \d{4}$/, ''), end: quarter.endText });
  } else if (date > today) errors.date = fill(m.DateInFuture, { today: shortDate(today) });
  if (rule.reasonRequired) {
    const reason = $('reason').value.trim();
    if (reason.length === 0) errors.reason = m.ReasonRequired;
    else if (reason.length < data.rules.minReasonLength) errors.reason = fill(m.ReasonTooShort, { min: data.rules.minReasonLength });
    else if (reason.length > data.rules.maxReasonLength) errors.reason = fill(m.ReasonTooLong, { length: formatIdNumber(reason.length), max: data.rules.maxReasonLength });
  }
  const note = $('note').value;
  if (note.length > data.rules.maxNoteLength) errors.note = fill(m.NoteTooLong, { length: formatIdNumber(note.length), max: formatIdNumber(data.rules.maxNoteLength) });
  const photo = $('photo').files[0];
  if (photo) {
    if (!data.limits.photoTypes.includes(photo.type)) errors.photo = 'Foto harus JPG atau PNG.';
    else if (photo.size > data.limits.maxPhotoBytes) {
      errors.photo = `Foto terlalu besar (${formatIdNumber(Math.round(photo.size / 104857.6) / 10)} MB); paling besar ${formatIdNumber(Math.round(data.limits.maxPhotoBytes / 104857.6) / 10)} MB di antrean.`;
    }
  }
  return { errors, confirm };
}

function showErrors(errors) {
  for (const p of document.querySelectorAll('.error[data-for]')) setText(p, errors[p.dataset.for]);
}

async function submit(event) {
  event.preventDefault();
  setText($('added'), '');
  if (!data || !currentIndicator()) return;
  const { errors, confirm } = validate();
  showErrors(errors);
  if (Object.keys(errors).length > 0) return;
  const confirmed = $('confirm').checked;
  if (confirm.length > 0 && !confirmed) {
    $('confirm-row').hidden = false;
    setText($('confirm-text'), confirm.join(' '));
    return;
  }
  const indicator = currentIndicator();
  const quarter = Number($('quarter').value);
  const rule = currentKindRule();
  // A level value is saved on top of the latest one the officer saw: the server's count plus what is queued before it.
  const seen = indicator.quarters.find((x) => x.quarter === quarter)?.latestSequence ?? 0;
  const queuedBefore = pendingItems.filter((it) => it.payload.indicatorCode === indicator.code && it.payload.quarter === quarter).length;
  const photo = $('photo').files[0];
  const item = {
    key: newKey(),
    user: data.user.userName,
    createdAt: new Date().toISOString(),
    indicatorName: indicator.name,
    unit: indicator.unit,
    payload: {
      year: data.year, indicatorCode: indicator.code, quarter, kind: rule.kind, value: $('value').value.trim(), date: $('date').value,
      kecamatan: $('kecamatan').value || null, note: $('note').value.trim() || null,
      correctionReason: rule.reasonRequired ? $('reason').value.trim() : null, confirm: confirm.length > 0 && confirmed,
      expectedSequence: indicator.aggregation === 'Level' ? seen + queuedBefore : null,
    },
    photo: photo ? { blob: photo, name: photo.name || 'foto.jpg', type: photo.type, size: photo.size } : null,
    state: 'pending',
    message: null,
  };
  item.payload.capturedAt = item.createdAt;
  await putItem(item);
  $('value').value = ''; $('note').value = ''; $('reason').value = ''; $('photo').value = '';
  $('confirm').checked = false; $('confirm-row').hidden = true;
  setText($('added'), `Dicatat di antrean: ${formatIdNumber(parseIdNumber(item.payload.value, data.numbers).value)} ${indicator.unit}.`);
  await renderQueue();
  flush();
}

// ---- queue -----------------------------------------------------------------------------------------------------

let pendingItems = [];
const STATE_LABEL = { pending: 'Menunggu dikirim', sending: 'Mengirim…', saved: 'Tersimpan', refused: 'Ditolak', conflict: 'Konflik', confirm: 'Perlu konfirmasi', auth: 'Menunggu masuk lagi' };
const waiting = (it) => it.state === 'pending' || it.state === 'sending' || it.state === 'auth' || (it.state === 'saved' && it.photo && !it.photoDone);

async function renderQueue() {
  const items = await allItems();
  pendingItems = items.filter(waiting);
  setText($('pending'), `${pendingItems.length} menunggu dikirim`);
  const list = $('queue');
  list.replaceChildren(...items.slice().reverse().map((it) => {
    const li = document.createElement('li');
    li.dataset.testid = 'field-item';
    li.dataset.state = it.state;
    li.dataset.key = it.key;
    const what = document.createElement('div');
    what.className = 'what';
    const value = parseIdNumber(it.payload.value, data?.numbers ?? { messages: {}, maxDecimals: 6 });
    what.textContent = `${it.payload.indicatorCode} · ${value.ok ? formatIdNumber(value.value) : it.payload.value} ${it.unit} · ${shortDate(it.payload.date)}`;
    const name = document.createElement('div');
    name.textContent = it.indicatorName;
    const state = document.createElement('span');
    state.className = 'state ' + it.state;
    state.textContent = STATE_LABEL[it.state] + (it.state === 'saved' && it.entryId ? ` (entri ${it.entryId})` : '');
    li.append(what, name, state);
    if (it.message) { const p = document.createElement('p'); p.className = 'msg'; p.textContent = it.message; li.append(p); }
    if (it.photo) {
      const p = document.createElement('p'); p.className = 'msg';
      p.textContent = it.photoDone ? 'Foto bukti terkirim.' : it.photoMessage ? `Foto bukti: ${it.photoMessage}` : `Foto bukti menunggu (${formatIdNumber(Math.round(it.photo.size / 1024))} KB).`;
      li.append(p);
    }
    if (it.state === 'confirm') {
      const b = document.createElement('button'); b.type = 'button'; b.textContent = 'Kirim dengan konfirmasi'; b.dataset.testid = 'field-item-confirm';
      b.onclick = async () => { it.payload.confirm = true; it.state = 'pending'; it.message = null; await putItem(it); await renderQueue(); flush(); };
      li.append(b);
    }
    if (it.state === 'refused' || it.state === 'conflict' || it.state === 'confirm') {
      const b = document.createElement('button'); b.type = 'button'; b.className = 'link'; b.textContent = 'Hapus dari antrean';
      b.onclick = async () => { await deleteItem(it.key); await renderQueue(); };
      li.append(b);
    }
    return li;
  }));
  $('clear').hidden = !items.some((it) => it.state === 'saved' && !waiting(it));
  if (data) updateIndicatorInfoOnly();
}

function updateIndicatorInfoOnly() {
  // Keeps the "Di antrean" line current without resetting the form's selects.
  const indicator = currentIndicator();
  if (!indicator) return;
  const info = $('indicator-info');
  const quarter = currentQuarter();
  const queued = pendingItems.filter((it) => it.payload.indicatorCode === indicator.code && it.payload.quarter === quarter.quarter).length;
  const existing = [...info.children].find((d) => d.firstChild?.textContent === 'Di antrean');
  if (existing) existing.lastChild.textContent = `${queued} isian`;
}

function problemMessage(problem) {
  const errors = problem?.errors ? Object.values(problem.errors).flat() : [];
  return [problem?.detail, ...errors].filter(Boolean).join(' ') || problem?.title || 'Ditolak oleh server.';
}

/** Sends one item; false when the server cannot be reached (stop and retry later). */
async function send(item) {
  let response;
  try {
    response = await fetch('/api/v1/realisations', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': item.key },
      body: JSON.stringify(item.payload),
    });
  } catch {
    return false;
  }
  if (response.status === 401) { sessionExpired = true; showSession(); item.state = 'auth'; await putItem(item); return false; }
  if (response.status === 429 || response.status >= 500) return false;
  const body = await response.json().catch(() => null);
  if (response.status === 201) {
    item.state = 'saved'; item.entryId = body?.entryId; item.message = body?.replayed ? 'Sudah tersimpan sebelumnya (dikirim ulang, tidak digandakan).' : null;
  } else if (response.status === 409) {
    item.state = 'conflict';
    item.message = problemMessage(body) + (body?.currentValue != null ? ` Nilai saat ini: ${formatIdNumber(body.currentValue)} ${item.unit}.` : '');
  } else if (response.status === 400 && body?.confirmationRequired?.length > 0 && !item.payload.confirm) {
    item.state = 'confirm'; item.message = problemMessage(body);
  } else {
    item.state = 'refused'; item.message = problemMessage(body);
  }
  await putItem(item);
  return true;
}

async function sendPhoto(item) {
  const form = new FormData();
  form.append('year', String(item.payload.year));
  form.append('indicatorCode', item.payload.indicatorCode);
  form.append('quarter', String(item.payload.quarter));
  form.append('description', `Foto lapangan ${shortDate(item.payload.date)}`);
  form.append('file', item.photo.blob, item.photo.name);
  let response;
  try {
    response = await fetch('/api/v1/evidence', { method: 'POST', credentials: 'same-origin', body: form });
  } catch {
    return false;
  }
  if (response.status === 401) { sessionExpired = true; showSession(); return false; }
  if (response.status === 429 || response.status >= 500) return false;
  if (response.status === 201) { item.photoDone = true; item.photo = { name: item.photo.name, size: item.photo.size, type: item.photo.type }; item.photoMessage = null; }
  else { item.photoDone = true; item.photoMessage = problemMessage(await response.json().catch(() => null)); item.photo.blob = null; }
  await putItem(item);
  return true;
}

async function flush() {
  if (flushing) return;
  flushing = true;
  clearTimeout(retryTimer);
  let reachable = true;
  try {
    const user = data?.user.userName;
    for (const item of await allItems()) {
      // Items of another account that signed in on this phone wait for that account.
      if (user && item.user !== user) continue;
      if (item.state === 'pending' || item.state === 'auth' || item.state === 'sending') {
        item.state = 'sending'; await putItem(item); await renderQueue();
        if (!(await send(item))) {
          if (item.state === 'sending') { item.state = 'pending'; await putItem(item); }
          reachable = false; break;
        }
        if (item.state === 'saved') { sessionExpired = false; showSession(); }
      }
      if (item.state === 'saved' && item.photo?.blob && !item.photoDone) {
        if (!(await sendPhoto(item))) { reachable = false; break; }
      }
    }
  } finally {
    flushing = false;
  }
  setConnection(reachable && navigator.onLine);
  await renderQueue();
  if (!reachable || pendingItems.length > 0) retryTimer = setTimeout(flush, RETRY_MS);
  else if (data) loadData();
}

async function clearSaved() {
  for (const item of await allItems()) if (item.state === 'saved' && !waiting(item)) await deleteItem(item.key);
  await renderQueue();
}

// ---- start -----------------------------------------------------------------------------------------------------

function start() {
  $('entry').addEventListener('submit', submit);
  $('indicator').addEventListener('change', updateIndicator);
  $('quarter').addEventListener('change', updateIndicator);
  $('kind').addEventListener('change', updateKind);
  $('send').addEventListener('click', flush);
  $('clear').addEventListener('click', clearSaved);
  window.addEventListener('online', () => { setConnection(true); flush(); });
  window.addEventListener('offline', () => setConnection(false));
  setConnection(navigator.onLine);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/service-worker.js', { scope: '/lapangan' }).catch(() => {});
  }
  loadData().then(() => renderQueue()).then(() => flush());
}

start();
