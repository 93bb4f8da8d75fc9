import { defineScript, type CommandParser } from "redis";
import { DEFAULT_WORKSPACE } from "../shared/workspace";

/**
 * The Lua side of the Redis store. Each script runs atomically on the server, so compare-and-set, the byte
 * limit, the idle TTL and the workspace-count bound can never be raced by another instance.
 *
 * Layout, for a prefix P (default `sandbox:`):
 * - `P ws:<workspace>`: a HASH; field `v:<key>` holds a value, field `bytes` the workspace's running size
 *   (storedBytes of every key and value, the same measure as the memory store). Its TTL is the idle TTL,
 *   refreshed on every use; `default` never expires.
 * - `P workspaces`: a sorted set of workspace ids scored by last use (Redis server time, ms); `default`
 *   scores +inf so it is never the least recently used. An entry older than the idle TTL belongs to a hash
 *   that has already expired, so dropping it by score is enough.
 *
 * Time comes from Redis (`TIME`), not from the instances, so instances with skewed clocks agree on the order.
 * The scripts touch the hashes of recycled workspaces without declaring them, which a single Redis (or a
 * primary with replicas / Sentinel) allows and Redis Cluster does not.
 */

const PRELUDE = `
local hash, index = KEYS[1], KEYS[2]
local ws, defaultWs, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3])
local isDefault = ws == defaultWs
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function touch(now)
  if isDefault then
    redis.call('PERSIST', hash)
    redis.call('ZADD', index, '+inf', ws)
  else
    redis.call('PEXPIRE', hash, ttl)
    redis.call('ZADD', index, now, ws)
  end
end
`;

/** The arguments every script takes: its two keys, then the workspace, the shared workspace's id and the idle TTL. */
function pushCommon(parser: CommandParser, hash: string, index: string, workspace: string, ttlMs: number): void {
  parser.pushKey(hash);
  parser.pushKey(index);
  parser.push(workspace, DEFAULT_WORKSPACE, String(ttlMs));
}

const asNullableString = (reply: unknown): string | null => (reply === null || reply === undefined ? null : String(reply));

/** Reads one field and keeps the workspace alive; a workspace that does not exist stays nonexistent. */
const READ = defineScript({
  NUMBER_OF_KEYS: 2,
  SCRIPT: `${PRELUDE}
if redis.call('EXISTS', hash) == 0 then return false end
touch(nowMs())
return redis.call('HGET', hash, ARGV[4])`,
  parseCommand(parser: CommandParser, hash: string, index: string, workspace: string, ttlMs: number, field: string) {
    pushCommon(parser, hash, index, workspace, ttlMs);
    parser.push(field);
  },
  transformReply: asNullableString,
});

/** The hash's fields (values and the size counter), keeping the workspace alive. */
const FIELDS = defineScript({
  NUMBER_OF_KEYS: 2,
  SCRIPT: `${PRELUDE}
if redis.call('EXISTS', hash) == 0 then return {} end
touch(nowMs())
return redis.call('HKEYS', hash)`,
  parseCommand(parser: CommandParser, hash: string, index: string, workspace: string, ttlMs: number) {
    pushCommon(parser, hash, index, workspace, ttlMs);
  },
  transformReply: (reply: unknown): string[] => (Array.isArray(reply) ? reply.map(String) : []),
});

export interface WriteArgs {
  field: string;
  value: string;
  expected: string | null;
  /** storedBytes(new) − storedBytes(expected): exact, because the write only happens if the stored value is `expected`. */
  delta: number;
  maxBytes: number;
  maxWorkspaces: number;
  /** Prefix of a workspace hash's key, for recycling others: `<prefix>ws:`. */
  hashPrefix: string;
}

/**
 * Compare-and-set with the size limit, then the bounds: drop index entries idle past the TTL (their hashes
 * are gone already) and, past maxWorkspaces, delete the least recently used workspaces (never `default`).
 * A refused write creates nothing, so a flood of failing writes cannot grow Redis either.
 */
const WRITE = defineScript({
  NUMBER_OF_KEYS: 2,
  SCRIPT: `${PRELUDE}
local field, value, hasExpected, expected = ARGV[4], ARGV[5], ARGV[6] == '1', ARGV[7]
local delta, maxBytes, maxWorkspaces, hashPrefix = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10]), ARGV[11]
local exists = redis.call('EXISTS', hash) == 1
local now = nowMs()
local current = redis.call('HGET', hash, field)
if (hasExpected and current ~= expected) or (not hasExpected and current) then
  if exists then touch(now) end
  return 'conflict'
end
local bytes = tonumber(redis.call('HGET', hash, 'bytes') or '0') + delta
if bytes > maxBytes then
  if exists then touch(now) end
  return 'full'
end
redis.call('HSET', hash, field, value, 'bytes', bytes)
touch(now)
redis.call('ZREMRANGEBYSCORE', index, '-inf', '(' .. (now - ttl))
local excess = redis.call('ZCARD', index) - maxWorkspaces
if excess > 0 then
  for _, id in ipairs(redis.call('ZRANGE', index, 0, excess + 1)) do
    if excess > 0 and id ~= ws and id ~= defaultWs then
      redis.call('DEL', hashPrefix .. id)
      redis.call('ZREM', index, id)
      excess = excess - 1
    end
  end
end
return 'ok'`,
  parseCommand(parser: CommandParser, hash: string, index: string, workspace: string, ttlMs: number, args: WriteArgs) {
    pushCommon(parser, hash, index, workspace, ttlMs);
    parser.push(
      args.field,
      args.value,
      args.expected === null ? "0" : "1",
      args.expected ?? "",
      String(args.delta),
      String(args.maxBytes),
      String(args.maxWorkspaces),
      args.hashPrefix,
    );
  },
  transformReply: (reply: unknown): string => String(reply),
});

/** Drops idle index entries and counts what is left. */
const COUNT = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - tonumber(ARGV[1])))
return redis.call('ZCARD', KEYS[1])`,
  parseCommand(parser: CommandParser, index: string, ttlMs: number) {
    parser.pushKey(index);
    parser.push(String(ttlMs));
  },
  transformReply: (reply: unknown): number => Number(reply),
});

export const SCRIPTS = { wsRead: READ, wsFields: FIELDS, wsWrite: WRITE, wsCount: COUNT };
