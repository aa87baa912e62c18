// Starts the widget's wasm on the iframe page (docs/bridge.md, "Booting the iframe page").
// No inline script: the page's CSP allows scripts from its own origin only. The wasm is
// fetched when the page is idle or as soon as the visitor reaches for the static
// launcher (#lc-boot), whichever comes first, and only once.
const button = document.getElementById("lc-boot");
const events = ["pointerdown", "pointerenter", "focus", "keydown"];
let started = false;

function boot() {
  if (started) return;
  started = true;
  if (button) for (const name of events) button.removeEventListener(name, boot);
  import("./livechat-widget.js")
    .then((glue) => glue.default({ module_or_path: new URL("./livechat-widget_bg.wasm", import.meta.url) }))
    .catch((e) => console.error("LiveChat widget: could not start", e));
}

if (button) {
  // Look like the launcher the widget will show: the host's accent, the host's language.
  const query = new URLSearchParams(location.search);
  const accent = query.get("accent_color");
  if (accent && /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(accent)) {
    // CSSOM writes, not a style attribute: allowed under the page's CSP.
    for (const name of ["--lc-accent", "--lc-accent-hover"]) document.documentElement.style.setProperty(name, accent);
  }
  // The widget's language as src/ui/i18n/mod.rs::choose picks it: __lc.language, the host
  // page's <html lang>, the browser's; the label is launcher_open of that table (a test checks).
  const OPEN = { ar: "فتح الدردشة", cs: "Otevřít chat", de: "Chat öffnen", es: "Abrir el chat", fr: "Ouvrir le chat", he: "פתיחת הצ׳אט", it: "Apri la chat", ja: "チャットを開く", nl: "Chat openen", pl: "Otwórz czat", pt: "Abrir o chat", ru: "Открыть чат", tr: "Sohbeti aç", uk: "Відкрити чат" };
  const tags = [query.get("language"), query.get("html_lang"), ...(navigator.languages || [])];
  const code = tags.map((t) => (t || "").trim().split(/[-_]/)[0].toLowerCase().replace(/^iw$/, "he")).find((c) => c === "en" || Object.hasOwn(OPEN, c));
  if (code && code !== "en") {
    button.setAttribute("aria-label", OPEN[code]);
    document.documentElement.lang = code;
    // Its table (named by the page, src/browser/language_file.rs) downloads alongside the wasm;
    // the widget's fetch() of it then takes this response (same URL, mode and credentials).
    const meta = document.querySelector("meta[name=lc-languages]");
    const entry = (meta?.content ?? "").split(/\s+/).find((e) => e.startsWith(code + "="));
    if (entry) {
      const preload = document.createElement("link");
      preload.rel = "preload";
      preload.as = "fetch";
      preload.crossOrigin = "anonymous";
      preload.href = entry.slice(code.length + 1);
      document.head.append(preload);
    }
  }
  for (const name of events) button.addEventListener(name, boot);
  // A click before the wasm runs: the widget starts with the window open (it reads
  // data-lc-open on <html> when it mounts and removes #lc-boot).
  button.addEventListener("click", () => {
    document.documentElement.dataset.lcOpen = "1";
    boot();
  });
}
if ("requestIdleCallback" in window) requestIdleCallback(boot, { timeout: 2000 });
else setTimeout(boot, 1);
