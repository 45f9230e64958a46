// Statements whose effect cannot be read without running them: procedural blocks, procedure calls,
// and queries that call functions that are not built in. They are never passed as harmless.
import type { Token } from './fallback.js';

/** Words that precede a parenthesis without being a function call. */
const NOT_CALLS = new Set([
  'IN',
  'EXISTS',
  'VALUES',
  'AS',
  'ON',
  'USING',
  'ANY',
  'ALL',
  'SOME',
  'OVER',
  'FILTER',
  'WITHIN',
  'ARRAY',
  'ROW',
  'CAST',
  'AND',
  'OR',
  'NOT',
  'FROM',
  'JOIN',
  'WHERE',
  'SELECT',
  'LATERAL',
  'DISTINCT',
  'INTERVAL',
  'TABLE',
  'WITH',
  'GROUPING',
  'CUBE',
  'ROLLUP',
  'SETS',
  'UNION',
  'INTERSECT',
  'EXCEPT',
  'WHEN',
  'THEN',
  'ELSE',
  'CASE',
  'BY',
  'IS',
  'LIKE',
  'ILIKE',
  'BETWEEN',
  'RETURNING',
  'INTO',
  'SET',
  'LIMIT',
  'OFFSET',
  'HAVING',
  'WINDOW',
  'PARTITION',
]);

/** Built-in functions that read or compute and change nothing (PostgreSQL, MySQL, SQLite, SQL Server, ClickHouse). */
const BUILTINS = new Set(
  `count sum min max avg coalesce nullif greatest least now current_timestamp current_date current_time localtimestamp lower upper length
  char_length character_length octet_length concat concat_ws substring substr trim ltrim rtrim btrim replace split_part position strpos left right lpad rpad
  regexp_replace regexp_matches regexp_like format to_char to_date to_number to_timestamp date_trunc date_part extract age justify_days
  nextval currval setval lastval set_config current_setting current_user session_user current_schema current_database version
  gen_random_uuid uuid_generate_v4 uuid md5 sha1 sha2 sha256 encode decode round abs floor ceil ceiling trunc mod power sqrt exp ln log sign random rand
  string_agg array_agg json_agg jsonb_agg json_object_agg jsonb_object_agg json_build_object jsonb_build_object json_build_array jsonb_build_array to_json to_jsonb
  jsonb_set jsonb_insert json_extract json_extract_path json_extract_path_text jsonb_extract_path jsonb_extract_path_text json_array_elements jsonb_array_elements
  jsonb_array_elements_text json_array_length jsonb_array_length jsonb_typeof json_typeof jsonb_strip_nulls jsonb_pretty json_object json_array json_unquote json_value
  unnest generate_series array_length array_position array_remove array_append array_cat cardinality string_to_array array_to_string row_number rank dense_rank lag lead
  first_value last_value ntile date datetime strftime julianday ifnull isnull iif if nvl last_insert_id found_rows convert date_format str_to_date unix_timestamp
  from_unixtime datediff dateadd getdate getutcdate sysdatetime newid isjson object_id db_name schema_name typeof quote hex unhex char ascii chr
  pg_typeof pg_get_serial_sequence pg_advisory_lock pg_advisory_unlock pg_advisory_xact_lock pg_try_advisory_lock pg_sleep bool_and bool_or every
  to_tsvector to_tsquery plainto_tsquery websearch_to_tsquery setweight ts_rank tointeger touint64 tostring todatetime tostartofhour tostartofday
  argminstate argmaxstate grouparray sumif countif uniq uniqexact any anylast arrayfilter arrayjoin`.split(/\s+/),
);

/** Why a statement cannot be read without running it, or undefined when it can. */
export function opaqueReason(tokens: Token[]): string | undefined {
  const head = tokens[0]?.up;
  if (head === 'DO') return 'a procedural DO block: what it changes cannot be read without running it';
  if (head === 'CALL' || ((head === 'EXEC' || head === 'EXECUTE') && !tokens.some((t) => t.up === 'SP_RENAME'))) {
    const name = tokens[1]?.raw ?? '?';
    return `calls procedure ${name}: what it changes cannot be read without running it`;
  }
  if (head === 'SELECT' || head === 'WITH' || head === 'VALUES') {
    const call = userFunctionCall(tokens);
    if (call) return `calls function ${call}(): what it changes cannot be read without running it`;
  }
  return undefined;
}

/** The first call of a function that is not a built-in, in a query. */
function userFunctionCall(tokens: Token[]): string | undefined {
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k]!;
    if (tokens[k + 1]!.up !== '(' || (t.kind !== 'word' && t.kind !== 'quoted')) continue;
    if (NOT_CALLS.has(t.up) && t.kind === 'word') continue;
    // A qualified name: pg_catalog.setval is built in, reporting.refresh_all is not.
    const schema = tokens[k - 1]?.up === '.' ? tokens[k - 2]?.raw.toLowerCase() : undefined;
    const name = t.raw.toLowerCase();
    if (schema === 'pg_catalog' || schema === 'sys' || schema === 'information_schema') continue;
    if (schema === undefined && BUILTINS.has(name)) continue;
    // Type casts spelled as calls: varchar(20), numeric(10, 2) after `::` or CAST … AS.
    if (tokens[k - 1]?.up === ':' || tokens[k - 1]?.up === 'AS') continue;
    return schema ? `${schema}.${name}` : name;
  }
  return undefined;
}
