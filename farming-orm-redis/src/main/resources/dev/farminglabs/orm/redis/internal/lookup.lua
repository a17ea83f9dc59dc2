-- The rows of records or unique locks, in one round trip.
-- KEYS[1] schema key, KEYS[2..] record keys or lock keys. ARGV[1] record key prefix, ARGV[2] 'r' (records) or 'u'.
-- Returns {'ok', hash...} (an empty hash where nothing is stored) or {'missing'}.
if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing'} end
local out = {'ok'}
for i = 2, #KEYS do
  local rk = KEYS[i]
  if ARGV[2] == 'u' then
    local id = redis.call('GET', KEYS[i])
    if id then rk = ARGV[1] .. id else rk = nil end
  end
  if rk then out[#out + 1] = redis.call('HGETALL', rk) else out[#out + 1] = {} end
end
return out
