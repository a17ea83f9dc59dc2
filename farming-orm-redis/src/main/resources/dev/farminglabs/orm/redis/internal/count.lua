-- The number of entries in a model's id index. KEYS[1] schema key, KEYS[2] id index.
if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing'} end
return {'ok', redis.call('ZCARD', KEYS[2])}
