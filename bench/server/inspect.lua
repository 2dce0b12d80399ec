-- wrk script for bench/server/run.sh: the full primary inspection.
--
--   wrk -tN ... -s inspect.lua http://HOST:PORT -- TOKEN MIXFILE N
--
-- MIXFILE has one inspection per line: the body of POST /api/inspections, a
-- tab, the body of its decision (bench_server_gen_inspections). Each wrk
-- thread takes every Nth line. A connection asks for the next inspection;
-- when its result (201) comes back, the decision on it is queued, and the
-- next request any connection of the thread sends is that decision
-- (POST /api/inspections/{id}/decision): the admit of the mix line, or a
-- referral when the result says admitting is not allowed
-- (decisions.admit.allowed false). One inspection = both requests.
--
-- wrk's own latency figures cover every request, both kinds mixed. This
-- script also times each kind apart (monotonic clock, from the moment wrk
-- asks for the request to the moment its response has been read: what
-- wrk measures, plus the queueing inside wrk's thread), keyed by the
-- document number for an inspection and by the inspection id for a
-- decision, and prints its figures as "key value" lines in done().
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

-- ---- the main state: one per wrk thread, then done() ----

local threads = {}

function setup(thread)
  thread:set("tid", #threads) -- before the thread's init()
  table.insert(threads, thread)
end

-- ---- each thread ----

local token, headers
local bodies = {}
local admit_for = {} -- document number -> the admit body of its line
local next_line = 1
local queue, qhead, qtail = {}, 1, 0 -- decisions waiting to be sent
local started = {}                     -- key -> time the request was asked
-- counters and samples read by done() (globals: thread:get finds them)
inspections_ok, decisions_ok, referred, errors, wraps = 0, 0, 0, 0, 0
lat_inspect, lat_decide = {}, {}
first_error = ""

-- The document number on line 2 of the MRZ (TD3: its first 9 characters).
local function doc_key(body)
  local line2 = body:match('\\n([^"]+)"')
  return (line2:sub(1, 9):gsub("<", ""))
end

function init(args)
  token = args[1]
  local path = args[2]
  local nthreads = tonumber(args[3])
  headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }
  local i = 0
  for line in io.lines(path) do
    if i % nthreads == tid then
      local tab = line:find("\t", 1, true)
      local body = line:sub(1, tab - 1)
      table.insert(bodies, body)
      admit_for[doc_key(body)] = line:sub(tab + 1)
    end
    i = i + 1
  end
  if #bodies == 0 then
    error("inspect.lua: no lines for thread " .. tid .. " in " .. path)
  end
end

function request()
  if qhead <= qtail then
    local d = queue[qhead]
    queue[qhead] = nil
    qhead = qhead + 1
    started["d" .. d.id] = now_ms()
    return wrk.format("POST", "/api/inspections/" .. d.id .. "/decision",
      headers, d.body)
  end
  local n = next_line
  next_line = next_line + 1
  if next_line > #bodies then
    next_line = 1
    wraps = wraps + 1
  end
  local body = bodies[n]
  started["i" .. doc_key(body)] = now_ms()
  return wrk.format("POST", "/api/inspections", headers, body)
end

local function note_error(status, body)
  errors = errors + 1
  if first_error == "" then
    first_error = status .. " " .. (body or ""):sub(1, 300)
  end
end

function response(status, _, body)
  local t = now_ms()
  if status ~= 201 then
    note_error(status, body)
    return
  end
  local mid = body:match('^{"movement_id":"([^"]+)"')
  if mid then -- a decision
    local t0 = started["d" .. mid]
    started["d" .. mid] = nil
    if t0 then lat_decide[#lat_decide + 1] = t - t0 end
    decisions_ok = decisions_ok + 1
    return
  end
  local id = body:match('^{"id":"([^"]+)"')
  local num = body:match('"document_number","value":"([^"]*)"')
  if not id or not num then
    note_error(status, "unexpected inspection answer: " .. body)
    return
  end
  local t0 = started["i" .. num]
  started["i" .. num] = nil
  if t0 then lat_inspect[#lat_inspect + 1] = t - t0 end
  inspections_ok = inspections_ok + 1
  -- which line: find its decision body by the document number
  local dbody
  if body:find('"admit":{"allowed":false', 1, true) then
    dbody = '{"decision":"refer","note":"bench: admitting is not allowed"}'
    referred = referred + 1
  else
    dbody = admit_for[num] or '{"decision":"admit"}'
  end
  qtail = qtail + 1
  queue[qtail] = { id = id, body = dbody }
end

-- ---- the summary ----

local function percentiles(samples, out, prefix)
  table.sort(samples)
  local n = #samples
  out[#out + 1] = string.format("%s_count %d", prefix, n)
  if n == 0 then return end
  local sum = 0
  for i = 1, n do sum = sum + samples[i] end
  out[#out + 1] = string.format("%s_mean %.2f", prefix, sum / n)
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    local k = math.max(1, math.ceil(n * p / 100))
    out[#out + 1] = string.format("%s_p%s %.2f", prefix,
      tostring(p):gsub("%.", "_"), samples[k])
  end
  out[#out + 1] = string.format("%s_max %.2f", prefix, samples[n])
end

function done(summary, latency, requests)
  local ins, dec, err, ref, wr = 0, 0, 0, 0, 0
  local li, ld = {}, {}
  local first = ""
  for _, t in ipairs(threads) do
    ins = ins + t:get("inspections_ok")
    dec = dec + t:get("decisions_ok")
    err = err + t:get("errors")
    ref = ref + t:get("referred")
    wr = wr + t:get("wraps")
    for _, v in ipairs(t:get("lat_inspect")) do li[#li + 1] = v end
    for _, v in ipairs(t:get("lat_decide")) do ld[#ld + 1] = v end
    if first == "" then first = t:get("first_error") end
  end
  local secs = summary.duration / 1e6
  local s = summary.errors
  local out = {}
  out[#out + 1] = string.format("duration_s %.2f", secs)
  out[#out + 1] = string.format("requests %d", summary.requests)
  out[#out + 1] = string.format("inspections_created %d", ins)
  out[#out + 1] = string.format("inspections_decided %d", dec)
  out[#out + 1] = string.format("inspections_per_s %.1f", dec / secs)
  out[#out + 1] = string.format("requests_per_s %.1f", summary.requests / secs)
  out[#out + 1] = string.format("referred %d", ref)
  out[#out + 1] = string.format("mix_wraps %d", wr)
  out[#out + 1] = string.format("non_2xx %d", err)
  out[#out + 1] = string.format("socket_errors %d",
    s.connect + s.read + s.write + s.timeout)
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    out[#out + 1] = string.format("all_p%s %.2f", tostring(p):gsub("%.", "_"),
      latency:percentile(p) / 1000)
  end
  out[#out + 1] = string.format("all_mean %.2f", latency.mean / 1000)
  out[#out + 1] = string.format("all_max %.2f", latency.max / 1000)
  percentiles(li, out, "inspect")
  percentiles(ld, out, "decide")
  if first ~= "" then
    out[#out + 1] = "first_error " .. first:gsub("\n", " ")
  end
  io.write("---- bench\n" .. table.concat(out, "\n") .. "\n")
end
