-- GET /api/siswa/{id} for a random student of BENCH_IDS (comma-separated), with BENCH_TOKEN as bearer.
local ids = {}
for id in string.gmatch(os.getenv('BENCH_IDS') or '', '[^,]+') do ids[#ids + 1] = id end
local auth = 'Bearer ' .. (os.getenv('BENCH_TOKEN') or '')
local prefix = os.getenv('BENCH_PATH_PREFIX') or '/api/siswa/'

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
  return wrk.format('GET', prefix .. ids[math.random(#ids)], { ['Authorization'] = auth })
end

dofile(os.getenv('BENCH_WRK_DIR') .. '/report.lua')
