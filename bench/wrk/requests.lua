-- Cycles through the requests of BENCH_REQUESTS_FILE, one a line: METHOD<tab>PATH[<tab>BODY]
-- (written by bench/lib/wrk-run.ts writeRequestsFile), with BENCH_TOKEN as bearer. Each thread
-- starts at another offset, so the threads do not send the same request at the same moment.
local threads = 0
function setup(thread)
  thread:set('offset', threads)
  threads = threads + 1
end

local requests = {}
local at = 0
local headers = { ['Authorization'] = 'Bearer ' .. (os.getenv('BENCH_TOKEN') or ''), ['Content-Type'] = 'application/json' }

function init(args)
  for line in io.lines(os.getenv('BENCH_REQUESTS_FILE')) do
    local method, path, body = string.match(line, '^([^\t]+)\t([^\t]+)\t?(.*)$')
    requests[#requests + 1] = wrk.format(method, path, headers, body ~= '' and body or nil)
  end
  at = (offset or 0) * math.floor(#requests / 8)
end

function request()
  at = at % #requests + 1
  return requests[at]
end

dofile(os.getenv('BENCH_WRK_DIR') .. '/report.lua')
