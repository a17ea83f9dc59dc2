-- One atomic write of any number of rows of one model (create, update, delete), all checks before any change.
-- KEYS[1] schema key, KEYS[2] id index, KEYS[3] id sequence, KEYS[4..] record and unique-lock keys.
-- ARGV[1] record key prefix, ARGV[2] id field's hash field, ARGV[3] number of ops, then per op:
--   id ('' when generated), generated ('1'/'0'), integer id ('1'/'0'), score, record key index ('0' when generated),
--   expected version ('-1': must not exist), expiry epoch ms ('' for none), delete ('1'/'0'),
--   n, n field/value pairs, n, n (lock key index, unique key name) pairs, n, n lock key indexes to release.
-- Returns {'ok', id...} or {'missing'} / {'exists', op} / {'conflict', op} / {'unique', key name, op}.
if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing'} end
local rp = ARGV[1]
local at = 4
local function nx() local v = ARGV[at]; at = at + 1; return v end
local ops = {}
for i = 1, tonumber(ARGV[3]) do
  local op = {id = nx(), gen = nx() == '1', num = nx() == '1', score = nx(), rk = tonumber(nx()), ex = nx(), exp = nx(), del = nx() == '1', set = {}, acq = {}, rel = {}}
  for j = 1, tonumber(nx()) * 2 do op.set[j] = nx() end
  for j = 1, tonumber(nx()) do op.acq[j] = {tonumber(nx()), nx()} end
  for j = 1, tonumber(nx()) do op.rel[j] = tonumber(nx()) end
  ops[i] = op
end
local released = {}
for _, op in ipairs(ops) do
  for _, k in ipairs(op.rel) do released[KEYS[k]] = op.id end
end
local claimed = {}
for i, op in ipairs(ops) do
  if op.rk > 0 then
    local v = redis.call('HGET', KEYS[op.rk], ':v')
    if op.ex == '-1' then
      if v then return {'exists', tostring(i)} end
    elseif v ~= op.ex then
      return {'conflict', tostring(i)}
    end
  end
  for _, a in ipairs(op.acq) do
    local k = KEYS[a[1]]
    if claimed[k] and claimed[k] ~= i then return {'unique', a[2], tostring(i)} end
    claimed[k] = i
    local holder = redis.call('GET', k)
    if holder and (op.gen or holder ~= op.id) and released[k] ~= holder and redis.call('EXISTS', rp .. holder) == 1 then
      return {'unique', a[2], tostring(i)}
    end
  end
end
-- The first write of a script is the one Redis checks against maxmemory (later ones run unchecked, so a script is
-- never cut in half): make it one that is refused when the server is full (INCRBY is, DEL is not), before any change.
redis.call('INCRBY', KEYS[3], 0)
local out = {'ok'}
for i, op in ipairs(ops) do
  local id = op.id
  if op.gen then
    id = tostring(redis.call('INCR', KEYS[3]))
    while redis.call('EXISTS', rp .. id) == 1 do id = tostring(redis.call('INCR', KEYS[3])) end
  elseif op.num and op.ex == '-1' then
    local current = tonumber(redis.call('GET', KEYS[3]) or '0')
    if current < tonumber(id) then redis.call('SET', KEYS[3], id) end
  end
  local rk = rp .. id
  for _, k in ipairs(op.rel) do
    if redis.call('GET', KEYS[k]) == id then redis.call('DEL', KEYS[k]) end
  end
  if op.del then
    redis.call('DEL', rk)
    redis.call('ZREM', KEYS[2], id)
  else
    local version = 1
    if op.ex ~= '-1' then version = tonumber(op.ex) + 1 end
    local f = op.set
    if op.gen then f[#f + 1] = ARGV[2]; f[#f + 1] = id end
    f[#f + 1] = ':v'; f[#f + 1] = tostring(version)
    redis.call('DEL', rk)
    redis.call('HSET', rk, unpack(f))
    local score = op.score
    if op.gen then score = id end
    redis.call('ZADD', KEYS[2], score, id)
    for _, a in ipairs(op.acq) do redis.call('SET', KEYS[a[1]], id) end
    if op.exp ~= '' then
      redis.call('PEXPIREAT', rk, op.exp)
      for _, a in ipairs(op.acq) do redis.call('PEXPIREAT', KEYS[a[1]], op.exp) end
    end
  end
  out[#out + 1] = id
end
return out
