/**
 * The reference for the answers' stored JSON (src/docs.js): PostgreSQL's own rendering of a full
 * /services and /service_at_locations item, built with `json_build_object` from the rows. The
 * attributes are no table of the server (they go only into the documents): the test writes the
 * load's attribute rows (src/hsds.js, `addRecord`) into `reference.attribute` first.
 */
import { addRecord, emptyRows } from '../src/hsds.js';
import { serviceAtLocationDoc, serviceDoc } from '../src/api.js';
import { HSDS_CONTRACT as contract } from '../src/hsds-contract.js';

const S = 'hsds';
const DATE = (col) => `to_char(${col}, 'YYYY-MM-DD')`;
const STAMP = (col) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
/** A JSON array, [] when empty. */
const list = (select, from, order) => `coalesce((select json_agg(${select} order by ${order}) ${from}), '[]'::json)`;

/**
 * Write the attribute rows a load makes of these datasets into `reference.attribute`.
 * @param {import('../src/db.js').Queryable} db
 * @param {{ generated_at?: string, resources: import('../src/hsds.js').FlatRecord[] }[]} datasets
 */
export async function writeAttributes(db, datasets) {
  const rows = emptyRows();
  for (const d of datasets) {
    for (const r of d.resources) addRecord(rows, r, new Map(), { generatedAt: d.generated_at ?? '', lastModified: null });
  }
  await db.query('drop schema if exists reference cascade');
  await db.query('create schema reference');
  await db.query(`create table reference.attribute (id uuid, position int, link_id uuid, link_entity text, link_type text,
    taxonomy_term_id uuid, value text)`);
  await db.query(`insert into reference.attribute select * from json_populate_recordset(null::reference.attribute, $1::json)`,
    [JSON.stringify(rows.attribute)]);
  return rows.attribute.length;
}

const attributesJson = (link) =>
  list(
    `json_build_object('id', a.id, 'link_id', a.link_id, 'link_type', a.link_type, 'link_entity', a.link_entity,
      'taxonomy_term_id', a.taxonomy_term_id, 'value', a.value)`,
    `from reference.attribute a where a.link_id = ${link}`,
    'a.position',
  );

/** An address HSDS can carry (a street and a ZIP code); any other is worded in the location's description. */
const COMPLETE_ADDRESS = `ad.address_1 is not null and ad.postal_code is not null`;
const ADDRESS_IN_WORDS = `concat_ws('${contract.addressInWords.separator.replaceAll("'", "''")}', ${contract.addressInWords.fields.map((f) => `ad.${f}`).join(', ')})`;

const locationJson = (l) =>
  `json_build_object('id', ${l}.id, 'location_type', ${l}.location_type, 'organization_id', ${l}.organization_id,
    'name', ${l}.name, 'latitude', ${l}.latitude, 'longitude', ${l}.longitude,
    'external_identifier', ${l}.external_identifier, 'external_identifier_type', ${l}.external_identifier_type,
    'description', (select ${ADDRESS_IN_WORDS} from ${S}.address ad
      where ad.location_id = ${l}.id and not (${COMPLETE_ADDRESS}) limit 1),
    'addresses', ${list(
      `json_build_object('id', ad.id, 'location_id', ad.location_id, 'address_1', ad.address_1, 'address_2', ad.address_2,
        'city', ad.city, 'region', ad.region, 'state_province', ad.state_province, 'postal_code', ad.postal_code,
        'country', ad.country, 'address_type', ad.address_type)`,
      `from ${S}.address ad where ad.location_id = ${l}.id and ${COMPLETE_ADDRESS}`,
      'ad.id',
    )},
    'attributes', ${attributesJson(`${l}.id`)})`;

/** A full service; `withLocations` false: without its service_at_locations (nested in one). */
function serviceJson(s, withLocations = true) {
  return `json_build_object('id', ${s}.id, 'organization_id', ${s}.organization_id, 'name', ${s}.name,
    'alternate_name', ${s}.alternate_name, 'description', ${s}.description, 'url', ${s}.url, 'email', ${s}.email,
    'status', ${s}.status, 'fees_description', ${s}.fees_description, 'assured_date', ${DATE(`${s}.assured_date`)},
    'last_modified', ${STAMP(`${s}.last_modified`)},
    'organization', (select json_build_object('id', o.id, 'name', o.name, 'description', o.description, 'website', o.website)
      from ${S}.organization o where o.id = ${s}.organization_id),
    'phones', ${list(
      `json_build_object('id', p.id, 'service_id', p.service_id, 'number', p.number, 'extension', p.extension,
        'type', p.type, 'description', p.description, 'attributes', ${attributesJson('p.id')})`,
      `from ${S}.phone p where p.service_id = ${s}.id`,
      'p.position',
    )},
    'schedules', ${list(
      `json_build_object('id', sc.id, 'service_id', sc.service_id, 'freq', sc.freq, 'byday', sc.byday,
        'opens_at', sc.opens_at, 'closes_at', sc.closes_at, 'valid_from', ${DATE('sc.valid_from')},
        'valid_to', ${DATE('sc.valid_to')}, 'description', sc.description, 'attending_type', sc.attending_type,
        'notes', sc.notes, 'attributes', ${attributesJson('sc.id')})`,
      `from ${S}.schedule sc where sc.service_id = ${s}.id`,
      'sc.position',
    )},
    'languages', ${list(
      `json_build_object('id', lg.id, 'service_id', lg.service_id, 'name', lg.name, 'code', lg.code)`,
      `from ${S}.language lg where lg.service_id = ${s}.id`,
      'lg.position',
    )},
    'cost_options', ${list(
      `json_build_object('id', co.id, 'service_id', co.service_id, 'option', co.option, 'currency', co.currency,
        'amount', co.amount, 'amount_description', co.amount_description)`,
      `from ${S}.cost_option co where co.service_id = ${s}.id`,
      'co.id',
    )},
    'attributes', ${attributesJson(`${s}.id`)}
    ${withLocations ? `, 'service_at_locations', ${list(
      `json_build_object('id', sal2.id, 'service_id', sal2.service_id, 'location_id', sal2.location_id,
        'description', sal2.description, 'location', ${locationJson('l2')})`,
      `from ${S}.service_at_location sal2 join ${S}.location l2 on l2.id = sal2.location_id where sal2.service_id = ${s}.id`,
      'sal2.id',
    )}` : ''})`;
}

/**
 * Each full item of a kind: its id, the JSON PostgreSQL builds (`built`) and the stored one as
 * the server reads it (`stored`).
 * @param {'service' | 'service_at_location'} kind
 */
export const builtItemSql = (kind) => kind === 'service'
  ? `select s.id::text as id, json_strip_nulls(${serviceJson('s')})::text as built, ${serviceDoc('d')} as stored
     from ${S}.service s join ${S}.service_doc d on d.id = s.id order by s.id`
  : `select sal.id::text as id, json_strip_nulls(json_build_object('id', sal.id, 'service_id', sal.service_id,
       'location_id', sal.location_id, 'description', sal.description, 'location', ${locationJson('l')},
       'service', ${serviceJson('s', false)}))::text as built,
       ${serviceAtLocationDoc('sal', 'ld', 'd')} as stored
     from ${S}.service_at_location sal join ${S}.service s on s.id = sal.service_id join ${S}.location l on l.id = sal.location_id
       join ${S}.service_doc d on d.id = sal.service_id join ${S}.location_doc ld on ld.id = sal.location_id order by sal.id`;
