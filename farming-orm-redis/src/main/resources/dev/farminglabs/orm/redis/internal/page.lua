-- One page of a model's rows in id order, after a cursor; drops index entries whose record has expired.
-- KEYS[1] schema key, KEYS[2] id index. ARGV[1] record key prefix, ARGV[2] 'n' (integer ids, by score) or 's'
-- (by member), ARGV[3] the last id of the previous page ('' for the first), ARGV[4] page size.
-- Returns {'ok', last id or '', hash...} or {'missing'}.
if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing'} end
local ids
if ARGV[2] == 'n' then
  local from = '-inf'
  if ARGV[3] ~= '' then from = '(' .. ARGV[3] end
  ids = redis.call('ZRANGEBYSCORE', KEYS[2], from, '+inf', 'LIMIT', 0, ARGV[4])
else
  local from = '-'
  if ARGV[3] ~= '' then from = '(' .. ARGV[3] end
  ids = redis.call('ZRANGEBYLEX', KEYS[2], from, '+', 'LIMIT', 0, ARGV[4])
end
local out = {'ok', ids[#ids] or ''}
for _, id in ipairs(ids) do
  local h = redis.call('HGETALL', ARGV[1] .. id)
  if #h > 0 then out[#out + 1] = h else redis.call('ZREM', KEYS[2], id) end
end
return out
