// The lkjip web page: upload, progress, findings with filters and review, the cited PDF page with
// its cells highlighted, and questions with citations. Plain modules, no build step.
// Every text that comes from a PDF (or from an answer about it) is set with textContent: nothing
// from a report is ever parsed as HTML.

const STRINGS = {
  id: {
    tagline: 'Audit LKjIP, setiap angka dengan sumbernya', token: 'Token akses', save: 'Simpan',
    drop: 'Tarik berkas PDF LKjIP ke sini, atau pilih berkas', choose: 'Pilih berkas…', documents: 'Dokumen', noDocument: 'Belum ada dokumen',
    download: 'Unduh', reportHtml: 'laporan (HTML)', findingsXlsx: 'temuan (XLSX)', findingsCsv: 'temuan (CSV)', modelXlsx: 'model (XLSX)', tablesXlsx: 'tabel (XLSX)',
    severity: 'Tingkat', check: 'Pemeriksaan', all: 'Semua', chat: 'Tanya laporan', ask: 'Tanya', question: 'Pertanyaan',
    askPlaceholder: 'Angka capaian mana yang salah hitung?', views: 'Tampilan', progress: 'Kemajuan pemrosesan',
    'tab.findings': 'Temuan', 'tab.page': 'Halaman', 'tab.chat': 'Tanya', findingsList: 'Daftar temuan',
    'sev.error': 'Kesalahan', 'sev.warning': 'Peringatan', 'sev.rounding': 'Pembulatan', 'sev.info': 'Info',
    'status.queued': 'menunggu', 'status.processing': 'diproses', 'status.done': 'selesai', 'status.failed': 'gagal',
    'stage.queued': 'Menunggu giliran', 'stage.read': 'Membaca halaman', 'stage.ocr': 'OCR halaman pindaian', 'stage.layout': 'Menyusun tabel', 'stage.extract': 'Mengekstrak model', 'stage.audit': 'Memeriksa angka', 'stage.done': 'Selesai',
    uploading: 'Mengunggah…', onlyPdf: 'Hanya berkas PDF yang dapat diunggah.', findings: 'temuan', pages: 'halaman', page: 'hal.',
    row: 'baris', printed: 'Tercetak', expected: 'Seharusnya', formula: 'Rumus', places: 'Lokasi', operands: 'Operand',
    noFindings: 'Tidak ada temuan untuk filter ini.', chatUnavailable: 'Fitur tanya jawab belum tersedia di server ini.',
    chatFailed: 'Pertanyaan tidak dapat dijawab', needToken: 'Server ini memerlukan token akses.', cached: 'dari cache', sources: 'Sumber',
    pickDocument: 'Pilih dokumen yang sudah selesai diproses.', unread: 'halaman tidak terbaca',
    remove: 'Hapus', removeDoc: 'Hapus dokumen', removed: 'Dokumen dihapus.', failedDoc: 'Dokumen ini gagal diproses',
    reviewStatus: 'Status tinjauan', review: 'Tinjauan', note: 'Catatan', saveReview: 'Simpan catatan', clearReview: 'Hapus tinjauan',
    'review.open': 'Belum ditinjau', 'review.confirmed': 'Dikonfirmasi', 'review.dismissed': 'Diabaikan', 'review.follow-up': 'Perlu tindak lanjut',
    reviewSaved: 'Tinjauan tersimpan.', reviewCleared: 'Tinjauan dihapus.', reviewFailed: 'Tinjauan tidak tersimpan', pickStatus: 'Pilih status dulu.',
    prevFinding: 'Temuan sebelumnya (K)', nextFinding: 'Temuan berikutnya (J)', prevPage: 'Halaman sebelumnya', nextPage: 'Halaman berikutnya',
    pageNumber: 'Nomor halaman PDF', zoomIn: 'Perbesar', zoomOut: 'Perkecil', fitWidth: 'Lebar', fitPage: 'Halaman penuh', pageStrip: 'Halaman dokumen',
    pageView: 'Halaman PDF', of: 'dari', folio: 'tercetak', prevPlace: 'Lokasi sebelumnya', nextPlace: 'Lokasi berikutnya', place: 'Lokasi',
    keys: 'Tombol: J/K temuan berikutnya/sebelumnya, [ ] lokasi lain, ← → halaman, Spasi + seret untuk menggeser', renderFailed: 'Halaman tidak dapat ditampilkan',
    'err.E_NOT_PDF': 'Berkas ini bukan PDF; hanya laporan PDF yang dapat diunggah.',
    'err.E_FILE_EMPTY': 'Berkas kosong (0 bita).',
    'err.E_FILE_TOO_LARGE': 'Berkas melebihi batas ukuran unggahan.',
    'err.E_PDF_CORRUPT': 'PDF rusak dan tidak dapat dibaca.',
    'err.E_PDF_ENCRYPTED': 'PDF dilindungi kata sandi; hapus kata sandinya lalu unggah lagi.',
    'err.E_PDF_NO_PAGES': 'PDF tidak memiliki halaman.',
    'err.E_PDF_UNREADABLE': 'Tidak ada halaman PDF yang dapat dibaca.',
    'err.E_NOT_FOUND': 'Tidak ditemukan.',
    'err.E_NOT_READY': 'Dokumen masih diproses; coba lagi setelah selesai.',
    'err.E_UNAUTHORIZED': 'Token akses salah atau belum diisi.',
    'err.E_FORBIDDEN': 'Permintaan ditolak oleh server.',
    'err.E_BAD_ARGUMENT': 'Permintaan tidak valid.',
    'err.E_TIMEOUT': 'Pemrosesan terlalu lama dan dihentikan.',
    'err.E_WORKER_FAILED': 'Pemrosesan berhenti tiba-tiba; unggah lagi.',
    'err.E_OCR_UNAVAILABLE': 'OCR tidak tersedia di server ini.',
    'err.E_INTERNAL': 'Terjadi kesalahan di server.',
    'err.E_HTTP': 'Server tidak menjawab dengan benar.',
  },
  en: {
    tagline: 'Audit LKjIP reports, every figure cited', token: 'Access token', save: 'Save',
    drop: 'Drop an LKjIP PDF here, or choose a file', choose: 'Choose a file…', documents: 'Documents', noDocument: 'No document yet',
    download: 'Download', reportHtml: 'report (HTML)', findingsXlsx: 'findings (XLSX)', findingsCsv: 'findings (CSV)', modelXlsx: 'model (XLSX)', tablesXlsx: 'tables (XLSX)',
    severity: 'Severity', check: 'Check', all: 'All', chat: 'Ask the report', ask: 'Ask', question: 'Question',
    askPlaceholder: 'Which capaian figures are miscalculated?', views: 'Views', progress: 'Processing progress',
    'tab.findings': 'Findings', 'tab.page': 'Page', 'tab.chat': 'Ask', findingsList: 'Findings',
    'sev.error': 'Error', 'sev.warning': 'Warning', 'sev.rounding': 'Rounding', 'sev.info': 'Info',
    'status.queued': 'queued', 'status.processing': 'processing', 'status.done': 'done', 'status.failed': 'failed',
    'stage.queued': 'Waiting in the queue', 'stage.read': 'Reading pages', 'stage.ocr': 'OCR of scanned pages', 'stage.layout': 'Laying out tables', 'stage.extract': 'Extracting the model', 'stage.audit': 'Checking the figures', 'stage.done': 'Done',
    uploading: 'Uploading…', onlyPdf: 'Only PDF files can be uploaded.', findings: 'findings', pages: 'pages', page: 'p.',
    row: 'row', printed: 'Printed', expected: 'Expected', formula: 'Formula', places: 'Where', operands: 'Operands',
    noFindings: 'No findings for this filter.', chatUnavailable: 'Questions are not available on this server yet.',
    chatFailed: 'The question could not be answered', needToken: 'This server needs an access token.', cached: 'from cache', sources: 'Sources',
    pickDocument: 'Pick a document that has been processed.', unread: 'pages could not be read',
    remove: 'Remove', removeDoc: 'Remove document', removed: 'Document removed.', failedDoc: 'This document could not be processed',
    reviewStatus: 'Review status', review: 'Review', note: 'Note', saveReview: 'Save note', clearReview: 'Clear review',
    'review.open': 'Not reviewed', 'review.confirmed': 'Confirmed', 'review.dismissed': 'Dismissed', 'review.follow-up': 'Needs follow-up',
    reviewSaved: 'Review saved.', reviewCleared: 'Review cleared.', reviewFailed: 'The review was not saved', pickStatus: 'Choose a status first.',
    prevFinding: 'Previous finding (K)', nextFinding: 'Next finding (J)', prevPage: 'Previous page', nextPage: 'Next page',
    pageNumber: 'PDF page number', zoomIn: 'Zoom in', zoomOut: 'Zoom out', fitWidth: 'Fit width', fitPage: 'Fit page', pageStrip: 'Document pages',
    pageView: 'PDF page', of: 'of', folio: 'printed', prevPlace: 'Previous place', nextPlace: 'Next place', place: 'Place',
    keys: 'Keys: J/K next/previous finding, [ ] other places, ← → pages, Space + drag to pan', renderFailed: 'The page cannot be shown',
    'err.E_NOT_PDF': 'This file is not a PDF; only PDF reports can be uploaded.',
    'err.E_FILE_EMPTY': 'The file is empty (0 bytes).',
    'err.E_FILE_TOO_LARGE': 'The file is larger than the upload limit.',
    'err.E_PDF_CORRUPT': 'The PDF is damaged and cannot be read.',
    'err.E_PDF_ENCRYPTED': 'The PDF is password-protected; remove the password and upload it again.',
    'err.E_PDF_NO_PAGES': 'The PDF has no pages.',
    'err.E_PDF_UNREADABLE': 'No page of the PDF could be read.',
    'err.E_NOT_FOUND': 'Not found.',
    'err.E_NOT_READY': 'The document is still being processed; try again when it is done.',
    'err.E_UNAUTHORIZED': 'The access token is wrong or missing.',
    'err.E_FORBIDDEN': 'The server refused the request.',
    'err.E_BAD_ARGUMENT': 'The request is not valid.',
    'err.E_TIMEOUT': 'Processing took too long and was stopped.',
    'err.E_WORKER_FAILED': 'Processing stopped unexpectedly; upload the file again.',
    'err.E_OCR_UNAVAILABLE': 'OCR is not available on this server.',
    'err.E_INTERNAL': 'Something went wrong on the server.',
    'err.E_HTTP': 'The server did not answer properly.',
  },
};

const SEVERITY_ORDER = ['error', 'warning', 'rounding', 'info'];
const REVIEW_STATUSES = ['confirmed', 'dismissed', 'follow-up'];
const MARKER = /\[([A-Za-z0-9][A-Za-z0-9._:-]*)\]/g;
const NARROW = window.matchMedia('(max-width: 760px)');
const ZOOM_STEPS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3];

const state = {
  lang: localStorage.getItem('lkjip.lang') === 'en' ? 'en' : 'id',
  token: sessionStorage.getItem('lkjip.token') || '',
  docs: [],
  current: null, // { id, view, findings, report, titles, reviews: Map }
  selected: null, // finding id
  place: 0, // index of the selected finding's citation shown
  // source: what the page's highlights come from ({ finding } or { citation }), kept across paging.
  viewer: { id: null, pdf: null, page: 1, scale: 1, zoom: 'width', source: null, rendering: Promise.resolve(), folios: new Map() },
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

/** A number the way the interface language writes it (years and small counts ungrouped). */
function num(v, maxDecimals = 2) {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v !== 'number') return String(v);
  return new Intl.NumberFormat(state.lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: maxDecimals, useGrouping: Math.abs(v) >= 10000 }).format(v);
}

const checkTitle = (id) => state.current?.titles?.[id]?.[state.lang] ?? id;

// --- API -------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** An error as the interface language says it; the server's own words when the code is unknown. */
function errorText(err) {
  const code = err?.code;
  const known = code && STRINGS[state.lang][`err.${code}`];
  return known ?? err?.message ?? String(err);
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
  const toggle = $('#lang-toggle');
  toggle.textContent = state.lang === 'id' ? 'EN' : 'ID';
  // The spoken name starts with the visible text.
  toggle.setAttribute('aria-label', state.lang === 'id' ? 'EN: English' : 'ID: Bahasa Indonesia');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  renderDocuments();
  renderHeader();
  renderCheckFilter();
  renderFindings();
  renderDetail();
  renderPageLabel();
  renderStrip();
  if (state.current) showProgress(state.current.view);
}

// --- phone tabs ----------------------------------------------------------------------------------

function showTab(name, focus = false) {
  $('.layout').dataset.tab = name;
  for (const b of document.querySelectorAll('.tabs [role=tab]')) {
    const on = b.dataset.tab === name;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
    if (on && focus) b.focus();
  }
  if (name === 'page') scheduleRerender();
}

function setupTabs() {
  const tabs = [...document.querySelectorAll('.tabs [role=tab]')];
  for (const b of tabs) {
    b.addEventListener('click', () => showTab(b.dataset.tab));
    b.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(b);
      const j = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
      if (j === null) return;
      e.preventDefault();
      showTab(tabs[(j + tabs.length) % tabs.length].dataset.tab, true);
    });
  }
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
  $('#choose-file').addEventListener('click', () => input.click());
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
    setStatus(`${file.name}: ${errorText(err)}`, true);
  }
}

function track(id) {
  if (state.polling.has(id)) return;
  const tick = async () => {
    try {
      const view = await getJson(`/api/documents/${id}`);
      upsertDoc(view);
      if (state.current?.id === id) {
        state.current.view = view;
        showProgress(view);
      }
      if (view.status === 'queued' || view.status === 'processing') {
        state.polling.set(id, setTimeout(tick, 400));
        return;
      }
      state.polling.delete(id);
      if (state.current?.id === id) await selectDocument(id);
    } catch (err) {
      state.polling.delete(id);
      setStatus(errorText(err), true);
    }
  };
  state.polling.set(id, setTimeout(tick, 0));
}

function stageText(p) {
  const stage = p?.stage ?? 'queued';
  const count = p && p.total > 0 ? ` ${num(p.done)}/${num(p.total)}` : '';
  return `${t(`stage.${stage}`)}${count}`;
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
    setStatus(`${view.name}: ${stageText(p)}`);
  } else {
    bar.hidden = true;
    if (view.status === 'failed') setStatus(`${view.name}: ${errorText(view.error)}`, true);
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
      const busy = d.status === 'processing' || d.status === 'queued';
      const counts = d.summary ? ` · ${num(SEVERITY_ORDER.map((s) => d.summary.findings[s]).reduce((a, b) => a + b, 0))} ${t('findings')}` : '';
      const detail = busy ? stageText(d.progress) : d.status === 'failed' ? errorText(d.error) : `${t(`status.${d.status}`)}${counts}`;
      const title = d.summary?.instansi ? `${d.summary.instansi} ${d.summary.tahun ?? ''}` : d.name;
      return el(
        'li',
        { class: `doc-item status-${d.status}${state.current?.id === d.id ? ' selected' : ''}`, dataset: { id: d.id } },
        el(
          'button',
          { type: 'button', class: 'doc-open', 'aria-current': state.current?.id === d.id ? 'true' : null, onclick: () => selectDocument(d.id) },
          el('span', { class: 'name' }, title),
          el('span', { class: 'state' }, `${d.name} · `, d.status === 'failed' ? el('span', { class: 'failed' }, `${t('status.failed')}: `) : null, detail),
        ),
        el('button', { type: 'button', class: 'doc-remove', 'aria-label': `${t('removeDoc')} ${d.name}`, title: t('removeDoc'), onclick: () => removeDocument(d.id) }, '×'),
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
    setStatus(errorText(err), true);
  }
}

async function removeDocument(id) {
  try {
    await api(`/api/documents/${id}`, { method: 'DELETE' });
  } catch (err) {
    if (err.code !== 'E_NOT_FOUND') return setStatus(errorText(err), true);
  }
  state.docs = state.docs.filter((d) => d.id !== id);
  clearTimeout(state.polling.get(id));
  state.polling.delete(id);
  if (state.current?.id === id) {
    state.current = null;
    state.selected = null;
    clearViewer();
    renderHeader();
    renderFindings();
    renderDetail();
    $('#chat-log').replaceChildren();
  }
  renderDocuments();
  setStatus(t('removed'));
}

async function selectDocument(id) {
  const view = state.docs.find((d) => d.id === id) ?? (await getJson(`/api/documents/${id}`));
  const same = state.current?.id === id;
  state.current = { id, view, findings: [], report: null, titles: {}, reviews: new Map() };
  if (!same) state.selected = null;
  renderDocuments();
  showProgress(view);
  renderHeader();
  renderFindings();
  renderDetail();
  $('#chat-log').replaceChildren();
  if (view.status !== 'done') {
    // Nothing of another report may stay on screen for a document without results.
    clearViewer();
    if (view.status === 'queued' || view.status === 'processing') track(id);
    return;
  }
  const data = await getJson(`/api/documents/${id}/findings`);
  if (state.current?.id !== id) return;
  state.current.findings = data.findings;
  state.current.report = data.report;
  state.current.titles = data.checkTitles ?? {};
  state.current.reviews = new Map((data.reviews ?? []).map((r) => [r.findingId, r]));
  renderHeader();
  renderCheckFilter();
  renderFindings();
  renderDetail();
  await loadChat(id);
  const f = state.current.findings.find((x) => x.id === state.selected);
  if (f) await openFindingPlace(f, state.place);
  else await openPage(id, data.findings[0]?.citations[0]?.page ?? 1, null);
}

function renderHeader() {
  const cur = state.current;
  const title = $('#doc-title');
  const meta = $('#doc-meta');
  const error = $('#doc-error');
  $('#downloads').hidden = !(cur && cur.view.status === 'done');
  error.hidden = !(cur && cur.view.status === 'failed');
  if (!cur) {
    title.textContent = t('noDocument');
    meta.textContent = '';
    return;
  }
  if (cur.view.status === 'failed') error.textContent = `${t('failedDoc')}: ${errorText(cur.view.error)}`;
  const r = cur.report;
  title.textContent = r?.instansi ? `${r.instansi}${r.tahun ? ` — LKjIP ${r.tahun}` : ''}` : cur.view.name;
  const s = cur.view.summary;
  meta.textContent = s ? `${r?.pemda ?? ''} · ${num(s.pages)} ${t('pages')} · ${SEVERITY_ORDER.map((k) => `${num(s.findings[k])} ${t(`sev.${k}`).toLowerCase()}`).join(', ')}` : cur.view.name;
  // Pages that failed are always said, with why on hover: an audit of part of a report must look like one.
  const unread = s?.unread ?? [];
  meta.title = unread.map((u) => `${u.code}: ${u.message}`).join('\n');
  if (unread.length) meta.append(' · ', el('span', { class: 'unread' }, `⚠ ${num(unread.length)} ${t('unread')} (${unread.map((u) => u.page).join(', ')})`));
}

// --- findings ----------------------------------------------------------------------------------

function renderCheckFilter() {
  const select = $('#filter-check');
  const keep = select.value;
  const checks = [...new Set((state.current?.findings ?? []).map((f) => f.check))].sort((a, b) => checkTitle(a).localeCompare(checkTitle(b)));
  select.replaceChildren(el('option', { value: '', 'data-i18n': 'all' }, t('all')), ...checks.map((c) => el('option', { value: c }, checkTitle(c))));
  select.value = checks.includes(keep) ? keep : '';
}

const reviewOf = (id) => state.current?.reviews.get(id) ?? null;

function filters() {
  return { severity: $('#filter-severity').value, check: $('#filter-check').value, status: $('#filter-status').value };
}

function visibleFindings() {
  const { severity, check, status } = filters();
  return (state.current?.findings ?? []).filter((f) => (!severity || f.severity === severity) && (!check || f.check === check) && (!status || (reviewOf(f.id)?.status ?? 'open') === status));
}

/** `hal. 12 · Tabel 3.1 … · baris 4`: internal table ids are never shown. */
function placeText(c) {
  const parts = [`${t('page')} ${c.page}`];
  if (c.caption) parts.push(c.caption.length > 48 ? `${c.caption.slice(0, 46)}…` : c.caption);
  if (c.row !== null && c.row !== undefined) parts.push(`${t('row')} ${c.row}`);
  return parts.join(' · ');
}

function renderFindings() {
  const list = $('#findings');
  const shown = visibleFindings();
  $('#finding-count').textContent = state.current?.findings.length ? `${num(shown.length)} / ${num(state.current.findings.length)}` : '';
  list.removeAttribute('aria-activedescendant');
  if (state.current?.view.status === 'done' && !shown.length) {
    list.replaceChildren(el('li', { class: 'empty', role: 'presentation' }, t('noFindings')));
    return;
  }
  list.replaceChildren(
    ...shown.map((f, i) => {
      const pages = [...new Set(f.citations.map((c) => c.page))];
      const status = reviewOf(f.id)?.status;
      const selected = state.selected === f.id;
      if (selected) list.setAttribute('aria-activedescendant', `finding-${i}`);
      return el(
        'li',
        { id: `finding-${i}`, role: 'option', 'aria-selected': String(selected), class: `finding sev-${f.severity}${selected ? ' selected' : ''}`, dataset: { id: f.id, check: f.check, severity: f.severity, status: status ?? 'open' }, onclick: () => selectFinding(f.id) },
        el(
          'div',
          { class: 'head' },
          el('span', { class: 'badge' }, t(`sev.${f.severity}`)),
          el('span', { class: 'check' }, checkTitle(f.check)),
          el('span', { class: 'pages' }, `${t('page')} ${pages.join(', ')}`),
          status ? el('span', { class: `review-badge st-${status}` }, t(`review.${status}`)) : null,
        ),
        el('div', { class: 'msg' }, f.message[state.lang]),
      );
    }),
  );
  list.querySelector('[aria-selected=true]')?.scrollIntoView({ block: 'nearest' });
}

function selectFinding(id, opts = {}) {
  const f = state.current?.findings.find((x) => x.id === id);
  if (!f) return;
  state.selected = id;
  state.place = 0;
  renderFindings();
  renderDetail();
  if (NARROW.matches && opts.fromList !== false) showTab('page');
  void openFindingPlace(f, 0);
}

/** Moves the selection through the findings shown, by `delta`. */
function stepFinding(delta) {
  const shown = visibleFindings();
  if (!shown.length) return;
  const i = shown.findIndex((f) => f.id === state.selected);
  const next = shown[i < 0 ? (delta > 0 ? 0 : shown.length - 1) : Math.min(shown.length - 1, Math.max(0, i + delta))];
  selectFinding(next.id, { fromList: false });
}

function setupFindingList() {
  const list = $('#findings');
  list.addEventListener('keydown', (e) => {
    const shown = visibleFindings();
    if (!shown.length) return;
    const i = shown.findIndex((f) => f.id === state.selected);
    let j = null;
    if (e.key === 'ArrowDown') j = i + 1;
    else if (e.key === 'ArrowUp') j = i - 1;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = shown.length - 1;
    else if ((e.key === 'Enter' || e.key === ' ') && i < 0) j = 0;
    if (j === null) return;
    e.preventDefault();
    selectFinding(shown[Math.min(shown.length - 1, Math.max(0, j))].id, { fromList: false });
  });
}

/** The finding's places: each citation, in order (the operands are marked on the same pages). */
function openFindingPlace(f, index) {
  const n = f.citations.length;
  state.place = ((index % n) + n) % n;
  renderPlaceStepper(f);
  return openPage(state.current.id, f.citations[state.place].page, { finding: f });
}

function renderPlaceStepper(f) {
  const box = $('#place-stepper');
  if (!box) return;
  const n = f.citations.length;
  box.querySelector('.place-count').textContent = `${t('place')} ${num(state.place + 1)} ${t('of')} ${num(n)}: ${placeText(f.citations[state.place])}`;
  for (const b of box.querySelectorAll('button')) b.disabled = n < 2;
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
  const rows = [el('div', { class: 'msg' }, el('strong', {}, `${t(`sev.${f.severity}`)} · ${checkTitle(f.check)}: `), f.message[state.lang])];
  if (f.printed) rows.push(el('div', {}, `${t('printed')}: `, el('span', { class: 'formula' }, f.printed.text)));
  if (f.expected) {
    rows.push(el('div', {}, `${t('expected')}: `, el('span', { class: 'formula' }, num(f.expected.value))));
    rows.push(el('div', {}, `${t('formula')}: `, el('span', { class: 'formula' }, f.expected.formula)));
  }
  rows.push(
    el(
      'div',
      { id: 'place-stepper', class: 'places' },
      el('button', { type: 'button', class: 'chip', 'aria-label': t('prevPlace'), 'aria-keyshortcuts': '[', onclick: () => openFindingPlace(f, state.place - 1) }, '‹'),
      el('span', { class: 'place-count', 'aria-live': 'polite' }),
      el('button', { type: 'button', class: 'chip', 'aria-label': t('nextPlace'), 'aria-keyshortcuts': ']', onclick: () => openFindingPlace(f, state.place + 1) }, '›'),
    ),
  );
  const ops = (f.expected?.operands ?? []).filter((o) => o.cite).map((o) => el('button', { type: 'button', class: 'chip op', title: o.name, onclick: () => openPage(state.current.id, o.cite.page, { finding: f }) }, `${o.text} · ${placeText(o.cite)}`));
  if (ops.length) rows.push(el('div', { class: 'places' }, `${t('operands')}: `, ...ops));
  rows.push(reviewControls(f));
  box.replaceChildren(...rows);
  renderPlaceStepper(f);
}

// --- review --------------------------------------------------------------------------------------

function reviewControls(f) {
  const current = reviewOf(f.id);
  const note = el('textarea', { id: 'review-note', rows: 2, maxlength: 4000 });
  note.value = current?.note ?? '';
  const said = el('span', { id: 'review-said', class: 'review-said', role: 'status' });
  const buttons = REVIEW_STATUSES.map((s) =>
    el('button', { type: 'button', class: `review-set st-${s}`, 'aria-pressed': String(current?.status === s), dataset: { status: s }, onclick: () => saveReview(f, s, note.value) }, t(`review.${s}`)),
  );
  return el(
    'fieldset',
    { class: 'review' },
    el('legend', {}, t('review')),
    el('div', { class: 'review-buttons', role: 'group', 'aria-label': t('reviewStatus') }, ...buttons),
    el('label', { for: 'review-note' }, t('note')),
    note,
    el(
      'div',
      { class: 'review-actions' },
      el('button', { type: 'button', id: 'review-save', onclick: () => (reviewOf(f.id) ? saveReview(f, reviewOf(f.id).status, note.value) : (said.textContent = t('pickStatus'))) }, t('saveReview')),
      current ? el('button', { type: 'button', id: 'review-clear', onclick: () => clearReview(f) }, t('clearReview')) : null,
      said,
    ),
  );
}

async function saveReview(f, status, note) {
  const id = state.current.id;
  try {
    const res = await api(`/api/documents/${id}/reviews/${encodeURIComponent(f.id)}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status, note }) });
    const review = await res.json();
    if (state.current?.id !== id) return;
    state.current.reviews.set(f.id, review);
    renderFindings();
    renderDetail();
    $('#review-said').textContent = t('reviewSaved');
  } catch (err) {
    const said = $('#review-said');
    if (said) said.textContent = `${t('reviewFailed')}: ${errorText(err)}`;
  }
}

async function clearReview(f) {
  const id = state.current.id;
  try {
    await api(`/api/documents/${id}/reviews/${encodeURIComponent(f.id)}`, { method: 'DELETE' });
    state.current.reviews.delete(f.id);
    renderFindings();
    renderDetail();
    $('#review-said').textContent = t('reviewCleared');
  } catch (err) {
    $('#review-said').textContent = `${t('reviewFailed')}: ${errorText(err)}`;
  }
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
  state.viewer = { ...state.viewer, id, pdf, folios: new Map() };
  renderStrip();
  return pdf;
}

/** No document to show: the page of a report shown before must not stay. */
function clearViewer() {
  state.viewer.pdf?.destroy();
  state.viewer = { ...state.viewer, id: null, pdf: null, page: 1, source: null, folios: new Map() };
  const canvas = $('#page-canvas');
  canvas.width = 0;
  canvas.height = 0;
  canvas.style.width = '0';
  canvas.style.height = '0';
  delete canvas.dataset.page;
  $('#highlights').replaceChildren();
  $('#text-layer').replaceChildren();
  renderStrip();
  renderPageLabel();
}

/**
 * Renders a page; `source` (a finding or a chat citation) says what to light up on it, and stays
 * in force when the reader pages away and back.
 */
function openPage(id, pageNumber, source) {
  if (source !== undefined) state.viewer.source = source;
  // One render at a time: a second click waits for the first instead of drawing over it.
  state.viewer.rendering = state.viewer.rendering
    .catch(() => undefined)
    .then(() => renderPage(id, pageNumber))
    .catch((err) => setStatus(`${t('renderFailed')}: ${errorText(err)}`, true));
  return state.viewer.rendering;
}

function canShowPages() {
  return state.current && state.current.view.status === 'done' && state.current.view.hasPdf;
}

/** The scale the zoom asks for, for a page of the given size in points. */
function scaleFor(base) {
  const scroll = $('#page-scroll');
  const width = Math.max(200, scroll.clientWidth - 16) / base.width;
  if (state.viewer.zoom === 'width') return Math.min(3, width);
  if (state.viewer.zoom === 'page') return Math.min(width, Math.max(200, scroll.clientHeight - 16) / base.height);
  return state.viewer.zoom;
}

async function renderPage(id, pageNumber) {
  if (!canShowPages() || state.current.id !== id) return;
  const pdf = await pdfFor(id);
  const n = Math.min(Math.max(1, pageNumber), pdf.numPages);
  const page = await pdf.getPage(n);
  const base = page.getViewport({ scale: 1 });
  const scale = scaleFor(base);
  const viewport = page.getViewport({ scale });
  const canvas = $('#page-canvas');
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  const wrap = $('#page-wrap');
  wrap.style.setProperty('--total-scale-factor', String(scale));
  await page.render({ canvasContext: canvas.getContext('2d'), canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
  const text = await page.getTextContent();
  const items = textBoxes(text, base);
  state.viewer.page = n;
  state.viewer.scale = scale;
  state.viewer.folios.set(n, folioOf(items, base));
  canvas.dataset.page = String(n);
  renderPageLabel();
  renderStrip();
  await renderTextLayer(text, viewport);
  drawHighlights(highlightsFor(state.viewer.source, n, items), scale);
}

async function renderTextLayer(text, viewport) {
  const layer = $('#text-layer');
  layer.replaceChildren();
  const lib = await loadPdfjs();
  await new lib.TextLayer({ textContentSource: text, container: layer, viewport }).render();
}

/** Text items as boxes in points from the page's top-left corner, like the citations' boxes. */
function textBoxes(text, base) {
  const out = [];
  for (const it of text.items) {
    if (!it.str || !it.str.trim()) continue;
    const [x, y] = base.convertToViewportPoint(it.transform[4], it.transform[5]);
    const h = Math.abs(it.height || it.transform[3]);
    out.push({ str: it.str, box: [x, y - h, x + it.width, y + h * 0.2] });
  }
  return out;
}

/** The printed page number: a lone figure (or roman numeral) in the top or bottom margin. */
function folioOf(items, base) {
  const margin = (it) => it.box[1] > base.height * 0.9 || it.box[3] < base.height * 0.08;
  const lone = items.filter((it) => margin(it) && /^\s*(?:-\s*)?([0-9]{1,4}|[ivxlcdm]{1,7})(?:\s*-)?\s*$/i.test(it.str));
  const pick = lone.sort((a, b) => b.box[1] - a.box[1])[0];
  return pick ? pick.str.replace(/[\s-]/g, '') : null;
}

function renderPageLabel() {
  const pdf = state.viewer.pdf;
  const input = $('#page-input');
  if (!pdf) {
    $('#page-label').textContent = '';
    input.value = '';
    input.disabled = true;
    return;
  }
  input.disabled = false;
  input.max = String(pdf.numPages);
  input.value = String(state.viewer.page);
  const folio = state.viewer.folios.get(state.viewer.page);
  $('#page-label').textContent = `/ ${num(pdf.numPages)}${folio ? ` · ${t('folio')} ${folio}` : ''}`;
  $('#zoom-label').textContent = `${Math.round(state.viewer.scale * 100)}%`;
  $('#zoom-width').setAttribute('aria-pressed', String(state.viewer.zoom === 'width'));
  $('#zoom-page').setAttribute('aria-pressed', String(state.viewer.zoom === 'page'));
}

/** Height of a page thumbnail in the strip, in CSS pixels. */
const THUMB_HEIGHT = 56;
/** The strip's thumbnails: the document they show, and those waiting to be drawn, one at a time. */
const thumbs = { pdf: null, observer: null, queue: [], busy: false };

/**
 * A strip of page thumbnails: pages with findings marked with their count; one tab stop, arrows
 * move along it. A thumbnail is drawn when it scrolls into (or near) the strip's view, so a long
 * report draws only the few pages in sight.
 */
function renderStrip() {
  const strip = $('#page-strip');
  const pdf = state.viewer.pdf;
  if (!pdf) {
    resetThumbs();
    return strip.replaceChildren();
  }
  if (thumbs.pdf !== pdf) buildStrip(strip, pdf);
  for (const b of strip.children) {
    const on = Number(b.dataset.page) === state.viewer.page;
    // The spoken name is the visible number and count with their words: "hal. 12 · 3 temuan".
    for (const w of b.querySelectorAll('[data-word]')) w.textContent = w.dataset.word === 'page' ? `${t('page')} ` : ` ${t('findings')}`;
    b.title = b.textContent;
    b.tabIndex = on ? 0 : -1;
    b.setAttribute('aria-current', on ? 'page' : 'false');
    if (on) b.scrollIntoView({ block: 'nearest', inline: 'center' });
  }
}

function buildStrip(strip, pdf) {
  resetThumbs();
  thumbs.pdf = pdf;
  const counts = new Map();
  for (const f of state.current?.findings ?? []) for (const n of new Set(f.citations.map((c) => c.page))) counts.set(n, (counts.get(n) ?? 0) + 1);
  thumbs.observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        thumbs.observer.unobserve(e.target);
        thumbs.queue.push(e.target);
      }
      void drawThumbs(pdf);
    },
    { root: strip, rootMargin: '0px 200px' },
  );
  strip.replaceChildren(
    ...Array.from({ length: pdf.numPages }, (_, i) => {
      const n = i + 1;
      const count = counts.get(n) ?? 0;
      const b = el(
        'button',
        { type: 'button', class: `strip-page${count ? ' has-findings' : ''}`, tabindex: -1, dataset: { page: n, findings: count }, onclick: () => openPage(state.current.id, n) },
        el('canvas', { class: 'thumb', 'aria-hidden': 'true', width: 0, height: 0 }),
        el('span', { class: 'num' }, el('span', { class: 'visually-hidden', dataset: { word: 'page' } }), String(n)),
        count ? el('span', { class: 'flag' }, el('span', { class: 'visually-hidden' }, ' · '), num(count), el('span', { class: 'visually-hidden', dataset: { word: 'findings' } })) : null,
      );
      thumbs.observer.observe(b);
      return b;
    }),
  );
}

function resetThumbs() {
  thumbs.observer?.disconnect();
  Object.assign(thumbs, { pdf: null, observer: null, queue: [] });
}

/** Draws the thumbnails waiting, one after another, while their document is still the one shown. */
async function drawThumbs(pdf) {
  if (thumbs.busy) return;
  thumbs.busy = true;
  try {
    while (thumbs.pdf === pdf && thumbs.queue.length) {
      const b = thumbs.queue.shift();
      try {
        await drawThumb(pdf, b);
      } catch {
        // A page that cannot be drawn keeps its number; the document may also have been closed.
      }
    }
  } finally {
    thumbs.busy = false;
  }
  if (thumbs.pdf && thumbs.pdf !== pdf && thumbs.queue.length) void drawThumbs(thumbs.pdf);
}

async function drawThumb(pdf, button) {
  const page = await pdf.getPage(Number(button.dataset.page));
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: THUMB_HEIGHT / base.height });
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(viewport.width * ratio);
  canvas.height = Math.round(viewport.height * ratio);
  await page.render({ canvasContext: canvas.getContext('2d'), canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
  if (thumbs.pdf !== pdf) return;
  // Drawn off screen, then put in place whole: a thumbnail is never seen half drawn.
  canvas.className = 'thumb';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.width = `${Math.round(viewport.width)}px`;
  canvas.dataset.drawn = 'true';
  button.querySelector('canvas.thumb')?.replaceWith(canvas);
}

/** The boxes to light up on a page for what is shown: a finding's places and operands, or a chat citation. */
function highlightsFor(source, page, items) {
  if (!source) return [];
  if (source.citation) {
    const c = source.citation;
    const boxes = (c.highlights ?? []).filter((h) => h.page === page).map((h) => ({ bbox: h.bbox, kind: 'cite' }));
    if (!boxes.length && c.bbox && c.page === page) boxes.push({ bbox: c.bbox, kind: 'cite' });
    return boxes;
  }
  const f = source.finding;
  // A scanned cell's figure is lit where its words are printed (`textBox`), not the whole grid cell.
  const box = (c) => c.textBox ?? c.bbox;
  const own = f.citations.filter((c) => c.page === page && c.bbox).flatMap((c) => precise(box(c), f.printed?.text, items).map((bbox) => ({ bbox, kind: 'cite' })));
  const same = (a, b) => a.every((v, i) => Math.abs(v - b[i]) < 1);
  const ops = (f.expected?.operands ?? [])
    .filter((o) => o.cite?.page === page && o.cite.bbox && !f.citations.some((c) => c.bbox && same(c.bbox, o.cite.bbox)))
    .map((o) => ({ bbox: precise(box(o.cite), o.text, items)[0], kind: 'op' }));
  return [...ops, ...own];
}

/**
 * Narrows a cited box to what is cited in it: a figure or code printed in one text item is lit
 * where it is printed on the cited lines (a row whose cited cell is not the one holding it
 * included); a sentence cited by a prose finding is lit line by line, not its whole paragraph or
 * page. A box that already fits is kept; text not found keeps the box as cited.
 */
function precise(bbox, text, items) {
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  const wanted = norm(text ?? '');
  if (wanted.length < 2) return [bbox];
  const [x0, y0, x1, y1] = bbox;
  const mid = (b) => (b[1] + b[3]) / 2;
  const inBand = (b) => mid(b) >= y0 - 2 && mid(b) <= y1 + 2;
  const inside = (b) => inBand(b) && b[0] >= x0 - 2 && b[2] <= x1 + 2;
  const area = (b) => (b[2] - b[0]) * (b[3] - b[1]);
  /** The part of an item's box holding characters [from, to) of its text, by their share of it. */
  const part = (it, from, to) => {
    const len = norm(it.str).length || 1;
    const w = it.box[2] - it.box[0];
    return [it.box[0] + (w * from) / len, it.box[1], it.box[0] + (w * to) / len, it.box[3]];
  };
  const hits = items.filter((it) => inBand(it.box) && norm(it.str).includes(wanted));
  if (hits.length) {
    const hit = hits.find((h) => inside(h.box)) ?? hits[0];
    const at = norm(hit.str).indexOf(wanted);
    const box = part(hit, at, at + wanted.length);
    // Only narrower than the cited box, never wider: a cell that is the figure stays as cited.
    return [area(box) < area(bbox) * 0.8 || !inside(hit.box) ? box : bbox];
  }
  // A sentence over several items: the items in the box, in reading order, joined by spaces.
  const spans = [];
  let joined = '';
  for (const it of items.filter((x) => inside(x.box))) {
    const s = norm(it.str);
    if (!s) continue;
    if (joined) joined += ' ';
    spans.push({ it, from: joined.length, to: joined.length + s.length });
    joined += s;
  }
  const hay = joined.toLowerCase();
  let needle = wanted.toLowerCase();
  let at = hay.indexOf(needle);
  // A long sentence may be printed with other breaks than it was read with: its start places it.
  if (at < 0 && needle.length > 60) {
    needle = needle.slice(0, 60);
    at = hay.indexOf(needle);
  }
  if (at < 0) return [bbox];
  const end = at + (needle.length === 60 ? wanted.length : needle.length);
  const lines = [];
  for (const sp of spans) {
    if (sp.to <= at || sp.from >= end) continue;
    const b = part(sp.it, Math.max(0, at - sp.from), Math.min(sp.to, end) - sp.from);
    const line = lines.find((l) => Math.abs(mid(l) - mid(b)) < (b[3] - b[1]) / 2);
    if (line) [line[0], line[1], line[2], line[3]] = [Math.min(line[0], b[0]), Math.min(line[1], b[1]), Math.max(line[2], b[2]), Math.max(line[3], b[3])];
    else lines.push([...b]);
  }
  return lines.length ? lines : [bbox];
}

function drawHighlights(highlights, scale) {
  const layer = $('#highlights');
  layer.replaceChildren(
    ...highlights.map((h) => {
      const [x0, y0, x1, y1] = h.bbox;
      const pad = h.kind === 'op' ? 1.5 : 2;
      const box = el('div', { class: `hl${h.kind === 'op' ? ' op' : ''}` });
      box.style.left = `${(x0 - pad) * scale}px`;
      box.style.top = `${(y0 - pad) * scale}px`;
      box.style.width = `${(x1 - x0 + 2 * pad) * scale}px`;
      box.style.height = `${(y1 - y0 + 2 * pad) * scale}px`;
      return box;
    }),
  );
  (layer.querySelector('.hl:not(.op)') ?? layer.firstElementChild)?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
}

let rerenderTimer = null;
function scheduleRerender() {
  clearTimeout(rerenderTimer);
  rerenderTimer = setTimeout(() => {
    if (canShowPages() && state.viewer.pdf) void openPage(state.current.id, state.viewer.page);
  }, 150);
}

function setZoom(zoom) {
  state.viewer.zoom = zoom;
  if (canShowPages()) void openPage(state.current.id, state.viewer.page);
}

function stepZoom(dir) {
  const s = state.viewer.scale;
  const next = dir > 0 ? ZOOM_STEPS.find((z) => z > s + 0.01) ?? ZOOM_STEPS.at(-1) : [...ZOOM_STEPS].reverse().find((z) => z < s - 0.01) ?? ZOOM_STEPS[0];
  setZoom(next);
}

function goPage(n) {
  if (canShowPages()) return openPage(state.current.id, n);
}

function setupViewer() {
  $('#page-prev').addEventListener('click', () => goPage(state.viewer.page - 1));
  $('#page-next').addEventListener('click', () => goPage(state.viewer.page + 1));
  $('#page-input').addEventListener('change', (e) => goPage(Number(e.target.value) || 1));
  $('#finding-prev').addEventListener('click', () => stepFinding(-1));
  $('#finding-next').addEventListener('click', () => stepFinding(1));
  $('#zoom-in').addEventListener('click', () => stepZoom(1));
  $('#zoom-out').addEventListener('click', () => stepZoom(-1));
  $('#zoom-width').addEventListener('click', () => setZoom('width'));
  $('#zoom-page').addEventListener('click', () => setZoom('page'));
  $('#page-strip').addEventListener('keydown', (e) => {
    const last = state.viewer.pdf?.numPages ?? 1;
    const to = { ArrowRight: state.viewer.page + 1, ArrowLeft: state.viewer.page - 1, Home: 1, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    void goPage(to)?.then(() => $('#page-strip [aria-current=page]')?.focus());
  });
  setupPan($('#page-scroll'));
  // Re-rendered when its box changes size: a window resize, a phone turned, a tab shown.
  let lastWidth = 0;
  new ResizeObserver(([entry]) => {
    const w = Math.round(entry.contentRect.width);
    if (w && Math.abs(w - lastWidth) > 4) {
      lastWidth = w;
      if (typeof state.viewer.zoom !== 'number') scheduleRerender();
    }
  }).observe($('#page-scroll'));
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest?.('input, textarea, select, [contenteditable]')) return;
    const f = state.current?.findings.find((x) => x.id === state.selected);
    if (e.key === 'j' || e.key === 'J') stepFinding(1);
    else if (e.key === 'k' || e.key === 'K') stepFinding(-1);
    else if (e.key === ']' && f) void openFindingPlace(f, state.place + 1);
    else if (e.key === '[' && f) void openFindingPlace(f, state.place - 1);
    else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && e.target.closest?.('#page-scroll')) void goPage(state.viewer.page + (e.key === 'ArrowRight' ? 1 : -1));
    else return;
    e.preventDefault();
  });
}

/**
 * Pans a zoomed page by dragging it while Space is held, or with the middle button (a plain drag
 * selects text in the text layer; touch screens scroll natively).
 */
function setupPan(scroll) {
  let space = false;
  let drag = null;
  window.addEventListener('keydown', (e) => {
    if (e.key === ' ' && e.target.closest?.('#page-scroll')) {
      space = true;
      scroll.classList.add('pan');
      e.preventDefault();
    }
  });
  window.addEventListener('keyup', (e) => {
    if (e.key === ' ') {
      space = false;
      scroll.classList.remove('pan');
    }
  });
  scroll.addEventListener('pointerdown', (e) => {
    if (!(space || e.button === 1)) return;
    e.preventDefault();
    drag = { x: e.clientX, y: e.clientY, left: scroll.scrollLeft, top: scroll.scrollTop };
    scroll.setPointerCapture(e.pointerId);
  });
  scroll.addEventListener('pointermove', (e) => {
    if (!drag) return;
    scroll.scrollLeft = drag.left - (e.clientX - drag.x);
    scroll.scrollTop = drag.top - (e.clientY - drag.y);
  });
  const stop = () => (drag = null);
  scroll.addEventListener('pointerup', stop);
  scroll.addEventListener('pointercancel', stop);
}

// --- chat ----------------------------------------------------------------------------------------

function openCitation(c) {
  if (!state.current) return;
  if (NARROW.matches) showTab('page');
  if (c.kind === 'finding') {
    const f = state.current.findings.find((x) => x.id === c.id);
    if (f) {
      state.selected = f.id;
      renderFindings();
      renderDetail();
      const i = f.citations.findIndex((x) => x.page === c.page);
      return openFindingPlace(f, Math.max(0, i));
    }
  }
  // A citation that is no finding: the detail of a finding shown before goes.
  state.selected = null;
  renderFindings();
  renderDetail();
  return openPage(state.current.id, c.page, { citation: c });
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
    nodes.push(el('button', { type: 'button', class: 'cite', title: placeText(c), 'aria-label': `${t('sources')} ${numbers.get(c.id)}: ${placeText(c)}`, dataset: { id: c.id, page: c.page }, onclick: () => openCitation(c) }, String(numbers.get(c.id))));
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

const ENGLISH = /\b(what|which|why|how|where|when|who|is|are|does|do|did|the|of|show|list|total|budget|figures?|miscalculated|lowest|highest)\b/gi;
const INDONESIAN = /\b(apa|apakah|mana|berapa|mengapa|kenapa|bagaimana|yang|dan|di|ke|dari|tidak|anggaran|angka|salah|paling|jumlah|ringkas)\b/gi;

/** The language a question is written in, by its common words; the interface's when unclear. */
function questionLang(q) {
  const en = (q.match(ENGLISH) ?? []).length;
  const id = (q.match(INDONESIAN) ?? []).length;
  return en > id ? 'en' : id > en ? 'id' : state.lang;
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
      const res = await api(`/api/documents/${state.current.id}/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question, lang: questionLang(question) }) });
      const a = await res.json();
      log.append(renderMessage({ role: 'assistant', text: a.answer, citations: a.citations, notice: a.notice }));
    } catch (err) {
      const text = err.status === 501 ? t('chatUnavailable') : `${t('chatFailed')}: ${errorText(err)}`;
      log.append(el('li', { class: 'chat-msg assistant failed' }, text));
    } finally {
      $('#chat-send').disabled = false;
      log.lastElementChild?.scrollIntoView({ block: 'end' });
    }
  });
}

// --- downloads -----------------------------------------------------------------------------------

/** The export's query: the interface language and the filters in force. */
function exportQuery(format) {
  const q = new URLSearchParams({ lang: state.lang });
  if (format) q.set('format', format);
  for (const [k, v] of Object.entries(filters())) if (v) q.set(k, v);
  return q;
}

function setupDownloads() {
  $('#downloads').addEventListener('click', async (e) => {
    const b = e.target.closest('button[data-download]');
    if (!b || !state.current) return;
    const what = b.dataset.download;
    const query = what === 'report' ? exportQuery() : what === 'findings' ? exportQuery(b.dataset.format) : new URLSearchParams({ format: b.dataset.format, lang: state.lang });
    const path = `/api/documents/${state.current.id}/${what}?${query}`;
    // Without a token the report opens in its own tab; otherwise it is fetched, so the token goes along.
    if (what === 'report' && !state.token) return void window.open(path, '_blank', 'noopener');
    try {
      const res = await api(what === 'report' ? `${path}&download=1` : path);
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `lkjip.${b.dataset.format ?? 'html'}`;
      const url = URL.createObjectURL(await res.blob());
      const a = el('a', { href: url, download: name });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setStatus(errorText(err), true);
    }
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
  for (const id of ['#filter-severity', '#filter-check', '#filter-status']) $(id).addEventListener('change', renderFindings);
  setupTabs();
  setupUpload();
  setupFindingList();
  setupViewer();
  setupChat();
  setupDownloads();
  applyLang();
  void loadDocuments();
}

setup();
