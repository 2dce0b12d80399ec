/* OpenBMIS officer console: one page, no framework, nothing from elsewhere.
 *
 * The session is the HttpOnly cookie the server sets at login; the CSRF
 * value the login returns is kept in memory only (never in storage) and
 * sent as X-CSRF-Token on every write. Every text from the server goes into
 * the page as text (textContent), never as markup. docs/API.md is the
 * contract this is written against. */
"use strict";

(function () {
  /* ---- state ------------------------------------------------------------ */
  const S = {
    session: null, // {username, role, bcp, desk, expires_at}
    csrf: null, // in memory only
    reference: null, // GET /api/reference, once per login
    referenceError: null,
    result: null, // the inspection on screen
    direction: "entry", // kept from one traveller to the next
    busy: false,
  };

  const SCREENS = {
    inspect: {
      title: "Primary inspection",
      key: "i",
      roles: ["officer", "supervisor"],
      render: renderInspect,
    },
    queue: {
      title: "Secondary queue",
      key: "q",
      roles: ["supervisor"],
      render: renderQueue,
    },
    travellers: {
      title: "Travellers",
      key: "t",
      roles: ["officer", "supervisor"],
      render: renderTravellers,
    },
    accounts: {
      title: "Accounts",
      key: "c",
      roles: ["administrator"],
      render: renderAccounts,
    },
  };
  const HOME = {
    officer: "inspect",
    supervisor: "queue",
    administrator: "accounts",
  };

  /* ---- DOM helpers -------------------------------------------------------- */
  const $ = (sel, root) => (root || document).querySelector(sel);
  let uid = 0;
  const nextId = (p) => `${p || "f"}-${++uid}`;

  /* h("tag", {class, text, on…, attr…}, children…): an element. Strings
   * become text nodes; null, undefined and false are skipped. */
  function h(tag, props, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "text") el.textContent = v;
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (
        ["hidden", "disabled", "checked", "value", "required"].includes(k)
      )
        el[k] = v;
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    append(el, kids);
    return el;
  }
  function append(el, kids) {
    for (const kid of kids) {
      if (kid === null || kid === undefined || kid === false) continue;
      if (Array.isArray(kid)) append(el, kid);
      else el.append(kid instanceof Node ? kid : String(kid));
    }
    return el;
  }

  /* A labelled control: the label names it, always. */
  function field(label, control, opts) {
    if (!control.id) control.id = nextId();
    const o = opts || {};
    return h(
      "div",
      { class: o.inline ? "field inline" : "field" },
      h(
        "label",
        { for: control.id },
        label,
        o.hint ? h("span", { class: "hint", text: ` ${o.hint}` }) : null,
      ),
      control,
    );
  }
  function check(label, input) {
    if (!input.id) input.id = nextId();
    return h("label", { class: "check", for: input.id }, input, h("span", {}, label));
  }
  function button(label, opts) {
    const o = opts || {};
    return h(
      "button",
      {
        type: o.type || "button",
        class: o.class,
        accesskey: o.key,
        disabled: o.disabled,
        id: o.id,
        onclick: o.onclick,
        "aria-describedby": o.describedby,
      },
      label,
      o.key ? h("kbd", { text: `Alt+${o.key.toUpperCase()}` }) : null,
    );
  }
  function say(text) {
    const st = $("#status");
    st.textContent = "";
    // a fresh text node so that screen readers announce a repeat too
    window.setTimeout(() => (st.textContent = text), 30);
  }
  function message(kind, text, opts) {
    const o = opts || {};
    return h("p", { class: `message ${kind}${o.big ? " safeguard" : ""}`, role: o.role }, text);
  }
  /* Ids made unique with a prefix, and what refers to them with it: for a
   * result drawn more than once on a page (the secondary queue). */
  function scopeIds(root, prefix) {
    for (const el of root.querySelectorAll("[id]")) el.id = prefix + el.id;
    for (const attr of ["for", "aria-labelledby", "aria-describedby"])
      for (const el of root.querySelectorAll(`[${attr}]`))
        el.setAttribute(
          attr,
          el
            .getAttribute(attr)
            .split(/\s+/)
            .map((x) => prefix + x)
            .join(" "),
        );
    return root;
  }
  function labelOf(code) {
    return String(code || "")
      .replace(/_/g, " ")
      .replace(/^./, (c) => c.toUpperCase());
  }
  function when(v) {
    if (v === null || v === undefined || v === "") return "";
    if (typeof v === "number") {
      const d = new Date(v * 1000);
      return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
    }
    return String(v)
      .replace("T", " ")
      .replace(/\.\d+/, "")
      .replace(/Z$/, " UTC");
  }
  /* A date, or "" when the server has none to give (empty, or the
   * placeholder of an unknown date). */
  function date(v) {
    return !v || /^X/.test(v) ? "" : String(v);
  }
  function day(v) {
    return when(v).slice(0, 10);
  }

  /* ---- the API ----------------------------------------------------------- */
  class ApiError extends Error {
    constructor(status, code, msg) {
      super(msg);
      this.status = status;
      this.code = code;
    }
  }
  async function api(method, path, body, retried) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (method !== "GET" && S.csrf) headers["X-CSRF-Token"] = S.csrf;
    let r;
    try {
      r = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: "same-origin",
        cache: "no-store",
      });
    } catch (e) {
      throw new ApiError(0, "E_NETWORK", "The server cannot be reached. Check the network and try again.");
    }
    let data = null;
    try {
      data = await r.json();
    } catch (e) {
      data = null;
    }
    if (!r.ok) {
      const err = (data && data.error) || {};
      const ex = new ApiError(r.status, err.code || `HTTP_${r.status}`, err.message || `The server answered ${r.status}.`);
      // idle too long: the password again, in a dialog over the screen as
      // it is (the inspection, the forms), then the same request again
      if (r.status === 401 && path !== "/api/login" && S.session && !retried && /timed out/.test(ex.message)) {
        if (await reauthenticate()) return api(method, path, body, true);
        throw ex;
      }
      if (r.status === 401 && path !== "/api/login" && S.session) expired();
      throw ex;
    }
    return data;
  }
  function expired() {
    S.session = null;
    S.csrf = null;
    showLogin("Your session has ended. Log in again.");
  }

  /* The session timed out (idle): one dialog, whoever asks while it is
   * open; true once logged in again at the same crossing point and desk,
   * false (and the login screen) when the officer logs out instead. */
  let reauthPending = null;
  function reauthenticate() {
    if (reauthPending) return reauthPending;
    reauthPending = new Promise((resolve) => {
      const s = S.session;
      const mins = s && s.idle_timeout_s ? Math.round(s.idle_timeout_s / 60) : 0;
      const pw = h("input", { id: "reauth-password", name: "password", type: "password", autocomplete: "current-password", required: true });
      const msg = h("div", { id: "reauth-message", role: "alert" });
      const form = h("form", { method: "dialog" });
      const dlg = h("dialog", { id: "reauth", "aria-labelledby": "reauth-title" }, form);
      const finish = (ok) => {
        pw.value = "";
        dlg.close();
        dlg.remove();
        reauthPending = null;
        if (!ok) expired();
        resolve(ok);
      };
      append(form, [
        h("h2", { id: "reauth-title", text: "Session timed out" }),
        h("p", {
          text: `${s.username}: no activity for ${mins > 1 ? `${mins} minutes` : "a while"}. Enter your password to go on; the screen stays as it is.`,
        }),
        field("Password", pw),
        msg,
        h("div", { class: "buttons" }, button("Continue", { type: "submit", class: "primary" }), button("Log out", { onclick: () => finish(false) })),
      ]);
      form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        msg.textContent = "";
        const body = { username: s.username, password: pw.value };
        if (s.bcp) body.bcp = s.bcp;
        if (s.desk) body.desk = s.desk;
        pw.value = "";
        try {
          const n = await api("POST", "/api/login", body);
          S.csrf = n.csrf || null;
          S.session = Object.assign({}, s, { expires_at: n.expires_at, idle_timeout_s: n.idle_timeout_s });
          say("Logged in again.");
          finish(true);
        } catch (e) {
          msg.append(message("bad", `✖ ${e.message}`));
          pw.focus();
        }
      });
      dlg.addEventListener("cancel", (ev) => ev.preventDefault()); // Escape: the choice stays
      document.body.append(dlg);
      dlg.showModal();
      pw.focus();
    });
    return reauthPending;
  }

  /* ---- login, session, navigation ----------------------------------------- */
  function showLogin(msg) {
    S.session = null;
    S.csrf = null;
    S.reference = null;
    S.referencePromise = null;
    S.result = null;
    $("#nav").hidden = true;
    $("#who").hidden = true;
    $("#screen").hidden = true;
    $("#screen").textContent = "";
    $("#login").hidden = false;
    const m = $("#login-message");
    m.hidden = !msg;
    m.textContent = msg || "";
    m.className = "message warn";
    $("#login-password").value = "";
    const user = $("#login-username");
    (user.value ? $("#login-password") : user).focus();
    document.title = "OpenBMIS — log in";
  }

  async function onLogin(ev) {
    ev.preventDefault();
    const f = ev.target;
    const body = {
      username: f.username.value.trim(),
      password: f.password.value,
    };
    if (f.bcp.value.trim()) body.bcp = f.bcp.value.trim().toUpperCase();
    if (f.desk.value.trim()) body.desk = f.desk.value.trim();
    const m = $("#login-message");
    try {
      const s = await api("POST", "/api/login", body);
      f.password.value = "";
      startSession(s);
    } catch (e) {
      f.password.value = "";
      m.hidden = false;
      m.className = "message bad";
      m.textContent = `✖ ${e.message}`;
      f.password.focus();
    }
  }

  function startSession(s) {
    S.session = {
      username: s.username,
      role: s.role,
      bcp: s.bcp,
      desk: s.desk,
      expires_at: s.expires_at,
      idle_timeout_s: s.idle_timeout_s,
    };
    S.csrf = s.csrf || null; // the token itself stays in the cookie
    $("#login").hidden = true;
    $("#screen").hidden = false;
    const who = $("#who");
    who.textContent = "";
    append(who, [
      h("span", {
        text: `${s.username} · ${s.role}${s.bcp ? ` · ${s.bcp}` : ""}${s.desk ? ` desk ${s.desk}` : ""}`,
      }),
      button("Log out", { key: "l", onclick: logout }),
    ]);
    who.hidden = false;
    renderNav();
    loadReference();
    const want = location.hash.slice(1);
    go(allowed(want) ? want : HOME[s.role] || "");
  }

  /* The coded lists (grounds, indicators, languages…): once per login. */
  function loadReference() {
    if (!S.referencePromise)
      S.referencePromise = api("GET", "/api/reference").then(
        (r) => {
          S.reference = r;
          S.referenceError = null;
          return r;
        },
        (e) => {
          S.referenceError = e.message;
          S.referencePromise = null; // asked again next time
          return null;
        },
      );
    return S.referencePromise;
  }
  function reference() {
    return S.reference ? Promise.resolve(S.reference) : loadReference();
  }

  async function logout() {
    try {
      await api("POST", "/api/logout", {});
    } catch (e) {
      /* ended either way */
    }
    history.replaceState(null, "", "#");
    showLogin("You have logged out.");
  }

  function allowed(name) {
    const s = SCREENS[name];
    return !!(s && S.session && s.roles.includes(S.session.role));
  }

  function renderNav() {
    const nav = $("#nav");
    nav.textContent = "";
    for (const [name, s] of Object.entries(SCREENS)) {
      if (!allowed(name)) continue;
      nav.append(
        h(
          "a",
          { href: `#${name}`, accesskey: s.key, "data-screen": name },
          s.title,
          h("kbd", { text: `Alt+${s.key.toUpperCase()}` }),
        ),
      );
    }
    nav.hidden = false;
  }

  function go(name) {
    const screen = $("#screen");
    screen.textContent = "";
    for (const a of document.querySelectorAll("#nav a")) {
      if (a.dataset.screen === name) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    if (!allowed(name)) {
      screen.append(
        h("h2", { text: "Nothing to do here" }),
        message("info", `The role ${S.session.role} has no screen in this console.`),
      );
      return;
    }
    if (location.hash !== `#${name}`) history.replaceState(null, "", `#${name}`);
    document.title = `OpenBMIS — ${SCREENS[name].title}`;
    SCREENS[name].render(screen);
  }

  /* Alt+letter: the control whose accesskey it is (shown on it as a kbd),
   * the same in every browser and keyboard layout: a button is pressed, a
   * link followed, a field focused. Disabled or hidden controls are not. */
  document.addEventListener("keydown", (ev) => {
    if (!ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const k = ev.code && ev.code.startsWith("Key") ? ev.code.slice(3).toLowerCase() : (ev.key || "").toLowerCase();
    if (!/^[a-z]$/.test(k)) return;
    const el = [...document.querySelectorAll(`[accesskey="${k}"]`)].find((x) => !x.disabled && x.offsetParent !== null);
    if (!el) return;
    ev.preventDefault();
    if (el.matches("button, a")) el.click();
    else el.focus();
  });

  window.addEventListener("hashchange", () => {
    if (S.session) go(location.hash.slice(1));
  });

  /* ---- primary inspection -------------------------------------------------- */
  const MRZ_SHAPES = [
    [44, 44], // TD3 passports, MRV-A visas
    [36, 36], // TD2, MRV-B
    [30, 30, 30], // TD1 identity cards
  ];
  function mrzLines(text) {
    return text
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim())
      .filter((l) => l.length);
  }
  /* Whether text holds a whole MRZ: what the scanner's last Enter ends. */
  function mrzComplete(text) {
    const lines = mrzLines(text);
    return MRZ_SHAPES.some(
      (shape) => shape.length === lines.length && shape.every((n, i) => lines[i].length === n),
    );
  }

  function renderInspect(root) {
    const ref = S.reference;
    const wrap = h("div", { class: "inspect" });
    const form = h("form", { id: "inspect-form", "aria-labelledby": "inspect-title", autocomplete: "off" });
    const mrz = h("textarea", {
      id: "mrz",
      name: "mrz",
      class: "mrz",
      rows: 3,
      cols: 44,
      spellcheck: "false",
      autocapitalize: "characters",
      autocorrect: "off",
      "aria-describedby": "mrz-hint",
    });
    mrz.addEventListener("keydown", (ev) => {
      if (ev.key !== "Enter") return;
      if (ev.ctrlKey || ev.metaKey) {
        ev.preventDefault();
        inspect(form);
      } else if (!ev.shiftKey && !ev.altKey && mrzComplete(mrz.value)) {
        ev.preventDefault(); // the scanner's last Enter: the MRZ is whole
        inspect(form);
      }
    });

    const dirs = (ref && ref.directions) || ["entry", "exit"];
    const direction = h(
      "fieldset",
      { class: "radios-set" },
      h("legend", { text: "Direction" }),
      h(
        "div",
        { class: "radios" },
        dirs.map((d) => {
          const r = h("input", {
            type: "radio",
            name: "direction",
            value: d,
            checked: d === S.direction,
          });
          r.addEventListener("change", () => (S.direction = d));
          return check(labelOf(d), r);
        }),
      ),
    );

    const sel = (name, list, label) =>
      field(
        label,
        h(
          "select",
          { name },
          h("option", { value: "", text: "— not given —" }),
          (list || []).map((v) => h("option", { value: v, text: labelOf(v) })),
        ),
        { inline: true },
      );
    const txt = (name, label, opts) => {
      const o = opts || {};
      return field(
        label,
        h("input", {
          name,
          type: o.type || "text",
          class: o.short ? "short" : null,
          maxlength: o.max,
          min: o.min,
          spellcheck: "false",
        }),
        { inline: !!o.short },
      );
    };
    const card = h(
      "details",
      { id: "card" },
      h("summary", { text: "Passenger card (optional)" }),
      sel("transport", ref ? ref.transports : ["air", "road", "rail", "sea", "foot", "other"], "Transport"),
      txt("carrier", "Carrier", { short: true, max: 32 }),
      txt("transport_number", "Flight / vehicle", { short: true, max: 16 }),
      txt("route_country", "From / to (country)", { short: true, max: 3 }),
      txt("residence_country", "Residence (country)", { short: true, max: 3 }),
      sel("purpose", ref ? ref.purposes : [], "Purpose"),
      txt("intended_days", "Intended days", { short: true, type: "number", min: 0 }),
      txt("local_address", "Address in the country", { max: 256 }),
    );

    const indicators = (ref && ref.trafficking_indicators) || [];
    const protection = h(
      "fieldset",
      { id: "protection" },
      h("legend", { text: "Protection" }),
      check("Expresses the intention to seek asylum", h("input", { type: "checkbox", name: "asylum", id: "asylum" })),
      check(
        "Unaccompanied or separated minor",
        h("input", { type: "checkbox", name: "unaccompanied", id: "unaccompanied" }),
      ),
      h(
        "details",
        { id: "trafficking" },
        h("summary", { text: "Trafficking indicators" }),
        indicators.length
          ? indicators.map((t) =>
              check(t.text || labelOf(t.code), h("input", { type: "checkbox", name: "trafficking", value: t.code })),
            )
          : h("p", { class: "hint", text: "The list of indicators is not available." }),
      ),
    );

    /* a need raised after the scan, or after the decision, reaches the
     * server at once: the safeguards follow whatever the order of clicks
     * (unticking never withdraws one) */
    protection.addEventListener("change", (ev) => {
      if (ev.target.checked) raiseNeed(ev.target);
    });

    append(form, [
      h("h2", { id: "inspect-title", text: "Primary inspection" }),
      S.referenceError && !ref
        ? message("warn", `⚠ Reference data could not be loaded (${S.referenceError}); lists may be incomplete.`)
        : null,
      field("Machine readable zone", mrz),
      h("p", {
        id: "mrz-hint",
        class: "hint",
        text: "Scan the document: it is checked by itself when the zone is complete (2×44, 2×36 or 3×30 characters). Typing: Ctrl+Enter checks it.",
      }),
      direction,
      card,
      protection,
      h(
        "div",
        { class: "buttons" },
        button("Inspect", { type: "submit", class: "primary", key: "s" }),
        h("span", { class: "hint", text: "or Ctrl+Enter" }),
        button("New traveller", { key: "n", onclick: () => resetInspect(true) }),
      ),
    ]);
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      inspect(form);
    });

    const result = h(
      "section",
      { id: "result", class: "result", "aria-labelledby": "result-title" },
      h("h2", { id: "result-title", tabindex: "-1", text: "Result" }),
      h("p", { class: "empty", text: "Scan a document to see the result here." }),
    );
    wrap.append(form, result);
    root.append(wrap);
    mrz.focus();
    if (!S.reference)
      reference().then((r) => {
        // the lists arrived after the form was drawn: draw it again, empty
        if (r && $("#inspect-form") === form && !mrz.value && !S.result) {
          root.textContent = "";
          renderInspect(root);
        }
      });
  }

  async function raiseNeed(input) {
    const target = S.result || S.lastDecided;
    if (!target || !target.id) return; // before a scan: it goes with the scan
    const body =
      input.name === "asylum" ? { asylum: true } : input.name === "unaccompanied" ? { unaccompanied: true } : { trafficking_indicators: [input.value] };
    const res = $("#result");
    try {
      const d = await api("POST", `/api/inspections/${encodeURIComponent(target.id)}/protection`, body);
      if (S.result && S.result.id === target.id) {
        d.direction = d.direction || target.direction;
        S.result = d;
        res.textContent = "";
        res.append(renderResult(d, { decide: true }));
        say("Protection need recorded: the decisions allowed have changed.");
        return;
      }
      // raised on the traveller just decided: the box must not go with the next scan
      input.checked = false;
      const refs = (d.referrals || []).map(labelOf).join(", ");
      if (d.refusals_turned) {
        const banner = $("#recorded");
        if (banner) {
          banner.className = "message banner warn";
          banner.textContent = `${DONE.referred} — ${banner.textContent.replace(/^.*? — /, "")} (the refusal was turned)`;
        }
        const link = $("#notice-link");
        if (link) link.parentNode.remove();
      }
      const text = d.refusals_turned
        ? `⚠ The refusal is now a referral (${refs}): do not carry out the return.`
        : `✔ Referral opened after the decision: ${refs}.`;
      const old = $("#protection-raised");
      if (old) old.remove();
      res.append(message(d.refusals_turned ? "warn" : "ok", text, { role: "status" }));
      res.lastChild.id = "protection-raised";
      say(text);
    } catch (e) {
      res.append(message("bad", `✖ The protection need was not recorded: ${e.message}`, { role: "alert" }));
    }
  }

  function resetInspect(focus) {
    const form = $("#inspect-form");
    if (!form) return;
    form.reset();
    for (const r of form.querySelectorAll('input[name="direction"]')) r.checked = r.value === S.direction;
    $("#card").open = false;
    $("#trafficking").open = false;
    S.result = null;
    if (focus) {
      const res = $("#result");
      res.textContent = "";
      append(res, [
        h("h2", { id: "result-title", tabindex: "-1", text: "Result" }),
        h("p", { class: "empty", text: "Scan a document to see the result here." }),
      ]);
    }
    $("#mrz").focus();
  }

  function inspectionBody(form) {
    const body = {
      mrz: mrzLines(form.mrz.value).join("\n"),
      direction: S.direction,
    };
    const card = {};
    for (const k of ["transport", "carrier", "transport_number", "route_country", "residence_country", "purpose", "local_address"]) {
      const v = form[k].value.trim();
      if (v) card[k] = /country$/.test(k) ? v.toUpperCase() : v;
    }
    if (form.intended_days.value) card.intended_days = Number(form.intended_days.value);
    if (Object.keys(card).length) body.card = card;
    body.protection = {
      asylum: form.asylum.checked,
      unaccompanied: form.unaccompanied.checked,
      trafficking_indicators: [...form.querySelectorAll('input[name="trafficking"]:checked')].map((c) => c.value),
    };
    return body;
  }

  async function inspect(form) {
    if (S.busy) return;
    const body = inspectionBody(form);
    const res = $("#result");
    if (!body.mrz) {
      say("The machine readable zone is empty.");
      $("#mrz").focus();
      return;
    }
    S.busy = true;
    res.setAttribute("aria-busy", "true");
    say("Checking the document…");
    try {
      const r = await api("POST", "/api/inspections", body);
      r.direction = r.direction || body.direction;
      S.result = r;
      S.lastDecided = null;
      res.textContent = "";
      res.append(renderResult(r, { decide: true }));
      say(summary(r));
      $("#result-title").focus();
    } catch (e) {
      res.textContent = "";
      append(res, [
        h("h2", { id: "result-title", tabindex: "-1", text: "Result" }),
        message("bad", `✖ The document could not be inspected: ${e.message}`, { role: "alert" }),
      ]);
      say(`Not inspected: ${e.message}`);
      $("#mrz").focus();
    } finally {
      S.busy = false;
      res.removeAttribute("aria-busy");
    }
  }

  function summary(r) {
    const rec = r.recommendation || {};
    const hits = (r.hits || []).length;
    const doc = r.document && r.document.valid ? "document valid" : "document INVALID";
    return `${rec.action === "admit" ? "Admit" : "Refer"} recommended; ${doc}; ${hits} watchlist hit${hits === 1 ? "" : "s"}.`;
  }

  /* ---- an inspection result (primary, or read-only in the queue) ---------- */
  const VERDICTS = {
    ok: ["✔", "VALID", "ok"],
    error: ["✖", "INVALID", "bad"],
    warning: ["⚠", "WARNING", "warn"],
    repaired: ["✎", "REPAIRED", "warn"],
  };
  function verdict(v) {
    const [sym, word, cls] = VERDICTS[v] || ["?", String(v || "unknown").toUpperCase(), "warn"];
    return h("span", { class: `verdict ${cls}` }, `${sym} ${word}`);
  }

  function renderResult(r, opts) {
    const o = opts || {};
    const out = document.createDocumentFragment();
    if (o.decide)
      out.append(h("h2", { id: "result-title", tabindex: "-1", "data-inspection": r.id, text: "Result" }));
    out.append(banner(r, o), travellerFacts(r));
    const prot = protectionBlock(r, o);
    if (prot) out.append(prot);
    out.append(hitsBlock(r, o));
    out.append(documentBlock(r, o));
    out.append(h("div", { class: "two" }, stayBlock(r), historyBlock(r)));
    if (o.decide) out.append(decisionBlock(r));
    return out;
  }

  function banner(r, o) {
    const rec = r.recommendation || {};
    const admit = rec.action === "admit";
    const reasons = rec.reasons || [];
    return h(
      "div",
      { class: `message banner ${admit ? "ok" : "warn"}`, id: o && o.decide ? "recommendation" : null, "aria-live": o && o.decide ? "polite" : null },
      `${o && !o.decide ? "Primary desk: " : ""}${admit ? "✔ ADMIT — recommended" : "⚠ REFER — recommended"}`,
      reasons.length ? h("ul", {}, reasons.map((x) => h("li", { text: x }))) : null,
    );
  }

  function travellerFacts(r) {
    const t = r.traveller || {};
    const d = t.document || {};
    const pairs = [
      ["Name", `${t.surname || ""}${t.given_names ? `, ${t.given_names}` : ""}`],
      ["Born", `${t.birth || "?"}${t.age !== undefined && t.age !== null ? ` (${t.age})` : ""}`],
      ["Sex", t.sex],
      ["Nationality", t.nationality],
      ["Document", `${d.type || ""} ${d.issuing_state || ""} ${d.number || ""}`.trim()],
      ["Expires", d.expiry],
      ["Minor", t.minor ? "⚠ yes — a minor" : "no"],
    ];
    return h(
      "dl",
      { class: "facts", id: "traveller" },
      pairs.map(([k, v]) => [h("dt", { text: k }), h("dd", { text: v === undefined || v === null || v === "" ? "—" : String(v) })]),
    );
  }

  function protectionBlock(r, o) {
    const p = r.protection || {};
    const prompts = p.prompts || [];
    const referrals = p.referrals || [];
    const open = p.open_referrals || [];
    if (!prompts.length && !referrals.length && !open.length && !p.asylum && !p.unaccompanied && !p.protection_hits) return null;
    return h(
      "section",
      { id: "protection-result", class: "message info", "aria-labelledby": "prot-title" },
      h("h3", { id: "prot-title", text: "⚑ Protection" }),
      open.length
        ? h("p", { id: "open-referrals", text: `⚑ Open referral${open.length > 1 ? "s" : ""} of this person: ${open.map(labelOf).join(", ")}. Do not refuse or hold.` })
        : null,
      referrals.length
        ? h("p", { text: `${o && o.decide ? "Referrals that will be opened" : "Protection referrals"}: ${referrals.map(labelOf).join(", ")}.` })
        : null,
      prompts.length ? h("ul", { class: "prompts" }, prompts.map((x) => h("li", { text: x }))) : null,
    );
  }

  function hitsBlock(r, o) {
    const hits = r.hits || [];
    const sec = h("section", { id: "hits", "aria-labelledby": "hits-title" });
    sec.append(h("h3", { id: "hits-title", text: hits.length ? `⚠ Watchlist hits (${hits.length})` : "Watchlists" }));
    if (!hits.length) {
      sec.append(h("p", { class: "verdict ok", text: "✔ NO HIT — no listed person or document matches." }));
      return sec;
    }
    for (const hit of hits) sec.append(hitCard(r, hit, o));
    return sec;
  }

  // A dismissal clears the hit only when it is in force: one awaiting a
  // second person's confirmation (pending) or rejected clears nothing.
  function dispositionCleared(d) {
    return d.decision === "dismissed" && !d.pending && d.review !== "rejected";
  }

  function dispositionText(d) {
    const cleared = dispositionCleared(d);
    const by = d.by ? ` by ${d.by}` : "";
    const at = d.at ? ` on ${day(d.at)}` : "";
    const why = d.reason ? `: ${d.reason}` : "";
    if (d.decision === "dismissed" && d.pending)
      return `⚠ STILL A HIT — dismissed${by}${at}, awaiting a supervisor's confirmation${why}`;
    if (d.decision === "dismissed" && d.review === "rejected")
      return `⚠ STILL A HIT — dismissal${by} rejected by ${d.reviewed_by}${d.review_reason ? `: ${d.review_reason}` : ""}`;
    const verb = cleared ? "Cleared" : "Confirmed";
    const sym = cleared ? "✔" : "⚠";
    const second = d.review === "confirmed" && d.reviewed_by ? `, confirmed by ${d.reviewed_by}` : "";
    return `${sym} ${verb}${d.earlier ? " earlier" : ""}${by}${at}${second}${why}`;
  }

  function hitCard(r, hit, o) {
    const prot = hit.category === "protection_alert";
    const title = prot ? "⚑ PROTECTION ALERT" : hit.kind === "document" ? "⚠ HIT — document" : "⚠ HIT";
    const meta = [
      hit.kind,
      hit.list ? `list ${hit.list}` : null,
      hit.category ? labelOf(hit.category) : null,
      hit.entry ? `entry ${hit.entry}` : null,
      typeof hit.score === "number" ? `score ${hit.score.toFixed(2)}` : null,
      hit.action ? `action: ${hit.action}` : null,
    ]
      .filter(Boolean)
      .join(" · ");
    const art = h(
      "article",
      { class: `hit${prot ? " protection" : ""}`, "data-hit": hit.index },
      h("h4", {}, `${title}: ${hit.listed_name || "(no name)"}`),
      h("p", { class: "meta", text: meta }),
      hit.explanation ? h("pre", { class: "explanation", text: hit.explanation }) : null,
    );
    const disp = h("div", { class: "disposition-slot" });
    art.append(disp);
    if (hit.disposition) {
      disp.append(h("p", { class: `disposition ${dispositionCleared(hit.disposition) ? "ok" : "warn"}`, text: dispositionText(hit.disposition) }));
    } else if (o.decide) {
      const reason = h("input", { name: "reason", maxlength: 500 });
      const err = h("p", { class: "message bad", role: "alert", hidden: true });
      const send = async (decision) => {
        if (!reason.value.trim()) {
          err.hidden = false;
          err.textContent = "✖ Give a reason for the record.";
          reason.focus();
          return;
        }
        try {
          const d = await api("POST", `/api/inspections/${encodeURIComponent(r.id)}/hits/${hit.index}`, {
            decision,
            reason: reason.value.trim(),
          });
          hit.disposition = Object.assign({ decision, reason: reason.value.trim(), by: S.session.username }, d || {});
          disp.textContent = "";
          disp.append(h("p", { class: "disposition", text: dispositionText(hit.disposition) }));
          say(`Hit ${hit.index + 1} ${decision}.`);
        } catch (e) {
          err.hidden = false;
          err.textContent = `✖ ${e.message}`;
        }
      };
      append(disp, [
        field("Reason (confirm or dismiss this hit)", reason),
        h(
          "div",
          { class: "buttons" },
          button("⚠ Confirm: this is the listed person", { onclick: () => send("confirmed") }),
          button("✔ Dismiss: not this person", { onclick: () => send("dismissed") }),
        ),
        err,
      ]);
    }
    return art;
  }

  function documentBlock(r, o) {
    const d = r.document || {};
    const main = !!(o && o.decide); // ids only on the desk's own result
    const title = h(
      "h3",
      { id: main ? "doc-title" : null },
      "Document ",
      h("span", { class: `verdict ${d.valid ? "ok" : "bad"}`, id: main ? "doc-verdict" : null }, d.valid ? "✔ VALID" : "✖ INVALID"),
      d.format ? ` ${d.format}` : "",
    );
    const sec = main ? h("section", { id: "document", "aria-labelledby": "doc-title" }, title) : h("details", { class: "document" }, h("summary", {}, title));
    const fields = d.fields || [];
    if (fields.length)
      sec.append(
        h(
          "table",
          { id: main ? "doc-fields" : null },
          h("caption", { class: "hint", text: "Field by field" }),
          h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Field" }), h("th", { scope: "col", text: "Value" }), h("th", { scope: "col", text: "Verdict" }))),
          h(
            "tbody",
            {},
            fields.map((f) =>
              h("tr", {}, h("th", { scope: "row", text: labelOf(f.name) }), h("td", { class: "value", text: f.value === undefined ? "" : f.value }), h("td", {}, verdict(f.verdict))),
            ),
          ),
        ),
      );
    const findings = d.findings || [];
    if (findings.length)
      sec.append(
        h("h4", { text: "Findings" }),
        h(
          "ul",
          { id: main ? "findings" : null },
          findings.map((f) => {
            const v = f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : f.severity === "repair" || f.severity === "repaired" ? "repaired" : "warning";
            return h("li", {}, verdict(v), " ", f.message || f.code, f.field ? h("span", { class: "hint", text: ` (${labelOf(f.field)})` }) : null);
          }),
        ),
      );
    return sec;
  }

  function stayBlock(r) {
    const s = r.stay;
    const sec = h("section", { id: "stay", "aria-labelledby": "stay-title" }, h("h3", { id: "stay-title", text: "Stay" }));
    if (!s) {
      sec.append(h("p", { class: "hint", text: "No stay rule applies (first visit, or a national)." }));
      return sec;
    }
    if (s.national) {
      sec.append(h("p", { class: "verdict ok", text: "✔ A national: no limit of stay" }));
      return sec;
    }
    const over = s.days_over > 0;
    append(sec, [
      h(
        "p",
        { class: `verdict ${over || s.window_exceeded ? "bad" : "ok"}` },
        over ? `✖ OVERSTAYED by ${s.days_over} day${s.days_over === 1 ? "" : "s"}` : s.window_exceeded ? "✖ OVER the rolling limit" : "✔ Within the stay rules",
      ),
      h(
        "ul",
        {},
        h("li", { text: `${s.present ? "Currently in the country" : "Not in the country"}` }),
        h("li", { text: `${s.days_in_window} of ${s.window_limit} days used in the last ${s.window_days}` }),
        h("li", { text: `${s.stays} earlier stay${s.stays === 1 ? "" : "s"}` }),
      ),
    ]);
    return sec;
  }

  function movementsTable(list, id) {
    if (!list || !list.length) return h("p", { class: "hint", text: "No earlier crossings recorded." });
    return h(
      "table",
      { id },
      h(
        "thead",
        {},
        h("tr", {}, ["Crossed", "Direction", "Point", "Decision", "Permitted until"].map((x) => h("th", { scope: "col", text: x }))),
      ),
      h(
        "tbody",
        {},
        list.map((m) =>
          h(
            "tr",
            {},
            h("td", { text: when(m.crossed_at) }),
            h("td", { text: labelOf(m.direction) }),
            h("td", { text: m.bcp || "" }),
            h("td", { text: `${m.decision ? labelOf(m.decision) : "—"}${m.voided ? " (voided)" : ""}` }),
            h("td", { text: date(m.permitted_until) }),
          ),
        ),
      ),
    );
  }

  function historyBlock(r) {
    const hist = r.history || {};
    const shown = (hist.movements || []).length;
    return h(
      "section",
      { id: "history", "aria-labelledby": "hist-title" },
      h("h3", { id: "hist-title", text: hist.total > shown ? `History (latest ${shown} of ${hist.total})` : "History" }),
      movementsTable(hist.movements, "history-table"),
    );
  }

  /* ---- decisions -------------------------------------------------------------- */
  function decisionBlock(r) {
    const dec = r.decisions || {};
    const sec = h("section", { class: "decide", id: "decide", "aria-labelledby": "decide-title" });
    const formSlot = h("div", { id: "decision-form" });
    const errSlot = h("div", { id: "decision-error" });
    const whyId = nextId("why");
    const btn = (what, label, key, cls) => {
      const d = dec[what] || { allowed: true, why: "" };
      return button(label, {
        id: `btn-${what}`,
        key,
        class: cls,
        disabled: !d.allowed,
        describedby: !d.allowed ? `${whyId}-${what}` : null,
        onclick: () => openDecision(r, what, formSlot, errSlot),
      });
    };
    const whys = ["admit", "refuse", "refer"]
      .filter((w) => dec[w] && !dec[w].allowed)
      .map((w) =>
        h("p", { class: "why", id: `${whyId}-${w}`, "data-why": w }, `✖ ${labelOf(w)} is not possible: ${dec[w].why || "the safeguards forbid it"}`),
      );
    append(sec, [
      h("h3", { id: "decide-title", text: "Decision" }),
      h(
        "div",
        { class: "buttons" },
        btn("admit", "✔ Admit", "a", "admit"),
        btn("refuse", "✖ Refuse", "u", "refuse"),
        btn("refer", "⚠ Refer to secondary", "r", "refer"),
      ),
      whys,
      formSlot,
      errSlot,
    ]);
    return sec;
  }

  function openDecision(r, what, slot, errSlot) {
    slot.textContent = "";
    errSlot.textContent = "";
    const ref = S.reference || {};
    const t = r.traveller || {};
    const form = h("form", { class: "card", id: `form-${what}`, "aria-label": `${labelOf(what)} the traveller` });
    const entry = (r.direction || S.direction) === "entry";
    const national = ref.state && t.nationality === ref.state;
    let first = null;
    if (what === "admit") {
      if (entry && !national) {
        const type = h("input", { name: "entry_type", value: "visa-free", list: "entry-types", class: "short" });
        const days = h("input", { name: "permitted_days", type: "number", min: 1, max: 3650, value: "90", class: "short", required: true });
        first = days;
        append(form, [
          h(
            "datalist",
            { id: "entry-types" },
            ["visa-free", "visa", "e-visa", "visa-on-arrival", "transit", "residence-permit", "diplomatic"].map((v) => h("option", { value: v })),
          ),
          field("Entry type", type, { inline: true }),
          field("Permitted days", days, { inline: true }),
        ]);
      } else {
        form.append(h("p", { text: entry ? "A national: admitted with no limit of stay." : "Exit: the departure is recorded." }));
      }
      form.append(h("div", { class: "buttons" }, button("Confirm admission", { type: "submit", class: "admit" }), button("Cancel", { onclick: () => closeDecision(slot) })));
    } else if (what === "refuse") {
      const grounds = (ref.grounds || []).map((g) => check([h("b", { text: g.code }), g.text], h("input", { type: "checkbox", name: "grounds", value: g.code })));
      const expl = h("textarea", { name: "explanation", rows: 2, maxlength: 2000 });
      const langs = (ref.languages || [{ code: "en", name: "English" }, { code: "fr", name: "Français" }]).map((l, i) =>
        check(l.name, h("input", { type: "radio", name: "language", value: l.code, checked: i === 0 })),
      );
      append(form, [
        h("fieldset", { class: "grounds" }, h("legend", { text: "Grounds for refusal (tick every one that applies)" }), grounds.length ? grounds : h("p", { class: "why", text: "The grounds could not be loaded." })),
        field("Explanation (given to the traveller)", expl),
        h("fieldset", {}, h("legend", { text: "Language of the notice" }), h("div", { class: "radios" }, langs)),
        t.minor
          ? h("p", { class: "why", text: "✖ A minor is never held pending return." })
          : check("Held pending return", h("input", { type: "checkbox", name: "held_pending_return" })),
      ]);
      if (t.minor) {
        const alt = h(
          "select",
          { name: "minor_alternative", required: true },
          h("option", { value: "", text: "— choose —" }),
          (ref.minor_alternatives || ["family", "child_protection_services", "other"]).map((a) => h("option", { value: a, text: labelOf(a) })),
        );
        form.append(field("A minor: the alternative arranged", alt));
      }
      first = form.querySelector('input[name="grounds"]');
      form.append(h("div", { class: "buttons" }, button("Confirm refusal", { type: "submit", class: "refuse" }), button("Cancel", { onclick: () => closeDecision(slot) })));
    } else {
      const note = h("textarea", { name: "note", rows: 2, maxlength: 500 });
      first = note;
      append(form, [
        field("Note for the secondary officer", note),
        h("div", { class: "buttons" }, button("Confirm referral", { type: "submit", class: "refer" }), button("Cancel", { onclick: () => closeDecision(slot) })),
      ]);
    }
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      decide(r, what, form, errSlot);
    });
    slot.append(form);
    (first || form.querySelector("button")).focus();
  }
  function closeDecision(slot) {
    slot.textContent = "";
    const b = $("#btn-admit");
    if (b) b.focus();
  }

  function decisionBody(what, form) {
    const body = { decision: what };
    const v = (n) => (form[n] && form[n].value ? form[n].value.trim() : "");
    if (what === "admit") {
      if (v("entry_type")) body.entry_type = v("entry_type");
      if (v("permitted_days")) body.permitted_days = Number(v("permitted_days"));
    } else if (what === "refuse") {
      body.grounds = [...form.querySelectorAll('input[name="grounds"]:checked')].map((c) => c.value).join("");
      body.explanation = v("explanation");
      const lang = form.querySelector('input[name="language"]:checked');
      body.language = lang ? lang.value : "en";
      body.held_pending_return = !!(form.held_pending_return && form.held_pending_return.checked);
      if (form.minor_alternative) body.minor_alternative = form.minor_alternative.value;
    } else if (v("note")) body.note = v("note");
    const pf = $("#inspect-form");
    if (pf)
      body.protection = {
        asylum: pf.asylum.checked,
        unaccompanied: pf.unaccompanied.checked,
        trafficking_indicators: [...pf.querySelectorAll('input[name="trafficking"]:checked')].map((c) => c.value),
      };
    return body;
  }

  async function decide(r, what, form, errSlot) {
    if (S.busy) return;
    const body = decisionBody(what, form);
    errSlot.textContent = "";
    if (what === "refuse" && !body.grounds) {
      errSlot.append(message("bad", "✖ Tick at least one ground for refusal.", { role: "alert" }));
      return;
    }
    S.busy = true;
    try {
      const d = await api("POST", `/api/inspections/${encodeURIComponent(r.id)}/decision`, body);
      recorded(r, d, body);
    } catch (e) {
      if (e.code === "E_SAFEGUARD")
        errSlot.append(message("bad", `✖ NOT ALLOWED — ${e.message}`, { role: "alert", big: true }));
      else errSlot.append(message("bad", `✖ The decision was not recorded: ${e.message}`, { role: "alert" }));
      errSlot.scrollIntoView({ block: "nearest" });
      say(`Not recorded: ${e.message}`);
    } finally {
      S.busy = false;
    }
  }

  const DONE = { admitted: "✔ ADMITTED", refused: "✖ REFUSED", referred: "⚠ REFERRED", admit: "✔ ADMITTED", refuse: "✖ REFUSED", refer: "⚠ REFERRED" };
  function recorded(r, d, body) {
    const res = $("#result");
    const t = r.traveller || {};
    const name = `${t.surname || ""}${t.given_names ? `, ${t.given_names}` : ""}`;
    const decision = d.decision || body.decision;
    const refs = d.referrals || [];
    const notice =
      d.notice || (decision === "refuse" || decision === "refused" ? `/api/movements/${encodeURIComponent(d.movement_id)}/notice?lang=${encodeURIComponent(body.language || "en")}` : null);
    res.textContent = "";
    append(res, [
      h("h2", { id: "result-title", tabindex: "-1", text: "Decision recorded" }),
      h(
        "div",
        { class: `message banner ${decision.startsWith("admit") ? "ok" : decision.startsWith("refus") ? "bad" : "warn"}`, id: "recorded", "aria-live": "polite" },
        `${DONE[decision] || labelOf(decision)} — ${name}`,
      ),
      refs.length ? h("p", { id: "referrals-opened", text: `Referrals opened: ${refs.map((x) => labelOf(x.kind)).join(", ")}.` }) : null,
      notice ? h("p", {}, h("a", { href: notice, target: "_blank", rel: "noopener", id: "notice-link", text: "Print refusal notice" })) : null,
      h("p", { class: "hint", text: `Movement ${d.movement_id || ""}. Scan the next document.` }),
    ]);
    say(`Decision recorded: ${labelOf(decision)}${refs.length ? `; referrals opened: ${refs.map((x) => labelOf(x.kind)).join(", ")}` : ""}.`);
    resetInspect(false);
    S.lastDecided = r; // a need raised now (asylum after a refusal) goes to it
  }

  /* ---- secondary queue -------------------------------------------------------- */
  function renderQueue(root) {
    let status = "open";
    const list = h("div", { class: "list", id: "queue", "aria-live": "polite" });
    const load = async () => {
      list.textContent = "";
      list.setAttribute("aria-busy", "true");
      try {
        await reference();
        const d = await api("GET", `/api/referrals?status=${status}`);
        const items = d.referrals || [];
        if (!items.length) list.append(h("p", { class: "hint", text: status === "open" ? "✔ The queue is empty." : `No ${status === "all" ? "" : "closed "}referrals.` }));
        for (const ref of items) list.append(referralCard(ref, (ref.status || status) === "open", load));
        say(`${items.length} ${status} referral${items.length === 1 ? "" : "s"}.`);
      } catch (e) {
        list.append(message("bad", `✖ The queue could not be loaded: ${e.message}`, { role: "alert" }));
      } finally {
        list.removeAttribute("aria-busy");
      }
    };
    const radios = ["open", "closed", "all"].map((s) => {
      const r = h("input", { type: "radio", name: "queue-status", value: s, checked: s === status });
      r.addEventListener("change", () => {
        status = s;
        load();
      });
      return check(labelOf(s), r);
    });
    const pending = h("div", { class: "list", id: "pending-dismissals", "aria-live": "polite" });
    const loadPending = async () => {
      pending.textContent = "";
      try {
        const d = await api("GET", "/api/dispositions?status=pending");
        const items = d.dispositions || [];
        if (!items.length) pending.append(h("p", { class: "hint", text: "✔ No dismissal awaits confirmation." }));
        for (const dp of items) pending.append(pendingCard(dp, loadPending));
      } catch (e) {
        pending.append(message("bad", `✖ The dismissals awaiting confirmation could not be loaded: ${e.message}`, { role: "alert" }));
      }
    };
    append(root, [
      h("h2", { text: "Secondary queue" }),
      h("div", { class: "toolbar" }, h("fieldset", {}, h("legend", { text: "Referrals" }), h("div", { class: "radios" }, radios)), button("Refresh", { key: "g", onclick: () => (load(), loadPending()) })),
      list,
      h("h3", { text: "Dismissals awaiting a second person" }),
      h("p", { class: "hint", text: "A dismissal of a sanctions or wanted-person hit clears later inspections only once a supervisor other than the one who made it confirms it." }),
      pending,
    ]);
    load();
    loadPending();
  }

  /* One dismissal awaiting confirmation: confirm or reject, with a reason. */
  function pendingCard(dp, reload) {
    const art = h("article", { class: "hit", "data-disposition": dp.id });
    const reason = h("input", { name: "review-reason", maxlength: 255 });
    const err = h("p", { class: "message bad", role: "alert", hidden: true });
    const send = async (decision) => {
      if (!reason.value.trim()) {
        err.hidden = false;
        err.textContent = "✖ Give a reason for the record.";
        reason.focus();
        return;
      }
      try {
        await api("POST", `/api/dispositions/${encodeURIComponent(dp.id)}/review`, { decision, reason: reason.value.trim() });
        say(`Dismissal ${decision === "confirm" ? "confirmed" : "rejected"}.`);
        reload();
      } catch (e) {
        err.hidden = false;
        err.textContent = `✖ ${e.message}`;
      }
    };
    append(art, [
      h("h4", { text: `⚠ ${dp.entry} — score ${typeof dp.score === "number" ? dp.score.toFixed(2) : "?"}` }),
      h("p", { class: "meta", text: `${dp.traveller_key} · dismissed by ${dp.by} (${dp.role}) ${when(dp.at)}: ${dp.reason}` }),
      field("Reason (confirm or reject this dismissal)", reason),
      h(
        "div",
        { class: "buttons" },
        button("✔ Confirm the dismissal", { onclick: () => send("confirm") }),
        button("✖ Reject: it stays a hit", { onclick: () => send("reject") }),
      ),
      err,
    ]);
    return art;
  }

  function referralCard(ref, open, reload) {
    const t = ref.traveller || (ref.findings && ref.findings.traveller) || {};
    const m = ref.movement || {};
    const name = `${t.surname || ""}${t.given_names ? `, ${t.given_names}` : ""}`;
    const titleId = nextId("ref");
    const art = h("article", { class: "referral", "aria-labelledby": titleId, "data-referral": ref.id, "data-kind": ref.kind });
    const head = h("header", {});
    art.append(head);
    head.append(
      h("h3", { id: titleId }, `${ref.kind === "child_protection" || ref.kind === "asylum" || ref.kind === "trafficking" ? "⚑ " : "⚠ "}${labelOf(ref.kind)} — ${name || "unknown traveller"}`),
      h(
        "p",
        { class: "meta hint" },
        [
          t.nationality ? `nationality ${t.nationality}` : null,
          t.birth ? `born ${t.birth}` : null,
          ref.opened_at ? `opened ${when(ref.opened_at)}` : null,
          m.bcp ? `at ${m.bcp}` : null,
          m.direction ? labelOf(m.direction) : null,
          m.decision_note || m.note ? `note: ${m.decision_note || m.note}` : null,
        ]
          .filter(Boolean)
          .join(" · "),
      ),
    );
    const findings = h("section", { class: "findings", "aria-label": "Primary inspection findings" }, h("h4", { text: "Primary inspection findings" }));
    if (ref.findings) findings.append(scopeIds(renderResult(ref.findings, { decide: false }), `${titleId}-`));
    else findings.append(h("p", { class: "hint", text: "Not recorded with this referral." }));
    art.append(findings);
    if (open) art.append(outcomeForm(ref, reload));
    else
      art.append(
        h("p", { class: "disposition" }, `Closed${ref.closed_at ? ` ${when(ref.closed_at)}` : ""}${ref.outcome || m.decision ? `: ${labelOf(ref.outcome || m.decision)}` : ""}${ref.note ? ` — ${ref.note}` : ""}`),
      );
    return art;
  }

  function outcomeForm(ref, reload) {
    const rf = S.reference || {};
    const t = Object.assign({}, ref.traveller, ref.findings && ref.findings.traveller);
    const form = h("form", { class: "card outcome", "aria-label": "Outcome of the secondary inspection" });
    const slot = h("div", {});
    const err = h("div", {});
    const outcomes = [
      ["admitted", "✔ Admitted"],
      ["refused", "✖ Refused"],
      ["referred_onward", "→ Referred onward"],
    ];
    const refusable = !(ref.findings && ref.findings.decisions && ref.findings.decisions.refuse && !ref.findings.decisions.refuse.allowed);
    /* protection follows the person until the competent authority's outcome is recorded */
    const protective = ref.kind === "asylum" || ref.kind === "child_protection" || ref.kind === "trafficking";
    const radios = outcomes.map(([v, label]) => {
      const r = h("input", { type: "radio", name: "outcome", value: v, required: true, disabled: v === "refused" && !refusable });
      r.addEventListener("change", () => fill(v));
      return check(label, r);
    });
    const fill = (v) => {
      slot.textContent = "";
      if (v === "admitted")
        append(slot, [
          field("Entry type", h("input", { name: "entry_type", value: "visa-free", class: "short" }), { inline: true }),
          field("Permitted days", h("input", { name: "permitted_days", type: "number", min: 1, value: "90", class: "short" }), { inline: true }),
        ]);
      else if (v === "refused") {
        append(slot, [
          h("fieldset", { class: "grounds" }, h("legend", { text: "Grounds" }), (rf.grounds || []).map((g) => check([h("b", { text: g.code }), g.text], h("input", { type: "checkbox", name: "grounds", value: g.code })))),
          field("Explanation", h("textarea", { name: "explanation", rows: 2 })),
          h("fieldset", {}, h("legend", { text: "Language of the notice" }), h("div", { class: "radios" }, (rf.languages || [{ code: "en", name: "English" }]).map((l, i) => check(l.name, h("input", { type: "radio", name: "language", value: l.code, checked: i === 0 }))))),
          t.minor
            ? h("p", { class: "why", text: "✖ A minor is never held pending return." })
            : check("Held pending return", h("input", { type: "checkbox", name: "held_pending_return" })),
        ]);
        if (t.minor)
          slot.append(
            field(
              "A minor: the alternative arranged",
              h("select", { name: "minor_alternative", required: true }, h("option", { value: "", text: "— choose —" }), (rf.minor_alternatives || []).map((a) => h("option", { value: a, text: labelOf(a) }))),
            ),
          );
      }
    };
    append(form, [
      h("fieldset", {}, h("legend", { text: "Outcome" }), h("div", { class: "radios" }, radios), !refusable ? h("p", { class: "why", text: `✖ Refusal is not possible: ${ref.findings.decisions.refuse.why}` }) : null),
      slot,
      protective
        ? field("The competent authority's recorded outcome", h("input", { name: "authority_outcome", required: true, maxlength: 256 }), {
            hint: "(e.g. the asylum office's case number and decision; until it is recorded the person stays protected)",
          })
        : null,
      field(protective ? "Reason" : "Note", h("textarea", { name: "note", rows: 2, maxlength: 500, required: protective }), { hint: protective ? "(why the referral is closed)" : "(referred onward: to whom)" }),
      err,
      h("div", { class: "buttons" }, button("Record outcome", { type: "submit", class: "primary" })),
    ]);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      err.textContent = "";
      const chosen = form.querySelector('input[name="outcome"]:checked');
      if (!chosen) {
        err.append(message("bad", "✖ Choose an outcome.", { role: "alert" }));
        return;
      }
      const body = { outcome: chosen.value };
      const val = (n) => (form[n] && form[n].value ? form[n].value.trim() : "");
      if (chosen.value === "referred_onward" && !val("note")) {
        err.append(message("bad", "✖ Say in the note to whom the traveller is referred.", { role: "alert" }));
        form.note.focus();
        return;
      }
      if (protective && (!val("authority_outcome") || !val("note"))) {
        err.append(message("bad", "✖ Record the competent authority's outcome and the reason for closing.", { role: "alert" }));
        (val("authority_outcome") ? form.note : form.authority_outcome).focus();
        return;
      }
      if (val("note")) body.note = val("note");
      if (val("authority_outcome")) body.authority_outcome = val("authority_outcome");
      if (chosen.value === "admitted") {
        if (val("entry_type")) body.entry_type = val("entry_type");
        if (val("permitted_days")) body.permitted_days = Number(val("permitted_days"));
      } else if (chosen.value === "refused") {
        body.grounds = [...form.querySelectorAll('input[name="grounds"]:checked')].map((c) => c.value).join("");
        body.explanation = val("explanation");
        const l = form.querySelector('input[name="language"]:checked');
        body.language = l ? l.value : "en";
        body.held_pending_return = !!(form.held_pending_return && form.held_pending_return.checked);
        if (form.minor_alternative) body.minor_alternative = form.minor_alternative.value;
      }
      try {
        const d = await api("POST", `/api/referrals/${encodeURIComponent(ref.id)}/outcome`, body);
        say(`Referral closed: ${labelOf(chosen.value)}.`);
        const art = form.closest("article");
        art.textContent = "";
        const notice = d && d.notice;
        append(art, [
          h("p", { class: "message ok", id: "outcome-recorded", role: "status" }, `✔ Closed: ${labelOf(chosen.value)} — ${labelOf(ref.kind)} referral.`),
          notice ? h("a", { href: notice, target: "_blank", rel: "noopener", text: "Print refusal notice" }) : null,
          button("Back to the queue", { onclick: reload }),
        ]);
        art.querySelector("button").focus();
      } catch (e) {
        err.append(message("bad", `${e.code === "E_SAFEGUARD" ? "✖ NOT ALLOWED — " : "✖ "}${e.message}`, { role: "alert", big: e.code === "E_SAFEGUARD" }));
      }
    });
    return form;
  }

  /* ---- travellers ------------------------------------------------------------ */
  function renderTravellers(root) {
    const results = h("div", { id: "traveller-results", "aria-live": "polite" });
    const detail = h("div", { id: "traveller-detail" });
    const byDoc = h("form", { class: "card toolbar", "aria-label": "Search by document" });
    const state = h("input", { name: "state", class: "short", maxlength: 3, spellcheck: "false" });
    const number = h("input", { name: "number", spellcheck: "false", maxlength: 20 });
    append(byDoc, [
      field("Issuing state", state),
      field("Document number", number),
      button("Search by document", { type: "submit", class: "primary", key: "s" }),
    ]);
    const byName = h("form", { class: "card toolbar", "aria-label": "Search by name and date of birth" });
    const surname = h("input", { name: "surname", spellcheck: "false", maxlength: 96 });
    const given = h("input", { name: "given_names", spellcheck: "false", maxlength: 96 });
    const birth = h("input", { name: "birth", type: "date" });
    append(byName, [
      field("Surname", surname),
      field("Given names", given),
      field("Date of birth", birth),
      button("Search by name", { type: "submit", key: "n" }),
    ]);
    const search = async (qs) => {
      results.textContent = "";
      detail.textContent = "";
      try {
        const d = await api("GET", `/api/travellers?${qs}`);
        const list = d.travellers || [];
        if (!list.length) {
          results.append(h("p", { class: "hint", text: "No traveller found." }));
          return;
        }
        results.append(
          h(
            "table",
            { id: "travellers-table" },
            h("caption", { text: `${list.length} found` }),
            h("thead", {}, h("tr", {}, ["Name", "Born", "Sex", "Nationality", "Found by", ""].map((x) => h("th", { scope: "col", text: x })))),
            h(
              "tbody",
              {},
              list.map((t) =>
                h(
                  "tr",
                  {},
                  h("td", { text: `${t.surname || ""}${t.given_names ? `, ${t.given_names}` : ""}` }),
                  h("td", { text: t.birth || "" }),
                  h("td", { text: t.sex || "" }),
                  h("td", { text: t.nationality || "" }),
                  h("td", { text: t.score === undefined ? "document" : `${Math.round(t.score * 100)}% — ${t.reasons}` }),
                  h("td", {}, button("Open", { onclick: () => openTraveller(t.id, detail) })),
                ),
              ),
            ),
          ),
        );
        say(`${list.length} traveller${list.length === 1 ? "" : "s"} found.`);
      } catch (e) {
        results.append(message("bad", `✖ ${e.message}`, { role: "alert" }));
      }
    };
    byDoc.addEventListener("submit", (ev) => {
      ev.preventDefault();
      search(`document=${encodeURIComponent(`${state.value.trim().toUpperCase()}:${number.value.trim().toUpperCase()}`)}`);
    });
    byName.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const q = new URLSearchParams({ surname: surname.value.trim(), given_names: given.value.trim(), birth: birth.value });
      search(q.toString());
    });
    append(root, [h("h2", { text: "Traveller search and history" }), h("div", { class: "columns" }, byDoc, byName), results, detail]);
    state.focus();
  }

  async function openTraveller(id, slot) {
    slot.textContent = "";
    try {
      const d = await api("GET", `/api/travellers/${encodeURIComponent(id)}`);
      const t = d.traveller || d;
      const docs = d.documents || [];
      append(slot, [
        h("h3", { tabindex: "-1", id: "traveller-title", text: `${t.surname || ""}${t.given_names ? `, ${t.given_names}` : ""}` }),
        h(
          "dl",
          { class: "facts" },
          [
            ["Born", t.birth],
            ["Sex", t.sex],
            ["Nationality", t.nationality],
            ["Person", t.person_id],
          ].map(([k, v]) => [h("dt", { text: k }), h("dd", { text: v || "—" })]),
        ),
        h("h4", { text: "Documents" }),
        docs.length
          ? h(
              "table",
              {},
              h("thead", {}, h("tr", {}, ["Type", "State", "Number", "Expires"].map((x) => h("th", { scope: "col", text: x })))),
              h("tbody", {}, docs.map((x) => h("tr", {}, h("td", { text: x.type || "" }), h("td", { text: x.issuing_state || x.state || "" }), h("td", { class: "value", text: x.number || "" }), h("td", { text: x.expiry || "" })))),
            )
          : h("p", { class: "hint", text: "None recorded." }),
        h("h4", { text: "Movements" }),
        movementsTable(d.movements, "traveller-movements"),
        stayBlock({ stay: d.status || d.stay_status || null }),
        h("h4", { text: "Stays" }),
        (d.stays || []).length
          ? h(
              "table",
              {},
              h("thead", {}, h("tr", {}, ["Entered", "Left", "Permitted until"].map((x) => h("th", { scope: "col", text: x })))),
              h("tbody", {}, d.stays.map((x) => h("tr", {}, h("td", { text: date(x.entry_date) }), h("td", { text: date(x.exit_date) || "— (not left)" }), h("td", { text: date(x.permitted_until) })))),
            )
          : h("p", { class: "hint", text: "None recorded." }),
      ]);
      $("#traveller-title").focus();
    } catch (e) {
      slot.append(message("bad", `✖ ${e.message}`, { role: "alert" }));
    }
  }

  /* ---- accounts (administrator) ---------------------------------------------- */
  function renderAccounts(root) {
    const list = h("div", { id: "accounts", "aria-live": "polite" });
    const err = h("div", {});
    const load = async () => {
      list.textContent = "";
      try {
        const d = await api("GET", "/api/accounts");
        const accounts = d.accounts || [];
        list.append(
          h(
            "table",
            { id: "accounts-table" },
            h("caption", { text: `${accounts.length} accounts` }),
            h("thead", {}, h("tr", {}, ["Username", "Name", "Role", "Crossing point", "May work at", "Status", "Actions"].map((x) => h("th", { scope: "col", text: x })))),
            h("tbody", {}, accounts.map((a) => accountRow(a, load))),
          ),
        );
      } catch (e) {
        list.append(message("bad", `✖ ${e.message}`, { role: "alert" }));
      }
    };
    const add = h("form", { class: "card", "aria-label": "Add an account", id: "account-add" });
    const roles = ["officer", "supervisor", "analyst", "administrator"];
    append(add, [
      h("h3", { text: "Add an account" }),
      field("Username", h("input", { name: "username", spellcheck: "false", maxlength: 64, required: true }), { inline: true }),
      field("Name", h("input", { name: "name", maxlength: 128, required: true }), { inline: true }),
      field("Role", h("select", { name: "role" }, roles.map((r) => h("option", { value: r, text: labelOf(r) }))), { inline: true }),
      field("Crossing point", h("input", { name: "default_bcp", class: "short", maxlength: 16 }), { inline: true }),
      field("May work at", h("input", { name: "bcps", spellcheck: "false", maxlength: 255 }), { inline: true, hint: "(codes such as AMA,UTP, or * for all; empty: the crossing point above)" }),
      field("Password", h("input", { name: "password", type: "password", autocomplete: "new-password", required: true, minlength: 12 }), { inline: true, hint: "(12 characters or more)" }),
      err,
      h("div", { class: "buttons" }, button("Add account", { type: "submit", class: "primary" })),
    ]);
    add.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      err.textContent = "";
      const body = {
        username: add.username.value.trim(),
        name: add.name.value.trim(),
        role: add.role.value,
        password: add.password.value,
      };
      if (add.default_bcp.value.trim()) body.default_bcp = add.default_bcp.value.trim().toUpperCase();
      if (add.bcps.value.trim()) body.bcps = add.bcps.value.replace(/\s+/g, "").toUpperCase();
      try {
        await api("POST", "/api/accounts", body);
        say(`Account ${body.username} added.`);
        add.reset();
        load();
      } catch (e) {
        err.append(message("bad", `✖ ${e.message}`, { role: "alert" }));
      } finally {
        add.password.value = "";
      }
    });
    append(root, [h("h2", { text: "Accounts" }), list, add, lockoutsPanel()]);
    load();
  }

  /* Logins refused after failures (GET /api/lockouts), each with an
   * unlock (POST /api/lockouts/clear). */
  function lockoutsPanel() {
    const box = h("section", { id: "lockouts", class: "card", "aria-live": "polite" });
    const load = async () => {
      box.textContent = "";
      box.append(h("h3", { text: "Locked logins" }));
      try {
        const d = await api("GET", "/api/lockouts");
        const list = d.lockouts || [];
        if (!list.length) {
          box.append(h("p", { id: "lockouts-none", text: "No login is locked." }));
          return;
        }
        const row = (l) => {
          const what = l.username && l.client ? `${l.username} from ${l.client}` : l.username ? `${l.username} (from many addresses)` : `every login from ${l.client}`;
          const unlock = button("Unlock", {
            onclick: async () => {
              try {
                const body = {};
                if (l.username) body.username = l.username;
                if (l.client) body.client = l.client;
                await api("POST", "/api/lockouts/clear", body);
                say(`Unlocked: ${what}.`);
                load();
              } catch (e) {
                box.append(message("bad", `✖ ${e.message}`, { role: "alert" }));
              }
            },
          });
          unlock.setAttribute("aria-label", `Unlock ${what}`);
          return h("tr", { "data-lockout": what }, h("td", { text: what }), h("td", { text: String(l.failures) }), h("td", { text: when(l.until) }), h("td", {}, unlock));
        };
        box.append(
          h(
            "table",
            { id: "lockouts-table" },
            h("caption", { text: `${list.length} locked` }),
            h("thead", {}, h("tr", {}, ["Who", "Failed logins", "Until at the latest", "Actions"].map((x) => h("th", { scope: "col", text: x })))),
            h("tbody", {}, list.map(row)),
          ),
        );
      } catch (e) {
        box.append(message("bad", `✖ ${e.message}`, { role: "alert" }));
      }
    };
    load();
    return box;
  }

  function accountRow(a, reload) {
    const cell = h("td", {});
    const out = h("div", {});
    const update = async (body, done) => {
      out.textContent = "";
      try {
        await api("POST", `/api/accounts/${encodeURIComponent(a.username)}`, body);
        say(done);
        reload();
      } catch (e) {
        out.append(message("bad", `✖ ${e.message}`, { role: "alert" }));
      }
    };
    const reset = () => {
      out.textContent = "";
      const pw = h("input", { type: "password", name: "password", autocomplete: "new-password", minlength: 12 });
      const f = h("form", {}, field(`New password for ${a.username}`, pw), button("Set password", { type: "submit" }));
      f.addEventListener("submit", (ev) => {
        ev.preventDefault();
        const v = pw.value;
        pw.value = "";
        update({ password: v }, `Password of ${a.username} reset.`);
      });
      out.append(f);
      pw.focus();
    };
    const places = () => {
      out.textContent = "";
      const inp = h("input", { name: "bcps", value: a.bcps || "", spellcheck: "false", maxlength: 255 });
      const f = h("form", {}, field(`Where ${a.username} may work (AMA,UTP or *)`, inp), button("Save", { type: "submit" }));
      f.addEventListener("submit", (ev) => {
        ev.preventDefault();
        update({ bcps: inp.value.replace(/\s+/g, "").toUpperCase() }, `${a.username} may work at ${inp.value}; their sessions ended.`);
      });
      out.append(f);
      inp.focus();
    };
    append(cell, [
      h(
        "div",
        { class: "buttons" },
        a.disabled
          ? button("Enable", { onclick: () => update({ disabled: false }, `${a.username} enabled.`) })
          : button("Disable", { onclick: () => update({ disabled: true }, `${a.username} disabled.`) }),
        button("Reset password", { onclick: reset }),
        button("Crossing points", { onclick: places }),
      ),
      out,
    ]);
    return h(
      "tr",
      { "data-account": a.username },
      h("td", { text: a.username }),
      h("td", { text: a.name || "" }),
      h("td", { text: labelOf(a.role) }),
      h("td", { text: a.default_bcp || "" }),
      h("td", { text: a.bcps === "*" ? "every crossing point" : a.bcps || "" }),
      h("td", {}, h("span", { class: `verdict ${a.disabled ? "bad" : "ok"}`, text: a.disabled ? "✖ DISABLED" : "✔ ACTIVE" })),
      cell,
    );
  }

  /* ---- start ------------------------------------------------------------------ */
  async function boot() {
    $("#login-form").addEventListener("submit", onLogin);
    try {
      const s = await api("GET", "/api/session");
      if (s && s.csrf) {
        startSession(s);
        return;
      }
      // the cookie is still good, but the write token was only in the
      // memory of the page that was reloaded: ask for the password again
      if (s && s.username) {
        $("#login-username").value = s.username;
        if (s.bcp) $("#login-bcp").value = s.bcp;
        if (s.desk) $("#login-desk").value = s.desk;
        showLogin("The page was reloaded: enter your password again to continue.");
        return;
      }
    } catch (e) {
      /* no session: log in */
    }
    showLogin("");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
