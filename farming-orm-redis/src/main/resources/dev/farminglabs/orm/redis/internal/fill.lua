-- Gives every record of a model a value for an added field where it has none (ADD COLUMN ... DEFAULT).
-- KEYS[1] id index. ARGV[1] record key prefix, ARGV[2] hash field, ARGV[3] value.
local n = 0
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if redis.call('EXISTS', ARGV[1] .. id) == 1 then n = n + redis.call('HSETNX', ARGV[1] .. id, ARGV[2], ARGV[3]) end
end
return {n}
