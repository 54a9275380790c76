// Labels in Chinese (the page's language) and English, and dates in words.
const STRINGS = {
  zh: {
    skip: "跳到事件列表", subtitle: "园区时间线", parks: "园区", searchParks: "搜索园区（名称、简称、城市）", compare: "对比",
    compareHint: "勾选 2 至 4 个园区并排对比", compareTitle: "园区对比", types: "类型", from: "起始月份", to: "截止月份",
    search: "搜索标题、企业、原文", clear: "清除筛选", exportCSV: "导出 CSV", exportSVG: "导出图表 SVG", exportPNG: "导出图表 PNG",
    connecting: "连接中", live: "实时", reconnecting: "重新连接中", stopped: "已停止",
    noEvents: "没有符合条件的事件。", noParks: "没有匹配的园区。", events: "个事件",
    count: "显示 {shown} 个，符合 {matching} 个，共 {all} 个事件", more: "再显示 {n} 个",
    reports: "篇报道", published: "发布", source: "来源", versions: "版本记录", version: "第 {n} 版",
    knownFrom: "知悉于", knownUntil: "至", now: "今", retracted: "已撤回", corrected: "已更正", merged: "合并报道",
    close: "关闭", evidence: "原文", expression: "原文表述", permalink: "本事件链接", recordedBy: "人工录入",
    chart: "每月事件数（按类型堆叠）", chartQuarter: "每季度事件数（按类型堆叠）", chartHint: "点击柱形按时期筛选",
    unseen: "标签页隐藏期间新到 {n} 条事件", dismiss: "知道了", lang: "English", langLabel: "切换到英文",
    footer: "事件从新闻稿中抽取，保存在只追加的事件日志里；新事件记录后会实时出现在这里。",
    loadFailed: "无法加载：", noText: "日志中没有保存这篇文档的正文。", park: "园区", loading: "加载中…",
    dateWords: "日期", precision: { day: "精确到日", week: "精确到周", month: "精确到月", quarter: "精确到季度", half: "精确到半年", year: "精确到年" },
    changed: { reports: "新增 {n} 篇报道", date: "日期更正", type: "类型更正", title: "标题更正", retracted: "撤回", first: "首次记录" },
    types_: { signing: "签约", groundbreaking: "开工", opening: "启用", completion: "竣工", meeting: "会议", visit: "考察", award: "获奖", policy: "政策" },
  },
  en: {
    skip: "Skip to the events", subtitle: "Park timelines", parks: "Parks", searchParks: "Search parks (name, alias, city)", compare: "Compare",
    compareHint: "Tick 2 to 4 parks to compare them side by side", compareTitle: "Parks compared", types: "Types", from: "From month", to: "To month",
    search: "Search titles, companies, evidence", clear: "Clear filters", exportCSV: "Export CSV", exportSVG: "Chart as SVG", exportPNG: "Chart as PNG",
    connecting: "Connecting", live: "Live", reconnecting: "Reconnecting", stopped: "Stopped",
    noEvents: "No events match.", noParks: "No park matches.", events: "events",
    count: "Showing {shown} of {matching} matching, {all} in all", more: "Show {n} more",
    reports: "reports", published: "published", source: "Source", versions: "Versions", version: "Version {n}",
    knownFrom: "known from", knownUntil: "until", now: "now", retracted: "Retracted", corrected: "Corrected", merged: "Merged reports",
    close: "Close", evidence: "Evidence", expression: "As written", permalink: "Link to this event", recordedBy: "recorded by hand",
    chart: "Events per month, stacked by type", chartQuarter: "Events per quarter, stacked by type", chartHint: "Click a bar to filter by period",
    unseen: "{n} events arrived while this tab was hidden", dismiss: "Dismiss", lang: "中文", langLabel: "Switch to Chinese",
    footer: "Events are extracted from news pages and kept in an append-only log; new ones appear here as they are recorded.",
    loadFailed: "Could not load: ", noText: "The log keeps no text for this document.", park: "Park", loading: "Loading…",
    dateWords: "Date", precision: { day: "to the day", week: "to the week", month: "to the month", quarter: "to the quarter", half: "to the half year", year: "to the year" },
    changed: { reports: "{n} more reports", date: "date corrected", type: "type corrected", title: "title corrected", retracted: "retracted", first: "first recorded" },
    types_: { signing: "Signing", groundbreaking: "Groundbreaking", opening: "Opening", completion: "Completion", meeting: "Meeting", visit: "Visit", award: "Award", policy: "Policy" },
  },
};

let language = "zh";

export function setLanguage(lang) { language = STRINGS[lang] ? lang : "zh"; }
export function currentLanguage() { return language; }

/** The label `key` in the current language, with `{n}`-style fields filled. */
export function t(key, fields = {}) {
  const text = STRINGS[language][key] ?? STRINGS.zh[key] ?? key;
  return typeof text === "string" ? text.replace(/\{(\w+)\}/g, (_, name) => String(fields[name] ?? "")) : text;
}

export function typeName(type) { return STRINGS[language].types_[type] || type; }

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const QUARTERS_ZH = ["一", "二", "三", "四"];

/** An event's date at its precision, in words: 2022年6月, 2022年第三季度, Q3 2022. */
export function dateWords(precision, lower) {
  const [y, m, d] = lower.split("-").map(Number);
  const zh = language === "zh";
  switch (precision) {
    case "day": return zh ? `${y}年${m}月${d}日` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
    case "week": return zh ? `${y}年${m}月${d}日当周` : `week of ${d} ${MONTHS_EN[m - 1]} ${y}`;
    case "month": return zh ? `${y}年${m}月` : `${MONTHS_EN[m - 1]} ${y}`;
    case "quarter": { const q = Math.floor((m - 1) / 3); return zh ? `${y}年第${QUARTERS_ZH[q]}季度` : `Q${q + 1} ${y}`; }
    case "half": return zh ? `${y}年${m <= 6 ? "上" : "下"}半年` : `H${m <= 6 ? 1 : 2} ${y}`;
    case "year": return zh ? `${y}年` : `${y}`;
    default: return lower;
  }
}

/** A period label of the activity API (2022-06, 2022-Q3, 2022) in words. */
export function periodWords(period) {
  if (/^\d{4}-Q\d$/.test(period)) return dateWords("quarter", `${period.slice(0, 4)}-${String((Number(period.slice(6)) - 1) * 3 + 1).padStart(2, "0")}-01`);
  if (/^\d{4}-\d{2}$/.test(period)) return dateWords("month", `${period}-01`);
  return dateWords("year", `${period}-01-01`);
}

/** A moment (ISO 8601) as people read it, in the page's language. */
export function momentWords(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(language === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
}

/** Fill every element with data-i18n (text), data-i18n-placeholder, data-i18n-label (aria-label). */
export function translatePage(root = document) {
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of root.querySelectorAll("[data-i18n-label]")) node.setAttribute("aria-label", t(node.dataset.i18nLabel));
}
