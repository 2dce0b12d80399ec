#!/usr/bin/env node
/* The officer console in a real browser: Debian's Chromium, headless,
 * driven by playwright-core (pinned by package-lock.json, installed with
 * `npm ci` into the build tree), against `bmis serve` on a throwaway
 * SQLite store made with the `bmis` command itself.
 *
 *   node run.js --bmis PATH/TO/bmis --work BUILD_DIR/tests/browser
 *
 * Scenarios: (a) log in; (b) a valid passport admitted; (c) a listed
 * person's hit and its explanation; (d) an asylum request the console
 * will not let be refused (and the API answers 422 when forced); (e) an
 * unaccompanied minor referred to child protection; (f) a supervisor
 * closing that referral in the secondary queue; (g) an expired passport
 * refused and its notice opened; (h) traveller search and history; (i) an
 * idle session timed out: the password asked again in a dialog over the
 * screen kept as it was, and the decision sent again; (j) a locked login
 * listed on the administrator's accounts screen and unlocked; (l) a
 * sanctions hit dismissed by an officer, still a hit until a supervisor
 * confirms the dismissal in the queue; (k) asylum asked after the scan and
 * after a refusal (the order of clicks). A
 * screenshot of each screen goes to WORK/screenshots/. The server is stopped and the
 * temporary folder removed at the end, also on failure.
 *
 * Without chromium (or npm) it prints SKIP and exits 77, unless CI=true:
 * then it fails. */
"use strict";

const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const SKIP = 77;
const here = __dirname;
const PASSWORD = "correct horse battery staple";
const STATE = "KEN";
const BCP = "NBO";
const inCI = /^(1|true|yes)$/i.test(process.env.CI || "");

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const bmis = path.resolve(arg("--bmis", ""));
const work = path.resolve(arg("--work", path.join(process.cwd(), "browser-work")));
const shots = path.join(work, "screenshots");
const only = arg("--only", ""); // e.g. "a,b": run only those scenarios

function log(...a) {
  console.log(...a);
}
function skipOrFail(why) {
  if (inCI) {
    console.error(`FAIL: ${why} (CI=true: the browser tests may not be skipped)`);
    process.exit(1);
  }
  console.log(`SKIP: ${why}`);
  process.exit(SKIP);
}
function which(cmd) {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/* ---- cleanup, whatever happens ------------------------------------------ */
const cleanups = [];
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const f of cleanups.reverse()) {
    try {
      await f();
    } catch (e) {
      console.error(`cleanup: ${e.message}`);
    }
  }
}
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"])
  process.on(sig, () => {
    console.error(`run.js: ${sig}: stopping`);
    cleanup().finally(() => process.exit(1));
  });

/* ---- playwright-core from the lock file, into the build tree ------------ */
function installPlaywright() {
  if (!which("npm")) skipOrFail("npm is not installed (scripts/deps.sh installs it)");
  const dir = path.join(work, "npm");
  fs.mkdirSync(dir, { recursive: true });
  const lock = fs.readFileSync(path.join(here, "package-lock.json"));
  const stamp = path.join(dir, "node_modules", ".openbmis-lock");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp).equals(lock)) return dir;
  for (const f of ["package.json", "package-lock.json", ".npmrc"])
    fs.copyFileSync(path.join(here, f), path.join(dir, f));
  log("run.js: npm ci (playwright-core, as package-lock.json pins it)");
  const r = spawnSync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], {
    cwd: dir,
    stdio: "inherit",
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
  });
  if (r.status !== 0) throw new Error("npm ci failed");
  fs.writeFileSync(stamp, lock);
  return dir;
}

/* ---- the store and the server ------------------------------------------ */
function run(args, input) {
  const r = spawnSync(bmis, args, { input: input || "", encoding: "utf8" });
  if (r.status !== 0)
    throw new Error(`bmis ${args.join(" ")}: exit ${r.status}\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

function makeStore(tmp) {
  const store = path.join(tmp, "bmis.db");
  const s = ["--store", store];
  run(["db", "init", "--state", STATE, ...s]);
  run(["bcp", "add", BCP, "--name", "Jomo Kenyatta International Airport", "--kind", "air", "--tz", "Africa/Nairobi", ...s]);
  for (const [user, role, name] of [
    ["officer", "officer", "Wanjiru Officer"],
    ["supervisor", "supervisor", "Otieno Supervisor"],
    ["admin", "administrator", "Achieng Administrator"],
  ])
    run(["user", "add", user, "--role", role, "--name", name, "--bcp", BCP, ...s], `${PASSWORD}\n`);
  // a national list with a known person (Ivan Petrovich SIDOROV, 1961-04-12)
  run([
    "watchlist",
    "import",
    "national",
    path.join(here, "..", "data", "watchlists", "national_sample.csv"),
    "--category",
    "national_alert",
    ...s,
  ]);
  // a sanctions list: a dismissal of its hits needs a second person
  const un = path.join(tmp, "un.csv");
  fs.writeFileSync(
    un,
    "kind,ref,name,aliases,weak_aliases,original_script_names,birth,nationality,sex,birth_place,birth_country,documents,doc_state,doc_number,doc_type,doc_status,reported,remarks\n" +
      "person,QDi.900,Oleg NAZAROV,,,,1958-02-03,RUS,M,,,,,,,,,\n",
  );
  run(["watchlist", "import", "un", un, "--category", "sanctions", ...s]);
  return store;
}

/* `bmis serve` on a port it picks, under a shell that stops it when this
 * process's end of the pipe closes (even if this process is killed). */
function startServer(store, extra) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "sh",
      ["-c", '"$@" </dev/null & pid=$!; read _ignored; kill -TERM $pid 2>/dev/null; wait $pid', "sh", bmis, "serve", "--store", store, "--listen", "127.0.0.1:0", "--threads", "2", ...(extra || [])],
      { stdio: ["pipe", "pipe", "pipe"] },
    );
    let out = "";
    let settled = false;
    const timer = setTimeout(() => {
      if (!settled) {
        settled = true;
        reject(new Error(`bmis serve did not start: ${out}`));
      }
    }, 15000);
    const onData = (d) => {
      out += d.toString();
      const m = out.match(/serving (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, base: m[1] });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (d) => {
      out += d.toString();
      if (process.env.BMIS_BROWSER_VERBOSE) process.stderr.write(d);
    });
    child.on("exit", (code) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(new Error(`bmis serve exited (${code}): ${out}`));
      }
    });
  });
}
function stopServer(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const t = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, 12000);
    child.on("exit", () => {
      clearTimeout(t);
      resolve();
    });
    child.stdin.end();
  });
}

function mrz(fields) {
  const a = ["doc", "make", "--type", fields.type || "TD3"];
  for (const k of ["surname", "given", "number", "nationality", "birth", "sex", "expiry", "issuer"])
    if (fields[k]) a.push(`--${k}`, fields[k]);
  return run(a)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

/* ---- helpers on the page ------------------------------------------------ */
function assert(cond, what) {
  if (!cond) throw new Error(`assertion failed: ${what}`);
}

/* Every control on screen has a label (or an aria-label). */
async function expectLabelled(page, where) {
  const bare = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea")]
      .filter((e) => e.type !== "hidden" && e.offsetParent !== null && !e.labels.length && !e.getAttribute("aria-label"))
      .map((e) => e.name || e.id || e.outerHTML.slice(0, 60)),
  );
  assert(bare.length === 0, `unlabelled controls on ${where}: ${bare.join(", ")}`);
}

async function shot(page, name) {
  const file = path.join(shots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  log(`  screenshot: ${path.relative(process.cwd(), file)}`);
}

/* A page with watchers: nothing may be fetched from elsewhere, and the
 * Content-Security-Policy must never have to block anything. */
async function newPage(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.problems = [];
  page.on("request", (rq) => {
    if (!rq.url().startsWith(base) && !rq.url().startsWith("data:")) page.problems.push(`request to elsewhere: ${rq.url()}`);
  });
  page.on("console", (m) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) page.problems.push(`CSP: ${m.text()}`);
    if (m.type() === "error" && !/Failed to load resource/.test(m.text())) page.problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => page.problems.push(`page error: ${e.message}`));
  return { context, page };
}

async function login(page, base, user, opts) {
  const o = opts || {};
  await page.goto(`${base}/`);
  await page.locator("#login-username").fill(user);
  await page.locator("#login-password").fill(o.password || PASSWORD);
  await page.locator("#login-bcp").fill(BCP);
  await page.locator("#login-desk").fill(o.desk || "3");
  await page.locator("#login-password").press("Enter");
}

/* Types an MRZ as a keyboard-wedge scanner does: a line, Enter, a line,
 * Enter; the console submits by itself on the Enter that completes it. */
async function scan(page, lines) {
  const box = page.locator("#mrz");
  await box.focus();
  for (const line of lines) {
    await box.pressSequentially(line, { delay: 0 });
    await box.press("Enter");
  }
}

/* Waits for the inspection's result (or its failure, said at once);
 * returns the inspection's id. */
async function inspected(page) {
  await page.locator("#recommendation, #result .message.bad").first().waitFor({ timeout: 15000 });
  if (!(await page.locator("#recommendation").count()))
    throw new Error(`not inspected: ${await page.locator("#result .message.bad").innerText()}`);
  return page.locator("#result-title").getAttribute("data-inspection");
}

/* ---- scenarios ---------------------------------------------------------- */
const scenarios = [];
function scenario(key, title, fn, needs) {
  scenarios.push({ key, title, fn, needs: needs || [] });
}
const shared = {};

scenario("a", "log in (officer, supervisor and administrator see their own screens)", async (ctx) => {
  const { page } = await newPage(ctx.browser, ctx.base);
  // the page and its headers
  const resp = await page.goto(`${ctx.base}/`);
  assert(resp.status() === 200, "GET / is 200");
  assert(resp.headers()["content-security-policy"] === "default-src 'self'; frame-ancestors 'none'", "the CSP header");
  await page.locator("#login-username").waitFor();
  await expectLabelled(page, "the login screen");
  await shot(page, "a1-login");
  // a wrong password says so, in words
  await login(page, ctx.base, "officer", { password: "not the password at all" });
  await page.locator("#login-message.bad").waitFor();
  assert(/✖/.test(await page.locator("#login-message").innerText()), "a failed login is shown with a symbol");
  // the officer
  await login(page, ctx.base, "officer");
  await page.locator("#mrz").waitFor();
  const nav = await page.locator("#nav").innerText();
  assert(/Primary inspection/.test(nav) && /Travellers/.test(nav), `officer's screens: ${nav}`);
  assert(!/Secondary queue|Accounts/.test(nav), `officer sees no queue or accounts: ${nav}`);
  assert((await page.evaluate(() => document.activeElement && document.activeElement.id)) === "mrz", "the MRZ box has the focus");
  const who = await page.locator("#who").innerText();
  assert(who.includes("officer") && who.includes(BCP), `who: ${who}`);
  // the session is the HttpOnly cookie; nothing in storage
  const cookies = await page.context().cookies();
  const c = cookies.find((x) => x.name === "bmis_session");
  assert(c && c.httpOnly && c.sameSite === "Strict", "the session cookie is HttpOnly and SameSite=Strict");
  const stored = await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage));
  assert(stored === "{}{}", `nothing kept in web storage: ${stored}`);
  assert((await page.evaluate(() => document.cookie)) === "", "the cookie is out of the script's reach");
  await shot(page, "a2-officer-primary-inspection");
  // reloading resumes the session (GET /api/session)
  await page.reload();
  await page.locator("#mrz:visible, #login-password:visible").first().waitFor();
  assert(await page.locator("#mrz").isVisible(), "a reload resumes the session (GET /api/session)");
  // and can still write: the CSRF value came back with the session
  const wrote = await page.evaluate(async () => {
    const r = await fetch("/api/inspections", { method: "POST", body: "{}" });
    return r.status;
  });
  assert(wrote === 403, `a write without the CSRF value is refused (got ${wrote})`);
  // logging out
  await page.locator("#who button").click();
  await page.locator("#login-message").waitFor();
  assert(/logged out/.test(await page.locator("#login-message").innerText()), "logged out");
  // the logout (a write) after the reload really ended the session
  const after = await page.evaluate(async () => (await fetch("/api/session")).status);
  assert(after === 401, `the session ended at the server (GET /api/session: ${after})`);
  // the administrator's accounts screen (GET /api/accounts)
  await login(page, ctx.base, "admin");
  await page.locator("#accounts-table").waitFor();
  const adminNav = await page.locator("#nav").innerText();
  assert(/Accounts/.test(adminNav) && !/Primary inspection/.test(adminNav), `administrator's screens: ${adminNav}`);
  assert((await page.locator("#accounts-table tbody tr").count()) === 3, "three accounts listed");
  await expectLabelled(page, "the accounts screen");
  await shot(page, "a3-administrator-accounts");
  assert(page.problems.length === 0, page.problems.join("; "));
  await page.context().close();
});

scenario("b", "a valid passport, admitted", async (ctx) => {
  const { page } = await newPage(ctx.browser, ctx.base);
  await login(page, ctx.base, "officer");
  await page.locator("#mrz").waitFor();
  await scan(page, mrz({ surname: "MWANGI-SMITH", given: "GRACE", number: "P4366918", nationality: "GBR", birth: "1988-06-02", sex: "F", expiry: "2033-05-01" }));
  await inspected(page);
  const banner = await page.locator("#recommendation").innerText();
  assert(/✔ ADMIT/.test(banner), `recommendation: ${banner}`);
  assert((await page.locator("#doc-verdict").innerText()).includes("✔ VALID"), "document ✔ VALID");
  assert((await page.locator("#doc-fields tbody tr").count()) > 3, "field-by-field table");
  assert(!(await page.locator("#doc-fields").innerText()).includes("INVALID"), "no field invalid");
  await shot(page, "b1-valid-passport-result");
  await page.keyboard.press("Alt+A"); // the Admit button's access key
  await page.locator("#form-admit").waitFor();
  await page.locator("#card summary").click(); // the passenger card, open
  await expectLabelled(page, "the primary inspection with the admit form");
  await page.locator('#form-admit input[name="permitted_days"]').fill("30");
  await page.locator('#form-admit input[name="permitted_days"]').press("Enter");
  await page.locator("#recorded").waitFor();
  assert(/ADMITTED/.test(await page.locator("#recorded").innerText()), "recorded as admitted");
  assert((await page.evaluate(() => document.activeElement.id)) === "mrz", "focus back on the MRZ box");
  await shot(page, "b2-admitted");
  assert(page.problems.length === 0, page.problems.join("; "));
  await page.context().close();
});

scenario("c", "a listed person: the hit and its explanation", async (ctx) => {
  const { page } = await newPage(ctx.browser, ctx.base);
  await login(page, ctx.base, "officer");
  await page.locator("#mrz").waitFor();
  await scan(page, mrz({ surname: "SIDOROV", given: "IVAN PETROVICH", number: "720000001", nationality: "RUS", birth: "1961-04-12", sex: "M", expiry: "2031-01-01" }));
  await inspected(page);
  const banner = await page.locator("#recommendation").innerText();
  assert(/⚠ REFER/.test(banner), `recommendation: ${banner}`);
  const hit = page.locator("#hits article.hit").first();
  await hit.waitFor();
  assert(/⚠ HIT/.test(await hit.locator("h4").innerText()), "the hit is marked ⚠ HIT");
  assert(/SIDOROV/i.test(await hit.innerText()), "the listed name");
  const expl = await hit.locator("pre.explanation").innerText();
  assert(expl.trim().length > 20, `an explanation: ${expl}`);
  await shot(page, "c1-listed-person-hit");
  // the officer confirms the hit and refers
  await hit.locator('input[name="reason"]').fill("Photo and birth date match the listing");
  await hit.getByRole("button", { name: /Confirm/ }).click();
  await hit.locator(".disposition").waitFor();
  assert(/Confirmed/.test(await hit.locator(".disposition").innerText()), "disposition shown");
  await shot(page, "c2-hit-confirmed");
  // the same person again: the disposition is shown as an earlier one
  await page.keyboard.press("Alt+N");
  await scan(page, mrz({ surname: "SIDOROV", given: "IVAN PETROVICH", number: "720000001", nationality: "RUS", birth: "1961-04-12", sex: "M", expiry: "2031-01-01" }));
  await inspected(page);
  const again = await page.locator("#hits article.hit").first().locator(".disposition").innerText();
  assert(/Confirmed earlier by officer on \d{4}-\d\d-\d\d: Photo and birth date/.test(again), `earlier disposition: ${again}`);
  await shot(page, "c3-hit-confirmed-earlier");
  assert(page.problems.length === 0, page.problems.join("; "));
  await page.context().close();
});

scenario("d", "an asylum request cannot be refused", async (ctx) => {
  const { page } = await newPage(ctx.browser, ctx.base);
  await login(page, ctx.base, "officer");
  await page.locator("#mrz").waitFor();
  await page.locator("#asylum").check();
  await scan(page, mrz({ surname: "HADDAD", given: "YOUSSEF", number: "N01927364", nationality: "SYR", birth: "1990-02-17", sex: "M", expiry: "2028-09-30" }));
  const id = await inspected(page);
  const refuse = page.locator("#btn-refuse");
  assert(await refuse.isDisabled(), "Refuse is disabled");
  const why = await page.locator('[data-why="refuse"]').innerText();
  assert(/asylum/i.test(why), `the reason is shown in words: ${why}`);
  assert((await refuse.getAttribute("aria-describedby")) !== null, "the reason describes the button");
  await shot(page, "d1-asylum-refuse-disabled");
  // forced through the API: 422 E_SAFEGUARD
  const token = await bearer(ctx.base, "officer");
  const r = await fetch(`${ctx.base}/api/inspections/${id}/decision`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ decision: "refuse", grounds: "A", explanation: "forced", language: "en", held_pending_return: false }),
  });
  const body = await r.json();
  assert(r.status === 422 && body.error && body.error.code === "E_SAFEGUARD", `forced refusal: ${r.status} ${JSON.stringify(body)}`);
  // the console shows such an answer prominently: the same call from the page
  await page.evaluate(() => {
    const b = document.querySelector("#btn-refuse");
    b.disabled = false; // as a tampered page would
    b.click();
  });
  await page.locator("#form-refuse").waitFor();
  await page.locator('#form-refuse input[name="grounds"]').first().check();
  await page.locator('#form-refuse textarea[name="explanation"]').fill("forced from a tampered page");
  await page.locator("#form-refuse button[type=submit]").click();
  await page.locator("#decision-error .safeguard").waitFor();
  assert(/NOT ALLOWED/.test(await page.locator("#decision-error").innerText()), "E_SAFEGUARD shown prominently");
  await shot(page, "d2-asylum-safeguard-422");
  assert(page.problems.length === 0, page.problems.join("; "));
  await page.context().close();
});

scenario("e", "an unaccompanied minor: a child-protection referral", async (ctx) => {
  const { page } = await newPage(ctx.browser, ctx.base);
  await login(page, ctx.base, "officer");
  await page.locator("#mrz").waitFor();
  await page.locator("#unaccompanied").check();
  const year = new Date().getUTCFullYear() - 12;
  await scan(page, mrz({ surname: "NDAYISHIMIYE", given: "AMANI", number: "OP0044172", nationality: "BDI", birth: `${year}-03-08`, sex: "F", expiry: "2029-01-31" }));
  await inspected(page);
  assert(/minor/i.test(await page.locator("#traveller").innerText()), "shown as a minor");
  const prot = await page.locator("#protection-result").innerText();
  assert(/child/i.test(prot), `protection prompts: ${prot}`);
  await shot(page, "e1-unaccompanied-minor");
  await page.keyboard.press("Alt+R");
  await page.locator("#form-refer").waitFor();
  await page.locator('#form-refer textarea[name="note"]').fill("Travelling alone; no guardian at arrivals");
  await page.locator("#form-refer button[type=submit]").click();
  await page.locator("#recorded").waitFor();
  const opened = await page.locator("#referrals-opened").innerText();
  assert(/Child protection/i.test(opened), `referrals opened: ${opened}`);
  assert((await page.evaluate(() => document.activeElement.id)) === "mrz", "focus back on the MRZ box");
  await shot(page, "e2-child-protection-referral");
  shared.minor = "NDAYISHIMIYE";
  assert(page.problems.length === 0, page.problems.join("; "));
  await page.context().close();
});

scenario(
  "f",
  "a supervisor closes the referral in the secondary queue",
  async (ctx) => {
    const { page } = await newPage(ctx.browser, ctx.base);
    await login(page, ctx.base, "supervisor");
    await page.locator("#queue").waitFor();
    const card = page.locator('#queue article[data-kind="child_protection"]', { hasText: shared.minor });
    await card.first().waitFor({ timeout: 10000 });
    assert(/Primary inspection findings/.test(await card.first().innerText()), "the primary findings are shown");
    await expectLabelled(page, "the secondary queue");
    await shot(page, "f1-secondary-queue");
    await card.first().getByLabel(/Referred onward/).check();
    await card.first().locator('input[name="authority_outcome"]').fill("Child protection services: case CP-2026-118 opened, child placed with an aunt");
    await card.first().locator('textarea[name="note"]').fill("Handed to the child protection services officer on duty");
    await card.first().getByRole("button", { name: /Record outcome/ }).click();
    await page.locator("#outcome-recorded").waitFor();
    await shot(page, "f2-referral-closed");
    await page.getByRole("button", { name: /Back to the queue/ }).click();
    await page.locator("#queue").waitFor();
    await page.waitForTimeout(300);
    assert((await page.locator('#queue article[data-kind="child_protection"]', { hasText: shared.minor }).count()) === 0, "no longer in the open queue");
    assert(page.problems.length === 0, page.problems.join("; "));
    await page.context().close();
  },
  ["e"],
);

scenario("g", "an expired passport refused, and the notice printed in French", async (ctx) => {
  const { page, context } = await newPage(ctx.browser, ctx.base);
  await login(page, ctx.base, "officer");
  await page.locator("#mrz").waitFor();
  await scan(page, mrz({ surname: "DUPONT", given: "MARIE CLAIRE", number: "18FR42731", nationality: "FRA", birth: "1979-11-23", sex: "F", expiry: "2025-06-30" }));
  await inspected(page);
  assert((await page.locator("#doc-verdict").innerText()).includes("✖ INVALID"), "document ✖ INVALID");
  assert(/✖ INVALID/.test(await page.locator("#doc-fields").innerText()), "the expiry field marked ✖ INVALID");
  await shot(page, "g1-expired-passport");
  await page.keyboard.press("Alt+U");
  await page.locator("#form-refuse").waitFor();
  await expectLabelled(page, "the refusal form");
  await page.locator('#form-refuse input[name="grounds"][value="A"]').check();
  await page.locator('#form-refuse textarea[name="explanation"]').fill("Le passeport a expiré le 30 juin 2025.");
  await page.locator('#form-refuse input[name="language"][value="fr"]').check();
  await page.locator("#form-refuse button[type=submit]").click();
  await page.locator("#recorded").waitFor();
  assert(/REFUSED/.test(await page.locator("#recorded").innerText()), "recorded as refused");
  const link = page.locator("#notice-link");
  assert(/lang=fr/.test(await link.getAttribute("href")), "the notice in French");
  await shot(page, "g2-refused-notice-link");
  const [notice] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await notice.waitForLoadState();
  const text = await notice.locator("body").innerText();
  assert(/expiré/.test(text), `the notice holds the explanation: ${text.slice(0, 200)}`);
  await notice.setViewportSize({ width: 1366, height: 768 });
  await shot(notice, "g3-refusal-notice");
  assert(page.problems.length === 0, page.problems.join("; "));
  await context.close();
});

scenario(
  "h",
  "traveller search and history",
  async (ctx) => {
    const { page } = await newPage(ctx.browser, ctx.base);
    await login(page, ctx.base, "officer");
    await page.locator("#mrz").waitFor();
    await page.keyboard.press("Alt+T");
    await page.getByLabel("Issuing state").fill("GBR");
    await page.getByLabel("Document number").fill("P4366918");
    await page.getByLabel("Document number").press("Enter");
    await page.locator("#travellers-table").waitFor();
    await page.locator("#travellers-table").getByRole("button", { name: "Open" }).first().click();
    await page.locator("#traveller-movements").waitFor();
    const moves = await page.locator("#traveller-movements").innerText();
    assert(/Admitted/.test(moves), `the admission in the history: ${moves}`);
    await expectLabelled(page, "the traveller screen");
    await shot(page, "h1-traveller-history");
    // by name and date of birth: a spelling of the name the passport did not carry
    const byName = page.locator('form[aria-label="Search by name and date of birth"]');
    await byName.getByLabel("Surname").fill("Mwangi Smith");
    await byName.getByLabel("Given names").fill("Grace");
    await byName.getByLabel("Date of birth").fill("1988-06-02");
    await byName.getByLabel("Date of birth").press("Enter");
    await page.locator("#travellers-table").getByText(/% — surname/).first().waitFor();
    const found = await page.locator("#traveller-results").evaluate((e) => e.textContent);
    assert(/MWANGI.SMITH, GRACE/.test(found), `found by name and birth: ${found}`);
    await shot(page, "h2-traveller-found-by-name");
    assert(page.problems.length === 0, page.problems.join("; "));
    await page.context().close();
  },
  ["b"],
);

scenario("k", "asylum asked after the scan, and after a refusal: the order of clicks does not matter", async (ctx) => {
  const { page } = await newPage(ctx.browser, ctx.base);
  await login(page, ctx.base, "officer");
  await page.locator("#mrz").waitFor();
  // scan first; the traveller then asks for asylum and the officer ticks the box
  await scan(page, mrz({ surname: "RAHIMI", given: "FARID", number: "P77120045", nationality: "AFG", birth: "1993-04-21", sex: "M", expiry: "2030-01-31" }));
  await inspected(page);
  assert(!(await page.locator("#btn-refuse").isDisabled()), "Refuse is open before the need is raised");
  await page.locator("#asylum").check();
  await page.locator('#open-referrals, [data-why="refuse"]').first().waitFor();
  await page.waitForFunction(() => document.querySelector("#btn-refuse") && document.querySelector("#btn-refuse").disabled);
  assert(/asylum/i.test(await page.locator('[data-why="refuse"]').innerText()), "the reason is shown beside Refuse");
  await shot(page, "k1-asylum-raised-after-the-scan");
  // a second traveller refused; then asks for asylum before being returned
  await page.keyboard.press("Alt+N");
  await scan(page, mrz({ surname: "KHALIL", given: "SAMIR", number: "P55018823", nationality: "LBN", birth: "1985-09-09", sex: "M", expiry: "2031-05-31" }));
  await inspected(page);
  await page.keyboard.press("Alt+U");
  await page.locator("#form-refuse").waitFor();
  await page.locator('#form-refuse input[name="grounds"][value="C"]').check();
  await page.locator('#form-refuse textarea[name="explanation"]').fill("No valid visa.");
  await page.locator("#form-refuse button[type=submit]").click();
  await page.locator("#recorded").waitFor();
  await page.locator("#asylum").click(); // the console unticks it once sent
  await page.locator("#protection-raised").waitFor();
  const said = await page.locator("#protection-raised").innerText();
  assert(/refusal is now a referral/i.test(said), `the refusal turned: ${said}`);
  assert(/REFERRED/.test(await page.locator("#recorded").innerText()), "the banner says referred");
  assert((await page.locator("#notice-link").count()) === 0, "no refusal notice to print any more");
  assert(!(await page.locator("#asylum").isChecked()), "the box does not go with the next scan");
  await shot(page, "k2-asylum-after-refusal");
  assert(page.problems.length === 0, page.problems.join("; "));
  await page.context().close();
});

scenario("l", "a sanctions hit dismissed by an officer waits for a supervisor", async (ctx) => {
  const nazarov = mrz({ surname: "NAZAROV", given: "OLEG", number: "730000001", nationality: "RUS", birth: "1958-02-03", sex: "M", expiry: "2031-01-01" });
  const inspectAs = async (user) => {
    const { page } = await newPage(ctx.browser, ctx.base);
    await login(page, ctx.base, user);
    await page.locator("#mrz").waitFor();
    await scan(page, nazarov);
    await inspected(page);
    const hit = page.locator("#hits article.hit").first();
    await hit.waitFor();
    return { page, hit };
  };
  // the officer dismisses it: it is said to wait for a supervisor
  let { page, hit } = await inspectAs("officer");
  await hit.locator('input[name="reason"]').fill("Different person: photo and place of birth");
  await hit.getByRole("button", { name: /Dismiss/ }).click();
  await hit.locator(".disposition").waitFor();
  assert(/awaiting a supervisor's confirmation/.test(await hit.locator(".disposition").innerText()), "the dismissal awaits confirmation");
  await page.context().close();
  // inspected again: still a hit, and still a referral
  ({ page, hit } = await inspectAs("officer"));
  assert(/STILL A HIT/.test(await hit.locator(".disposition").innerText()), "still a hit");
  assert(/⚠ REFER/.test(await page.locator("#recommendation").innerText()), "still referred");
  await shot(page, "l1-dismissal-awaiting-confirmation");
  await page.context().close();
  // the supervisor confirms it in the queue
  ({ page } = await newPage(ctx.browser, ctx.base));
  await login(page, ctx.base, "supervisor");
  const card = page.locator('#pending-dismissals article', { hasText: "un/QDi.900" });
  await card.first().waitFor({ timeout: 10000 });
  assert(/dismissed by officer/.test(await card.first().innerText()), "who dismissed it");
  await card.first().scrollIntoViewIfNeeded();
  await expectLabelled(page, "the secondary queue with a pending dismissal");
  await shot(page, "l2-pending-dismissal");
  await card.first().locator('input[name="review-reason"]').fill("Checked the file: not the listed person");
  await card.first().getByRole("button", { name: /Confirm the dismissal/ }).click();
  await page.locator("#pending-dismissals", { hasText: "No dismissal awaits confirmation" }).waitFor();
  assert(page.problems.length === 0, page.problems.join("; "));
  await page.context().close();
  // now it clears later inspections
  ({ page, hit } = await inspectAs("officer"));
  const text = await hit.locator(".disposition").innerText();
  assert(/Cleared/.test(text) && /confirmed by supervisor/.test(text), `cleared: ${text}`);
  assert(/✔ ADMIT/.test(await page.locator("#recommendation").innerText()), "admission recommended");
  assert(page.problems.length === 0, page.problems.join("; "));
  await page.context().close();
});

scenario("i", "an idle session times out: the password again, the screen kept, the decision sent again", async (ctx) => {
  // a server of its own whose sessions end after 3 s idle
  const idle = await startServer(ctx.store, ["--idle-timeout", "3s"]);
  try {
    const { page } = await newPage(ctx.browser, idle.base);
    await login(page, idle.base, "officer");
    await page.locator("#mrz").waitFor();
    await scan(page, mrz({ surname: "KIMARO", given: "BRIAN", number: "TZ9911002", nationality: "TZA", birth: "1990-02-14", sex: "M", expiry: "2032-03-01" }));
    const id = await inspected(page);
    await page.keyboard.press("Alt+A");
    await page.locator("#form-admit").waitFor();
    await page.locator('#form-admit input[name="permitted_days"]').fill("30");
    await page.waitForTimeout(4500); // the officer steps away
    await page.locator('#form-admit input[name="permitted_days"]').press("Enter");
    await page.locator("#reauth").waitFor();
    assert(/Session timed out/.test(await page.locator("#reauth").innerText()), "the dialog says why");
    // the screen behind is as it was: the same inspection, the form filled
    assert((await page.locator("#result-title").getAttribute("data-inspection")) === id, "the inspection stays on screen");
    assert((await page.locator('#form-admit input[name="permitted_days"]').inputValue()) === "30", "the form keeps what was typed");
    await expectLabelled(page, "the password dialog");
    await shot(page, "i1-session-timed-out");
    // a wrong password is said in the dialog, which stays
    await page.locator("#reauth-password").fill("not the password at all");
    await page.locator("#reauth-password").press("Enter");
    await page.locator("#reauth-message .bad").waitFor();
    await page.locator("#reauth-password").fill(PASSWORD);
    await page.locator("#reauth-password").press("Enter");
    await page.locator("#recorded").waitFor();
    assert(/ADMITTED/.test(await page.locator("#recorded").innerText()), "the decision, sent again, is recorded");
    assert((await page.locator("#reauth").count()) === 0, "the dialog is gone");
    assert(/officer/.test(await page.locator("#who").innerText()), "still the officer's session, at the same post");
    await shot(page, "i2-decision-sent-again");
    assert(page.problems.filter((p) => !/401/.test(p)).length === 0, page.problems.join("; "));
    await page.context().close();
  } finally {
    await stopServer(idle.child);
  }
});

scenario("j", "a locked login, listed and unlocked by the administrator", async (ctx) => {
  for (let i = 0; i < 5; i++)
    await fetch(`${ctx.base}/api/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "ghost", password: "a guess at a password" }),
    });
  const { page } = await newPage(ctx.browser, ctx.base);
  await login(page, ctx.base, "admin");
  await page.locator("#lockouts-table").waitFor();
  const row = page.locator('#lockouts-table tr[data-lockout="ghost from 127.0.0.1"]');
  assert((await row.count()) === 1, `the lockout listed: ${await page.locator("#lockouts").innerText()}`);
  assert(/5/.test(await row.innerText()), "with its failed logins");
  await expectLabelled(page, "the accounts screen with its lockouts");
  await shot(page, "j1-lockouts");
  await row.locator("button").click();
  await page.locator("#lockouts-none").waitFor();
  const after = await fetch(`${ctx.base}/api/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: "ghost", password: "a guess at a password" }),
  });
  assert(after.status === 401, `unlocked: a guess is checked again (${after.status})`);
  assert(page.problems.length === 0, page.problems.join("; "));
  await page.context().close();
});

async function bearer(base, user) {
  const r = await fetch(`${base}/api/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: user, password: PASSWORD, bcp: BCP, desk: "api" }),
  });
  const j = await r.json();
  if (!j.token) throw new Error(`login ${user}: ${JSON.stringify(j)}`);
  return j.token;
}

/* ---- main ---------------------------------------------------------------- */
async function main() {
  if (!fs.existsSync(bmis)) throw new Error(`--bmis: no such program: ${bmis}`);
  const chromium = which("chromium");
  if (!chromium) skipOrFail("chromium is not installed (scripts/deps.sh installs Debian's)");
  const npmDir = installPlaywright();
  const { chromium: pw } = require(path.join(npmDir, "node_modules", "playwright-core"));

  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bmis-browser-"));
  cleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const store = makeStore(tmp);
  const { child, base } = await startServer(store);
  cleanups.push(() => stopServer(child));
  log(`run.js: bmis serve at ${base}, chromium ${chromium}`);
  const browser = await pw.launch({
    executablePath: chromium,
    headless: true,
    // as root (containers, CI) Chromium's sandbox cannot start
    args: process.getuid && process.getuid() === 0 ? ["--no-sandbox"] : [],
  });
  cleanups.push(() => browser.close());
  const ctx = { browser, base, store };

  const done = {};
  let failed = 0;
  for (const s of scenarios) {
    if (only && !only.split(",").includes(s.key)) continue;
    const missing = s.needs.filter((k) => done[k] !== "pass");
    if (missing.length) {
      log(`not run (${s.key}) ${s.title}: needs ${missing.join(", ")}`);
      failed++;
      continue;
    }
    const t0 = Date.now();
    try {
      await s.fn(ctx);
      done[s.key] = "pass";
      log(`ok   (${s.key}) ${s.title} [${Date.now() - t0} ms]`);
    } catch (e) {
      done[s.key] = "fail";
      failed++;
      log(`FAIL (${s.key}) ${s.title}: ${e.message.split("\n")[0]}`);
      if (process.env.BMIS_BROWSER_VERBOSE) console.error(e.stack);
      for (const c of browser.contexts())
        for (const p of c.pages()) {
          await p.screenshot({ path: path.join(shots, `FAILED-${s.key}.png`) }).catch(() => {});
          await c.close().catch(() => {});
        }
    }
  }
  log(`run.js: screenshots in ${shots}`);
  return failed;
}

main()
  .then(async (failed) => {
    await cleanup();
    log(failed ? `run.js: ${failed} scenario(s) failed` : "run.js: every scenario passed");
    process.exit(failed ? 1 : 0);
  })
  .catch(async (e) => {
    console.error(`run.js: ${e.stack || e.message}`);
    await cleanup();
    process.exit(1);
  });
