import { OwnerCheckins, Summary, SummaryItem } from './summary';

// The summary and the reminders as mail: an HTML body that reads well on a
// phone (inline styles and tables, as mail clients ignore <style> and block
// images; progress bars are table cells with widths) and a plain-text body
// with the same content. Every piece of user text goes through `escape` in
// HTML; the text body carries it as it is. Each section lists at most
// SECTION_CAP items, so a company's summary stays far below the ~100 KB past
// which Gmail clips a message.

export const SECTION_CAP = 10;

export interface Mail {
  subject: string;
  html: string;
  text: string;
}

/** Escapes user text for HTML content and attribute values. */
export function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const signed = (n: number, unit: string) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n)}${unit}`;
const points = (change: number) => signed(Math.round(change * 100), ' pts');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** How mail names the workbook: `Product OKRs`, or the name itself when it already says OKRs. */
function okrsOf(workbook: string): string {
  return /\bokrs?$/i.test(workbook.trim()) ? workbook.trim() : `${workbook.trim()} OKRs`;
}

/** The headline as one sentence, shared by subject, HTML and text. */
function headlineText(summary: Summary): string {
  const h = summary.headline;
  if (h.progress === null) return h.problem ?? 'Overall progress cannot be shown.';
  const expected = h.expected === null ? '' : ` (the cycle says ${pct(h.expected)} by now)`;
  const change = h.change === null ? '' : `, ${points(h.change)} since the last summary`;
  return `Overall progress ${pct(h.progress)}${expected}${change}.`;
}

function itemLine(item: SummaryItem): string {
  const who = [item.owner, item.team].filter((s) => s !== '').join(', ');
  const confidence =
    item.confidence === null
      ? ''
      : `, confidence ${item.confidence}/10${item.confidenceChange ? ` (${signed(item.confidenceChange, '')})` : ''}`;
  const progress = item.progress === null ? '' : `, ${pct(item.progress)}`;
  return `${item.id} ${item.title}${who ? ` (${who})` : ''}: ${item.status || 'no status'}${progress}${confidence}`;
}

function movedLine(item: SummaryItem): string {
  const parts = [
    item.progressChange ? `progress ${points(item.progressChange)} to ${pct(item.progress ?? 0)}` : '',
    item.confidenceChange ? `confidence ${signed(item.confidenceChange, '')} to ${item.confidence}/10` : '',
  ].filter((p) => p !== '');
  return `${item.id} ${item.title}: ${parts.join(', ')}`;
}

function staleLine(owner: OwnerCheckins): string {
  const list = owner.keyResults.map((kr) => `${kr.id} ${kr.title} (last check-in ${kr.lastCheckin ?? 'never'})`).join('; ');
  return `${owner.owner}: ${list}`;
}

interface Section {
  title: string;
  empty: string;
  lines: { text: string; html: string }[];
}

function sections(summary: Summary): Section[] {
  const html = (item: SummaryItem, extra = '') =>
    `<b>${escape(item.id)}</b> ${escape(item.title)}${extra}${item.progress === null ? '' : bar(item.progress)}`;
  const meta = (item: SummaryItem) => {
    const who = [item.owner, item.team].filter((s) => s !== '').join(', ');
    const confidence =
      item.confidence === null
        ? ''
        : ` · confidence ${item.confidence}/10${item.confidenceChange ? ` (${signed(item.confidenceChange, '')})` : ''}`;
    return `<br><span style="color:#5f6368;font-size:13px">${escape(who || 'no owner')} · <b style="color:${statusColour(item.status)}">${escape(item.status || 'no status')}</b>${item.progress === null ? '' : ` · ${pct(item.progress)}`}${escape(confidence)}</span>`;
  };
  const note = (item: SummaryItem) => (item.note ? `<br><i style="color:#3c4043;font-size:13px">“${escape(item.note)}”</i>` : '');
  return [
    {
      title: 'At risk and off track',
      empty: 'Nothing is at risk or off track.',
      lines: summary.atRisk.map((item) => ({
        text: itemLine(item) + (item.note ? `\n    “${item.note}”` : ''),
        html: html(item, meta(item) + note(item)),
      })),
    },
    {
      title: 'Check-ins missing or stale',
      empty: 'Everyone has checked in.',
      lines: summary.stale.map((owner) => ({
        text: staleLine(owner),
        html: `<b>${escape(owner.owner)}</b>${owner.email ? '' : ' <span style="color:#b3261e">(no address)</span>'}<br><span style="font-size:13px">${owner.keyResults
          .map(
            (kr) =>
              `${escape(kr.id)} ${escape(kr.title)} <span style="color:#5f6368">(last check-in ${escape(kr.lastCheckin ?? 'never')})</span>`,
          )
          .join('<br>')}</span>`,
      })),
    },
    {
      title: 'What moved since the last summary',
      empty: summary.compared ? 'Nothing moved since the last summary.' : 'This is the first summary: next week shows what moved.',
      lines: summary.moved.map((item) => ({
        text: movedLine(item),
        html: `${escape(movedLine(item))}${item.progress === null ? '' : bar(item.progress)}`,
      })),
    },
    {
      title: 'Wins',
      empty: 'No key result reached its target since the last summary.',
      lines: summary.wins.map((item) => ({
        text: `${item.id} ${item.title} (${item.owner})`,
        html: html(item, ` <span style="color:#5f6368">(${escape(item.owner)})</span>`),
      })),
    },
  ];
}

/** A progress bar without images: two table cells whose widths are the progress. */
function bar(progress: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  const cells = [
    filled > 0 ? `<td width="${filled}%" style="background:#1a73e8;height:6px;font-size:0;line-height:0">&nbsp;</td>` : '',
    filled < 100 ? `<td style="background:#e3e3e3;height:6px;font-size:0;line-height:0">&nbsp;</td>` : '',
  ].join('');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin-top:4px"><tr>${cells}</tr></table>`;
}

function statusColour(status: string): string {
  return { 'off track': '#b3261e', 'at risk': '#a15c00', stale: '#6d4c41', done: '#137333', 'on track': '#137333' }[status] ?? '#3c4043';
}

/** A line saying how many more there are, or "". */
function more(count: number): string {
  return count > SECTION_CAP ? `and ${count - SECTION_CAP} more — open the workbook` : '';
}

/** The weekly summary. `notice` (to the workbook's owner: who gets it on the next run) goes first when given. */
export function summaryMail(summary: Summary, notice = ''): Mail {
  const atRisk = summary.atRisk.length;
  const subject = `${okrsOf(summary.workbook)}, ${summary.cycle}, week of ${summary.date}: ${
    summary.headline.progress === null ? 'progress not shown' : `${pct(summary.headline.progress)} done`
  }, ${atRisk} at risk or off track`;
  const parts = sections(summary);
  const footer = `${plural(summary.errors, 'validation error')} in the workbook${summary.errors ? ': run OKR Sheets > Validate the OKRs to see them' : ''}.`;
  const unreachable = summary.unreachable.length
    ? `Owners no email reaches (add their Email in the People tab): ${summary.unreachable.join(', ')}.`
    : '';
  const unplaced = summary.unplaced.length
    ? `Left out of this summary, as their Cycle names no cycle (correct it; Validate the OKRs says how): ${summary.unplaced.join(', ')}.`
    : '';

  const text = [
    subject,
    '',
    ...(notice ? [notice, ''] : []),
    headlineText(summary),
    '',
    ...parts.flatMap((s) => [
      s.title.toUpperCase(),
      ...(s.lines.length ? s.lines.slice(0, SECTION_CAP).map((l) => `- ${l.text}`) : [s.empty]),
      ...(more(s.lines.length) ? [more(s.lines.length)] : []),
      '',
    ]),
    ...(unreachable ? [unreachable, ''] : []),
    ...(unplaced ? [unplaced, ''] : []),
    footer,
    `Open the workbook: ${summary.url}`,
  ].join('\n');

  const h = summary.headline;
  const heading = (title: string) =>
    `<tr><td style="padding:18px 16px 6px;font-size:16px;font-weight:bold;color:#202124;border-top:1px solid #e0e0e0">${escape(title)}</td></tr>`;
  const row = (inner: string) => `<tr><td style="padding:6px 16px;font-size:14px;line-height:1.4;color:#202124">${inner}</td></tr>`;
  const body = parts
    .map(
      (s) =>
        heading(s.title) +
        (s.lines.length
          ? s.lines
              .slice(0, SECTION_CAP)
              .map((l) => row(l.html))
              .join('')
          : row(`<span style="color:#5f6368">${escape(s.empty)}</span>`)) +
        (more(s.lines.length) ? row(`<a href="${escape(summary.url)}" style="color:#1a73e8">${escape(more(s.lines.length))}</a>`) : ''),
    )
    .join('');
  const html = [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head>',
    '<body style="margin:0;padding:0;background:#f1f3f4;font-family:Arial,Helvetica,sans-serif">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f3f4"><tr><td align="center" style="padding:12px 6px">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-collapse:collapse">',
    `<tr><td style="padding:16px 16px 4px;font-size:13px;color:#5f6368">${escape(summary.workbook)} · ${escape(summary.cycle)} · week of ${escape(summary.date)}</td></tr>`,
    notice ? row(`<div style="background:#fef7e0;padding:8px;border-radius:4px">${escape(notice)}</div>`) : '',
    `<tr><td style="padding:4px 16px 12px;font-size:18px;line-height:1.35;color:#202124"><b>${escape(headlineText(summary))}</b>${h.progress === null ? '' : bar(h.progress)}</td></tr>`,
    body,
    unreachable ? row(`<span style="color:#b3261e">${escape(unreachable)}</span>`) : '',
    unplaced ? row(`<span style="color:#b3261e">${escape(unplaced)}</span>`) : '',
    `<tr><td style="padding:16px;font-size:13px;color:#5f6368;border-top:1px solid #e0e0e0">${escape(footer)}<br><a href="${escape(summary.url)}" style="color:#1a73e8">Open the workbook</a></td></tr>`,
    '</table></td></tr></table></body></html>',
  ].join('');
  return { subject, html, text };
}

/** One owner's reminder: their due or stale key results, and where to check in. */
export function reminderMail(summary: Summary, owner: OwnerCheckins): Mail {
  const count = plural(owner.keyResults.length, 'key result');
  const subject = `Check-in due: ${count} in ${okrsOf(summary.workbook)}`;
  const line = (kr: OwnerCheckins['keyResults'][number]) =>
    `${kr.id} ${kr.title} (last check-in ${kr.lastCheckin ?? 'never'}${kr.stale ? ', stale' : ''})`;
  const intro = `Your check-in is due on ${count} this week. It takes a minute: open the workbook, then Extensions > OKR Sheets > Check in.`;
  const text = [intro, '', ...owner.keyResults.map((kr) => `- ${line(kr)}`), '', `Open the workbook: ${summary.url}`].join('\n');
  const html = [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head>',
    '<body style="margin:0;padding:12px;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#202124">',
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px"><tr><td style="padding:4px 0">${escape(intro)}</td></tr>`,
    ...owner.keyResults.map((kr) => `<tr><td style="padding:4px 0">• ${escape(line(kr))}</td></tr>`),
    `<tr><td style="padding:12px 0"><a href="${escape(summary.url)}" style="color:#1a73e8">Open the workbook</a></td></tr></table></body></html>`,
  ].join('');
  return { subject, html, text };
}
