-- POST /api/prediksi for a random student of BENCH_IDS in BENCH_SEMESTER / BENCH_TAHUN_AJARAN.
local ids = {}
for id in string.gmatch(os.getenv('BENCH_IDS') or '', '[^,]+') do ids[#ids + 1] = id end
local headers = { ['Authorization'] = 'Bearer ' .. (os.getenv('BENCH_TOKEN') or ''), ['Content-Type'] = 'application/json' }
local tail = string.format('"semester":"%s","tahun_ajaran":"%s"}', os.getenv('BENCH_SEMESTER'), os.getenv('BENCH_TAHUN_AJARAN'))

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
  return wrk.format('POST', '/api/prediksi', headers, '{"siswa_id":' .. ids[math.random(#ids)] .. ',' .. tail)
end

dofile(os.getenv('BENCH_WRK_DIR') .. '/report.lua')
