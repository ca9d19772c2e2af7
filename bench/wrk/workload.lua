-- One wrk script for every workload of bench/run.sh, chosen by the WORKLOAD environment variable:
--   byid    GET /api/Books/{random id in 1..RECORDS}
--   find    GET /api/Books?filter={where, order, limit 10}
--   include the find's filter with include: "publisher" (a belongsTo)
--   count   GET /api/Books/count?where={...}
--   create  POST /api/Books
--   mixed   80% byid, 20% create
-- done() appends one JSON line with the totals and latency percentiles to the file named by RESULT.

local workload = os.getenv("WORKLOAD") or "byid"
local records = tonumber(os.getenv("RECORDS") or "10000")
local result = os.getenv("RESULT")

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local FIND = "/api/Books?filter=" .. encode('{"where":{"genre":"fantasy","year":{"gt":1990}},"order":"price DESC","limit":10}')
local INCLUDE = "/api/Books?filter=" .. encode('{"where":{"genre":"fantasy","year":{"gt":1990}},"order":"price DESC","limit":10,"include":"publisher"}')
local COUNT = "/api/Books/count?where=" .. encode('{"genre":"fantasy","year":{"gte":2000}}')
local NEW_BOOK = '{"title":"A new book","author":"Bench Mark","genre":"crime","year":2001,"price":9.5,"pages":123}'
local JSON_HEADERS = { ["Content-Type"] = "application/json" }

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  -- a fixed seed per thread, so every server sees the same sequence of ids
  math.randomseed(42 + (tid or 0))
end

local function byid()
  return wrk.format("GET", "/api/Books/" .. math.random(1, records))
end

local function create()
  return wrk.format("POST", "/api/Books", JSON_HEADERS, NEW_BOOK)
end

function request()
  if workload == "byid" then
    return byid()
  elseif workload == "find" then
    return wrk.format("GET", FIND)
  elseif workload == "include" then
    return wrk.format("GET", INCLUDE)
  elseif workload == "count" then
    return wrk.format("GET", COUNT)
  elseif workload == "create" then
    return create()
  elseif workload == "mixed" then
    if math.random(1, 100) <= 80 then return byid() else return create() end
  end
  error("unknown WORKLOAD " .. workload)
end

function done(summary, latency, requests)
  if not result then return end
  local errors = summary.errors
  local f = assert(io.open(result, "a"))
  f:write(string.format(
    '{"requests":%d,"duration_us":%d,"rps":%.1f,"p50_us":%d,"p99_us":%d,"non2xx":%d,"socket_errors":%d}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
  f:close()
end
