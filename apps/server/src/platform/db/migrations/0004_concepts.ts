import { sql, type Kysely } from 'kysely'

/**
 * The contract concept catalog (docs/imports.md#concept-catalog): ordinary concepts of the contract's
 * Anexo C and extraordinary concepts (PUE), one table, per organization.
 *
 * Identity (docs/imports.md#concept-catalog): `identity_key` is the SHA-256 (hex) of, per kind,
 *   ordinary       → sub-annex ␟ code key ␟ folded description ␟ unit key ␟ occurrence
 *   extraordinary  → the PUE code (`C3EXT-0977`)
 * computed by the service (a digest, because descriptions can be longer than a b-tree entry allows),
 * unique per organization and kind: that is what makes a re-import an update and not a copy.
 * `*_key` columns hold the compared forms (code without trailing dot, folded description, unit key);
 * `code_sort` / `annex_sort` hold a natural-order key (`2.10` after `2.9`, `C-10` after `C-9`), compared
 * byte-wise (`COLLATE "C"`); lists sort in memory (thousands of rows per organization; an index on them
 * cost 10 % of the import time and served no multi-column order);
 * `search_text` the folded text searched by `q`; `content_hash` the SHA-256 of the fields an import compares
 * (a re-import reads only ids and hashes, and the full rows of what changed). Money and quantities are exact
 * `numeric`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE contract_concepts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      kind text NOT NULL CHECK (kind IN ('ordinary', 'extraordinary')),
      identity_key text NOT NULL CHECK (length(identity_key) = 64),
      annex text CHECK (annex IS NULL OR length(annex) BETWEEN 1 AND 20),
      annex_sort text,
      code text NOT NULL CHECK (length(code) BETWEEN 1 AND 60),
      code_key text NOT NULL CHECK (length(code_key) BETWEEN 1 AND 60),
      code_sort text NOT NULL,
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 20000),
      description_key text NOT NULL,
      unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 60),
      unit_key text NOT NULL CHECK (length(unit_key) >= 1),
      unit_id uuid REFERENCES units (id),
      quantity numeric NOT NULL DEFAULT 0 CHECK (quantity >= 0),
      unit_price_mxn numeric NOT NULL DEFAULT 0 CHECK (unit_price_mxn >= 0),
      unit_price_usd numeric NOT NULL DEFAULT 0 CHECK (unit_price_usd >= 0),
      category text,
      subcategory text,
      classification text,
      occurrence integer NOT NULL DEFAULT 1 CHECK (occurrence >= 1),
      status text CHECK (status IN ('in_preparation', 'authorized', 'cancelled')),
      proposal_number text,
      work_order_number text,
      sanction_date date,
      converted_code text,
      converted_code_key text,
      comment text,
      search_text text NOT NULL,
      content_hash text NOT NULL CHECK (length(content_hash) = 64),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (kind = 'extraordinary' OR annex IS NOT NULL),
      CHECK (kind = 'extraordinary' OR (status IS NULL AND converted_code IS NULL))
    );
    CREATE UNIQUE INDEX contract_concepts_identity_uq ON contract_concepts (org_id, kind, identity_key);
    CREATE INDEX contract_concepts_code_idx ON contract_concepts (org_id, code_key);
    CREATE INDEX contract_concepts_converted_code_idx ON contract_concepts (org_id, converted_code_key)
      WHERE converted_code_key IS NOT NULL;
  `.execute(db)
}
