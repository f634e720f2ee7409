// The lkjip web page: upload, progress, findings with filters, the cited PDF page with its cells
// highlighted, and questions with citations. Plain modules, no build step.
// Every text that comes from a PDF (or from an answer about it) is set with textContent: nothing
// from a report is ever parsed as HTML.

const STRINGS = {
  id: {
    tagline: 'Audit LKjIP, setiap angka dengan sumbernya', token: 'Token akses', save: 'Simpan',
    drop: 'Tarik berkas PDF LKjIP ke sini', choose: 'Pilih berkas…', documents: 'Dokumen', noDocument: 'Belum ada dokumen',
    download: 'Unduh', findingsXlsx: 'temuan (XLSX)', findingsCsv: 'temuan (CSV)', modelXlsx: 'model (XLSX)', tablesXlsx: 'tabel (XLSX)',
    severity: 'Tingkat', check: 'Pemeriksaan', all: 'Semua', chat: 'Tanya laporan', ask: 'Tanya',
    askPlaceholder: 'Angka capaian mana yang salah hitung?',
    'sev.error': 'Kesalahan', 'sev.warning': 'Peringatan', 'sev.rounding': 'Pembulatan', 'sev.info': 'Info',
    'status.queued': 'menunggu', 'status.processing': 'diproses', 'status.done': 'selesai', 'status.failed': 'gagal',
    'stage.queued': 'Menunggu giliran', 'stage.read': 'Membaca halaman', 'stage.ocr': 'OCR halaman', 'stage.extract': 'Mengekstrak model', 'stage.audit': 'Memeriksa angka', 'stage.done': 'Selesai',
    uploading: 'Mengunggah…', onlyPdf: 'Hanya berkas PDF yang dapat diunggah.', findings: 'temuan', pages: 'halaman', page: 'hal.',
    table: 'tabel', row: 'baris', printed: 'Tercetak', expected: 'Seharusnya', formula: 'Rumus', places: 'Lokasi', operands: 'Operand',
    noFindings: 'Tidak ada temuan untuk filter ini.', chatUnavailable: 'Fitur tanya jawab belum tersedia di server ini.',
    chatFailed: 'Pertanyaan tidak dapat dijawab', needToken: 'Server ini memerlukan token akses.', cached: 'dari cache', sources: 'Sumber',
    pickDocument: 'Pilih dokumen yang sudah selesai diproses.', unread: 'halaman tidak terbaca',
  },
  en: {
    tagline: 'Audit LKjIP reports, every figure cited', token: 'Access token', save: 'Save',
    drop: 'Drop an LKjIP PDF here', choose: 'Choose a file…', documents: 'Documents', noDocument: 'No document yet',
    download: 'Download', findingsXlsx: 'findings (XLSX)', findingsCsv: 'findings (CSV)', modelXlsx: 'model (XLSX)', tablesXlsx: 'tables (XLSX)',
    severity: 'Severity', check: 'Check', all: 'All', chat: 'Ask the report', ask: 'Ask',
    askPlaceholder: 'Which capaian figures are miscalculated?',
    'sev.error': 'Error', 'sev.warning': 'Warning', 'sev.rounding': 'Rounding', 'sev.info': 'Info',
    'status.queued': 'queued', 'status.processing': 'processing', 'status.done': 'done', 'status.failed': 'failed',
    'stage.queued': 'Waiting in the queue', 'stage.read': 'Reading pages', 'stage.ocr': 'OCR of pages', 'stage.extract': 'Extracting the model', 'stage.audit': 'Checking the figures', 'stage.done': 'Done',
    uploading: 'Uploading…', onlyPdf: 'Only PDF files can be uploaded.', findings: 'findings', pages: 'pages', page: 'p.',
    table: 'table', row: 'row', printed: 'Printed', expected: 'Expected', formula: 'Formula', places: 'Where', operands: 'Operands',
    noFindings: 'No findings for this filter.', chatUnavailable: 'Questions are not available on this server yet.',
    chatFailed: 'The question could not be answered', needToken: 'This server needs an access token.', cached: 'from cache', sources: 'Sources',
    pickDocument: 'Pick a document that has been processed.', unread: 'pages could not be read',
  },
};

const SEVERITY_ORDER = ['error', 'warning', 'rounding', 'info'];
const MARKER = /\[([A-Za-z0-9][A-Za-z0-9._:-]*)\]/g;

const state = {
  lang: localStorage.getItem('lkjip.lang') === 'en' ? 'en' : 'id',
  token: sessionStorage.getItem('lkjip.token') || '',
  docs: [],
  current: null, // { id, view, findings, checks }
  selected: null, // finding id
  viewer: { id: null, pdf: null, page: 1, highlights: [], rendering: Promise.resolve() },
  polling: new Map(),
};

const $ = (sel) => document.querySelector(sel);
const t = (key) => STRINGS[state.lang][key] ?? STRINGS.en[key] ?? key;

/** Builds an element; string children become text nodes (never HTML). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

// --- API -------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function api(path, init = {}) {
  const headers = new Headers(init.headers || {});
  if (state.token) headers.set('Authorization', `Bearer ${state.token}`);
  const res = await fetch(path, { ...init, headers });
  if (res.ok) return res;
  let code = 'E_HTTP';
  let message = `HTTP ${res.status}`;
  try {
    const body = await res.json();
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch { /* not JSON */ }
  if (res.status === 401) askForToken();
  throw new ApiError(res.status, code, message);
}

const getJson = async (path) => (await api(path)).json();

function askForToken() {
  const form = $('#token-form');
  form.hidden = false;
  $('#token-input').focus();
  setStatus(t('needToken'), true);
}

// --- language ----------------------------------------------------------------------------------

function applyLang() {
  document.documentElement.lang = state.lang;
  $('#lang-toggle').textContent = state.lang === 'id' ? 'EN' : 'ID';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  renderDocuments();
  renderHeader();
  renderFindings();
  renderDetail();
}

// --- upload and progress -------------------------------------------------------------------------

function setStatus(text, bad = false) {
  const s = $('#upload-status');
  s.textContent = text;
  s.classList.toggle('bad', bad);
}

function setupUpload() {
  const zone = $('#dropzone');
  const input = $('#file-input');
  for (const ev of ['dragenter', 'dragover']) zone.addEventListener(ev, (e) => { e.preventDefault(); zone.classList.add('over'); });
  for (const ev of ['dragleave', 'drop']) zone.addEventListener(ev, () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    const file = e.dataTransfer?.files?.[0];
    if (file) void uploadFile(file);
  });
  // A file dropped outside the zone must not replace the page with the PDF.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void uploadFile(file);
    input.value = '';
  });
}

async function uploadFile(file) {
  if (!/\.pdf$/i.test(file.name) && file.type !== 'application/pdf') return setStatus(t('onlyPdf'), true);
  setStatus(`${t('uploading')} ${file.name}`);
  const fd = new FormData();
  fd.append('file', file, file.name);
  try {
    const view = await (await api('/api/documents', { method: 'POST', body: fd })).json();
    upsertDoc(view);
    await selectDocument(view.id);
    track(view.id);
  } catch (err) {
    setStatus(`${err.code ?? ''} ${err.message}`, true);
  }
}

function track(id) {
  if (state.polling.has(id)) return;
  const tick = async () => {
    try {
      const view = await getJson(`/api/documents/${id}`);
      upsertDoc(view);
      if (state.current?.id === id) showProgress(view);
      if (view.status === 'queued' || view.status === 'processing') {
        state.polling.set(id, setTimeout(tick, 400));
        return;
      }
      state.polling.delete(id);
      if (state.current?.id === id) await selectDocument(id);
    } catch (err) {
      state.polling.delete(id);
      setStatus(err.message, true);
    }
  };
  state.polling.set(id, setTimeout(tick, 0));
}

function showProgress(view) {
  const bar = $('#progress');
  const p = view.progress;
  if (view.status === 'queued' || view.status === 'processing') {
    bar.hidden = false;
    if (p && p.total > 0) {
      bar.max = p.total;
      bar.value = p.done;
    } else bar.removeAttribute('value');
    const count = p && p.total > 0 ? ` ${p.done}/${p.total}` : '';
    setStatus(`${view.name}: ${t(`stage.${p?.stage ?? 'queued'}`)}${count}`);
  } else {
    bar.hidden = true;
    if (view.status === 'failed') setStatus(`${view.name}: ${view.error?.code ?? ''} ${view.error?.message ?? ''}`, true);
    else setStatus(`${view.name}: ${t('stage.done')}${view.cached ? ` (${t('cached')})` : ''}`);
  }
}

// --- documents ---------------------------------------------------------------------------------

function upsertDoc(view) {
  const i = state.docs.findIndex((d) => d.id === view.id);
  if (i >= 0) state.docs[i] = view;
  else state.docs.unshift(view);
  renderDocuments();
}

function renderDocuments() {
  const list = $('#documents');
  list.replaceChildren(
    ...state.docs.map((d) => {
      const p = d.progress;
      const progress = (d.status === 'processing' || d.status === 'queued') && p?.total ? ` ${p.done}/${p.total}` : '';
      const counts = d.summary ? ` · ${SEVERITY_ORDER.map((s) => d.summary.findings[s]).reduce((a, b) => a + b, 0)} ${t('findings')}` : '';
      return el(
        'li',
        { class: `doc-item${state.current?.id === d.id ? ' selected' : ''}`, tabindex: 0, dataset: { id: d.id }, onclick: () => selectDocument(d.id), onkeydown: (e) => e.key === 'Enter' && selectDocument(d.id) },
        el('div', { class: 'name' }, d.summary?.instansi ? `${d.summary.instansi} ${d.summary.tahun ?? ''}` : d.name),
        el('div', { class: 'state' }, `${d.name} · ${t(`status.${d.status}`)}${progress}${counts}`),
      );
    }),
  );
}

async function loadDocuments() {
  try {
    const { documents } = await getJson('/api/documents');
    state.docs = documents;
    renderDocuments();
    for (const d of documents) if (d.status === 'queued' || d.status === 'processing') track(d.id);
    const first = documents.find((d) => d.status === 'done');
    if (first && !state.current) await selectDocument(first.id);
  } catch (err) {
    setStatus(err.message, true);
  }
}

async function selectDocument(id) {
  const view = state.docs.find((d) => d.id === id) ?? (await getJson(`/api/documents/${id}`));
  state.current = { id, view, findings: [], checks: [] };
  state.selected = null;
  renderDocuments();
  showProgress(view);
  renderHeader();
  renderFindings();
  renderDetail();
  $('#chat-log').replaceChildren();
  if (view.status !== 'done') {
    if (view.status === 'queued' || view.status === 'processing') track(id);
    return;
  }
  const data = await getJson(`/api/documents/${id}/findings`);
  if (state.current?.id !== id) return;
  state.current.findings = data.findings;
  state.current.report = data.report;
  renderHeader();
  renderCheckFilter();
  renderFindings();
  await loadChat(id);
  await openPage(id, data.findings[0]?.citations[0]?.page ?? 1, []);
}

function renderHeader() {
  const cur = state.current;
  const title = $('#doc-title');
  const meta = $('#doc-meta');
  $('#downloads').hidden = !(cur && cur.view.status === 'done');
  if (!cur) {
    title.textContent = t('noDocument');
    meta.textContent = '';
    return;
  }
  const r = cur.report;
  title.textContent = r?.instansi ? `${r.instansi}${r.tahun ? ` — LKjIP ${r.tahun}` : ''}` : cur.view.name;
  const s = cur.view.summary;
  meta.textContent = s ? `${r?.pemda ?? ''} · ${s.pages} ${t('pages')} · ${SEVERITY_ORDER.map((k) => `${s.findings[k]} ${t(`sev.${k}`).toLowerCase()}`).join(', ')}` : cur.view.name;
  // Pages that failed are always said, with why on hover: an audit of part of a report must look like one.
  const unread = s?.unread ?? [];
  meta.title = unread.map((u) => `${u.code}: ${u.message}`).join('\n');
  if (unread.length) meta.append(' · ', el('span', { class: 'unread' }, `⚠ ${unread.length} ${t('unread')} (${unread.map((u) => u.page).join(', ')})`));
}

// --- findings ----------------------------------------------------------------------------------

function renderCheckFilter() {
  const select = $('#filter-check');
  const keep = select.value;
  const checks = [...new Set((state.current?.findings ?? []).map((f) => f.check))].sort();
  select.replaceChildren(el('option', { value: '', 'data-i18n': 'all' }, t('all')), ...checks.map((c) => el('option', { value: c }, c)));
  select.value = checks.includes(keep) ? keep : '';
}

function visibleFindings() {
  const sev = $('#filter-severity').value;
  const check = $('#filter-check').value;
  return (state.current?.findings ?? []).filter((f) => (!sev || f.severity === sev) && (!check || f.check === check));
}

function placeText(c) {
  const parts = [`${t('page')} ${c.page}`];
  if (c.table) parts.push(`${t('table')} ${c.table}`);
  if (c.row !== null && c.row !== undefined) parts.push(`${t('row')} ${c.row}`);
  return parts.join(', ');
}

function renderFindings() {
  const list = $('#findings');
  const shown = visibleFindings();
  $('#finding-count').textContent = state.current?.findings.length ? `${shown.length} / ${state.current.findings.length}` : '';
  if (state.current?.view.status === 'done' && !shown.length) {
    list.replaceChildren(el('li', { class: 'empty' }, t('noFindings')));
    return;
  }
  list.replaceChildren(
    ...shown.map((f) => {
      const pages = [...new Set(f.citations.map((c) => c.page))];
      return el(
        'li',
        { class: `finding sev-${f.severity}${state.selected === f.id ? ' selected' : ''}`, tabindex: 0, dataset: { id: f.id, check: f.check, severity: f.severity }, onclick: () => selectFinding(f.id), onkeydown: (e) => e.key === 'Enter' && selectFinding(f.id) },
        el('div', { class: 'head' }, el('span', { class: 'badge' }, t(`sev.${f.severity}`)), el('span', { class: 'check' }, f.check), el('span', { class: 'pages' }, `${t('page')} ${pages.join(', ')}`)),
        el('div', { class: 'msg' }, f.message[state.lang]),
      );
    }),
  );
}

function selectFinding(id) {
  const f = state.current?.findings.find((x) => x.id === id);
  if (!f) return;
  state.selected = id;
  for (const node of document.querySelectorAll('.finding')) node.classList.toggle('selected', node.dataset.id === id);
  renderDetail();
  void openFindingPage(f, f.citations[0].page);
}

/** Highlights for a finding on a page: its own cells, and the operands it was computed from. */
function findingHighlights(f, page) {
  const own = f.citations.filter((c) => c.page === page && c.bbox).map((c) => ({ bbox: c.bbox, kind: 'cite' }));
  const ops = (f.expected?.operands ?? []).filter((o) => o.cite?.page === page && o.cite.bbox).map((o) => ({ bbox: o.cite.bbox, kind: 'op' }));
  return [...own, ...ops];
}

function openFindingPage(f, page) {
  return openPage(state.current.id, page, findingHighlights(f, page));
}

function renderDetail() {
  const box = $('#finding-detail');
  const f = state.current?.findings.find((x) => x.id === state.selected);
  if (!f) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  box.hidden = false;
  const rows = [el('div', { class: 'msg' }, el('strong', {}, `${t(`sev.${f.severity}`)} · ${f.check}: `), f.message[state.lang])];
  if (f.printed) rows.push(el('div', {}, `${t('printed')}: `, el('span', { class: 'formula' }, f.printed.text)));
  if (f.expected) {
    rows.push(el('div', {}, `${t('expected')}: `, el('span', { class: 'formula' }, String(f.expected.value ?? '—'))));
    rows.push(el('div', {}, `${t('formula')}: `, el('span', { class: 'formula' }, f.expected.formula)));
  }
  const chips = f.citations.map((c) => el('button', { type: 'button', class: 'chip', onclick: () => openFindingPage(f, c.page) }, placeText(c)));
  const ops = (f.expected?.operands ?? []).filter((o) => o.cite).map((o) => el('button', { type: 'button', class: 'chip op', title: o.name, onclick: () => openFindingPage(f, o.cite.page) }, `${o.text} · ${placeText(o.cite)}`));
  rows.push(el('div', { class: 'places' }, `${t('places')}: `, ...chips));
  if (ops.length) rows.push(el('div', { class: 'places' }, `${t('operands')}: `, ...ops));
  box.replaceChildren(...rows);
}

// --- the PDF page --------------------------------------------------------------------------------

let pdfjs;
async function loadPdfjs() {
  if (!pdfjs) {
    pdfjs = await import('/vendor/pdfjs/build/pdf.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = '/vendor/pdfjs/build/pdf.worker.mjs';
  }
  return pdfjs;
}

async function pdfFor(id) {
  if (state.viewer.id === id && state.viewer.pdf) return state.viewer.pdf;
  const lib = await loadPdfjs();
  const data = new Uint8Array(await (await api(`/api/documents/${id}/pdf`)).arrayBuffer());
  const pdf = await lib.getDocument({ data, isEvalSupported: false, cMapUrl: '/vendor/pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: '/vendor/pdfjs/standard_fonts/', wasmUrl: '/vendor/pdfjs/wasm/' }).promise;
  state.viewer.pdf?.destroy();
  state.viewer = { ...state.viewer, id, pdf };
  return pdf;
}

/** Renders a page and lights up boxes given in PDF points from the page's top-left corner. */
function openPage(id, pageNumber, highlights) {
  // One render at a time: a second click waits for the first instead of drawing over it.
  state.viewer.rendering = state.viewer.rendering.catch(() => undefined).then(() => renderPage(id, pageNumber, highlights));
  return state.viewer.rendering;
}

async function renderPage(id, pageNumber, highlights) {
  const pdf = await pdfFor(id);
  const n = Math.min(Math.max(1, pageNumber), pdf.numPages);
  const page = await pdf.getPage(n);
  const base = page.getViewport({ scale: 1 });
  const width = Math.max(320, $('.viewer').clientWidth - 24);
  const scale = Math.min(2, width / base.width);
  const viewport = page.getViewport({ scale });
  const canvas = $('#page-canvas');
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  const ctx = canvas.getContext('2d');
  await page.render({ canvasContext: ctx, canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
  state.viewer.page = n;
  state.viewer.highlights = highlights;
  $('#page-label').textContent = `${t('page')} ${n} / ${pdf.numPages}`;
  $('#page-canvas').dataset.page = String(n);
  const layer = $('#highlights');
  layer.replaceChildren(
    ...highlights.map((h) => {
      const [x0, y0, x1, y1] = h.bbox;
      const pad = 2;
      const box = el('div', { class: `hl${h.kind === 'op' ? ' op' : ''}` });
      box.style.left = `${(x0 - pad) * scale}px`;
      box.style.top = `${(y0 - pad) * scale}px`;
      box.style.width = `${(x1 - x0 + 2 * pad) * scale}px`;
      box.style.height = `${(y1 - y0 + 2 * pad) * scale}px`;
      return box;
    }),
  );
  layer.firstElementChild?.scrollIntoView({ block: 'center', behavior: 'instant' });
}

function setupPager() {
  $('#page-prev').addEventListener('click', () => state.current && openPage(state.current.id, state.viewer.page - 1, []));
  $('#page-next').addEventListener('click', () => state.current && openPage(state.current.id, state.viewer.page + 1, []));
}

// --- chat ----------------------------------------------------------------------------------------

function citationHighlights(c, page) {
  const boxes = (c.highlights ?? []).filter((h) => h.page === page).map((h) => ({ bbox: h.bbox, kind: 'cite' }));
  if (!boxes.length && c.bbox && c.page === page) boxes.push({ bbox: c.bbox, kind: 'cite' });
  return boxes;
}

function openCitation(c) {
  if (!state.current) return;
  if (c.kind === 'finding') {
    const f = state.current.findings.find((x) => x.id === c.id);
    if (f) {
      state.selected = f.id;
      renderFindings();
      renderDetail();
      return openFindingPage(f, c.page);
    }
  }
  return openPage(state.current.id, c.page, citationHighlights(c, c.page));
}

/** Answer text with each `[id]` marker turned into a button that opens the cited page. */
function answerNodes(text, citations) {
  const byId = new Map(citations.filter((c) => c.id).map((c) => [c.id, c]));
  const numbers = new Map();
  const nodes = [];
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    const c = byId.get(m[1]);
    if (!c) continue;
    nodes.push(text.slice(last, m.index));
    if (!numbers.has(c.id)) numbers.set(c.id, numbers.size + 1);
    nodes.push(el('button', { type: 'button', class: 'cite', title: `${placeText(c)} · ${c.id}`, dataset: { id: c.id, page: c.page }, onclick: () => openCitation(c) }, String(numbers.get(c.id))));
    last = m.index + m[0].length;
  }
  nodes.push(text.slice(last));
  return nodes;
}

function renderMessage(m) {
  if (m.role === 'user') return el('li', { class: 'chat-msg user' }, m.text);
  const sources = (m.citations ?? []).map((c) => el('button', { type: 'button', class: 'chip', onclick: () => openCitation(c) }, placeText(c)));
  return el(
    'li',
    { class: 'chat-msg assistant' },
    m.notice ? el('div', { class: 'notice' }, m.notice) : null,
    el('div', { class: 'answer' }, ...answerNodes(m.text, m.citations ?? [])),
    sources.length ? el('div', { class: 'sources' }, `${t('sources')}: `, ...sources) : null,
  );
}

async function loadChat(id) {
  try {
    const { messages } = await getJson(`/api/documents/${id}/chat`);
    if (state.current?.id === id) $('#chat-log').replaceChildren(...messages.map(renderMessage));
  } catch { /* history is optional */ }
}

function setupChat() {
  $('#chat-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const input = $('#chat-input');
    const question = input.value.trim();
    if (!question || !state.current || state.current.view.status !== 'done') {
      if (!state.current || state.current.view.status !== 'done') setStatus(t('pickDocument'), true);
      return;
    }
    const log = $('#chat-log');
    log.append(renderMessage({ role: 'user', text: question }));
    input.value = '';
    $('#chat-send').disabled = true;
    try {
      const res = await api(`/api/documents/${state.current.id}/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question, lang: state.lang }) });
      const a = await res.json();
      log.append(renderMessage({ role: 'assistant', text: a.answer, citations: a.citations, notice: a.notice }));
    } catch (err) {
      const text = err.status === 501 ? t('chatUnavailable') : `${t('chatFailed')}: ${err.message}`;
      log.append(el('li', { class: 'chat-msg assistant failed' }, text));
    } finally {
      $('#chat-send').disabled = false;
      log.lastElementChild?.scrollIntoView({ block: 'end' });
    }
  });
}

// --- downloads -----------------------------------------------------------------------------------

function setupDownloads() {
  $('#downloads').addEventListener('click', async (e) => {
    const b = e.target.closest('button[data-download]');
    if (!b || !state.current) return;
    // Fetched rather than linked, so the bearer token goes along.
    const res = await api(`/api/documents/${state.current.id}/${b.dataset.download}?format=${b.dataset.format}&lang=${state.lang}`);
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `lkjip.${b.dataset.format}`;
    const url = URL.createObjectURL(await res.blob());
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
}

// --- start ---------------------------------------------------------------------------------------

function setup() {
  $('#lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'id' ? 'en' : 'id';
    localStorage.setItem('lkjip.lang', state.lang);
    applyLang();
  });
  $('#token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    state.token = $('#token-input').value.trim();
    sessionStorage.setItem('lkjip.token', state.token);
    $('#token-form').hidden = true;
    setStatus('');
    void loadDocuments();
  });
  $('#filter-severity').addEventListener('change', renderFindings);
  $('#filter-check').addEventListener('change', renderFindings);
  setupUpload();
  setupPager();
  setupChat();
  setupDownloads();
  applyLang();
  void loadDocuments();
}

setup();
