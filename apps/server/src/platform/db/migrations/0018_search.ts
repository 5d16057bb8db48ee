import { sql, type Kysely } from 'kysely'

/**
 * Global search (docs/search.md): one `search_documents` row per searchable record, kept by triggers on
 * the source tables, with its text folded (lower case, accents removed by `unaccent` behind the IMMUTABLE
 * `search_fold`) and a trigram GIN index (`pg_trgm`) for accent-, case- and typo-tolerant matching.
 * Both extensions ship with PostgreSQL's contrib and with PGlite (loaded by create-db.ts).
 *
 * Rows are written by `search_put(...)` (insert, or update when something changed) and removed by
 * `search_drop(kind, id)`. A plain INSERT of a row whose key exists replaces it (the BEFORE INSERT trigger),
 * so a restore that loads the source tables (whose triggers fill this table) and then this table's rows
 * ends with one row per record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE EXTENSION IF NOT EXISTS pg_trgm;

    -- unaccent() is STABLE (its dictionary could change); with the dictionary named it is safe to call
    -- IMMUTABLE, which indexes and generated values need.
    CREATE FUNCTION search_fold(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $fn$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $fn$;

    CREATE TABLE search_documents (
      kind text NOT NULL CHECK (kind IN ('proposal', 'proposalStep', 'workOrder', 'workOrderStep', 'concept',
        'rentalClient', 'rentalProject', 'equipment', 'maintenanceSheet', 'custodyChain', 'shippingGuide')),
      record_id uuid NOT NULL,
      org_id uuid NOT NULL REFERENCES organizations (id),
      -- the record a step belongs to (its proposal or work order), for the link
      parent_id uuid,
      title text NOT NULL,
      subtitle text,
      -- search_fold(title): exact and prefix matches rank first
      title_key text NOT NULL,
      -- search_fold of the title, subtitle and the other searchable fields, at most 2,000 characters
      search_text text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (kind, record_id)
    );
    CREATE INDEX search_documents_text_trgm ON search_documents USING gin (search_text gin_trgm_ops);
    CREATE INDEX search_documents_title_key_idx ON search_documents (org_id, title_key text_pattern_ops);
    CREATE INDEX search_documents_parent_idx ON search_documents (parent_id) WHERE parent_id IS NOT NULL;

    CREATE FUNCTION search_documents_replace() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM search_documents WHERE kind = NEW.kind AND record_id = NEW.record_id;
      RETURN NEW;
    END $fn$;
    CREATE TRIGGER search_documents_replace BEFORE INSERT ON search_documents
      FOR EACH ROW EXECUTE FUNCTION search_documents_replace();

    CREATE FUNCTION search_drop(p_kind text, p_id uuid) RETURNS void LANGUAGE sql AS $fn$
      DELETE FROM search_documents WHERE kind = p_kind AND record_id = p_id
    $fn$;

    CREATE FUNCTION search_put(p_kind text, p_id uuid, p_org uuid, p_parent uuid, p_title text,
      p_subtitle text, p_body text) RETURNS void LANGUAGE plpgsql AS $fn$
    DECLARE
      v_title text := left(btrim(p_title), 300);
      v_subtitle text := nullif(left(btrim(regexp_replace(p_subtitle, '[[:space:]]+', ' ', 'g')), 300), '');
      v_text text := left(search_fold(regexp_replace(concat_ws(' ', v_title, p_subtitle, p_body), '[[:space:]]+', ' ', 'g')), 2000);
    BEGIN
      IF v_title IS NULL OR v_title = '' THEN
        PERFORM search_drop(p_kind, p_id);
        RETURN;
      END IF;
      PERFORM 1 FROM search_documents WHERE kind = p_kind AND record_id = p_id;
      IF FOUND THEN
        UPDATE search_documents
          SET org_id = p_org, parent_id = p_parent, title = v_title, subtitle = v_subtitle,
              title_key = search_fold(v_title), search_text = v_text, updated_at = now()
          WHERE kind = p_kind AND record_id = p_id
            AND (org_id, parent_id, title, subtitle, search_text)
              IS DISTINCT FROM (p_org, p_parent, v_title, v_subtitle, v_text);
      ELSE
        INSERT INTO search_documents (kind, record_id, org_id, parent_id, title, subtitle, title_key, search_text)
          VALUES (p_kind, p_id, p_org, p_parent, v_title, v_subtitle, search_fold(v_title), v_text);
      END IF;
    END $fn$;

    -- Offshore -------------------------------------------------------------------------------------

    CREATE FUNCTION search_index_proposal_step(s proposal_steps) RETURNS void LANGUAGE plpgsql AS $fn$
    DECLARE v_number text;
    BEGIN
      SELECT official_number INTO v_number FROM proposals WHERE id = s.proposal_id AND deleted_at IS NULL;
      IF v_number IS NULL THEN PERFORM search_drop('proposalStep', s.id); RETURN; END IF;
      PERFORM search_put('proposalStep', s.id, s.org_id, s.proposal_id, s.name, v_number, s.comment);
    END $fn$;

    CREATE FUNCTION search_index_proposal(p proposals) RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      IF p.deleted_at IS NOT NULL THEN
        PERFORM search_drop('proposal', p.id);
      ELSE
        PERFORM search_put('proposal', p.id, p.org_id, NULL, p.official_number, p.description,
          concat_ws(' ', p.request_number, p.comment));
      END IF;
    END $fn$;

    CREATE FUNCTION search_index_work_order_step(s work_order_steps) RETURNS void LANGUAGE plpgsql AS $fn$
    DECLARE v_number text;
    BEGIN
      SELECT number INTO v_number FROM work_orders WHERE id = s.work_order_id;
      PERFORM search_put('workOrderStep', s.id, s.org_id, s.work_order_id, s.name, v_number, s.comment);
    END $fn$;

    CREATE FUNCTION search_index_work_order(w work_orders) RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM search_put('workOrder', w.id, w.org_id, NULL,
        w.number || CASE WHEN w.reprogramming_number IS NULL THEN '' ELSE ' R' || w.reprogramming_number END,
        w.description, concat_ws(' ', w.official_document, w.client_representative, w.comment));
    END $fn$;

    CREATE FUNCTION search_index_concept(c contract_concepts) RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      IF NOT c.active THEN PERFORM search_drop('concept', c.id); RETURN; END IF;
      PERFORM search_put('concept', c.id, c.org_id, NULL, c.code, c.description, c.annex);
    END $fn$;

    -- Rental ---------------------------------------------------------------------------------------

    CREATE FUNCTION search_index_rental_client(c rental_clients) RETURNS void LANGUAGE sql AS $fn$
      SELECT search_put('rentalClient', c.id, c.org_id, NULL, c.name, c.tax_id, concat_ws(' ', c.email, c.address))
    $fn$;

    CREATE FUNCTION search_index_rental_project(p rental_projects) RETURNS void LANGUAGE sql AS $fn$
      SELECT search_put('rentalProject', p.id, p.org_id, NULL, p.name, p.location, concat_ws(' ', p.contact_name, p.notes))
    $fn$;

    CREATE FUNCTION search_index_equipment(e rental_equipment) RETURNS void LANGUAGE sql AS $fn$
      SELECT search_put('equipment', e.id, e.org_id, NULL, e.code || ' · ' || e.name,
        concat_ws(' · ', e.brand, e.model, e.location), e.serial_number)
    $fn$;

    CREATE FUNCTION search_index_maintenance_sheet(m rental_maintenance_sheets) RETURNS void LANGUAGE sql AS $fn$
      SELECT search_put('maintenanceSheet', m.id, m.org_id, NULL, lpad(m.number::text, 6, '0'),
        concat_ws(' · ', m.location, m.rig, m.technician_name),
        concat_ws(' ', m.technical_description, m.maintenance_description, m.fault_description, m.requested_by))
    $fn$;

    CREATE FUNCTION search_index_custody_chain(c rental_custody_chains) RETURNS void LANGUAGE sql AS $fn$
      SELECT search_put('custodyChain', c.id, c.org_id, NULL, lpad(c.number::text, 7, '0'),
        concat_ws(' · ', c.location, c.activity_date::text),
        concat_ws(' ', c.contact_name, c.driver_name, c.vehicle_plate, c.notes))
    $fn$;

    CREATE FUNCTION search_index_shipping_guide(g rental_shipping_guides) RETURNS void LANGUAGE sql AS $fn$
      SELECT search_put('shippingGuide', g.id, g.org_id, NULL, lpad(g.number::text, 7, '0'),
        concat_ws(' → ', g.origin_place, g.destination_place),
        concat_ws(' ', g.carrier_name, g.vehicle_plate, g.receiver_name, g.contact_name, g.transport_description, g.notes))
    $fn$;

    -- Triggers -------------------------------------------------------------------------------------

    CREATE FUNCTION search_on_proposals() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        PERFORM search_drop('proposal', OLD.id);
        DELETE FROM search_documents WHERE kind = 'proposalStep' AND parent_id = OLD.id;
        RETURN OLD;
      END IF;
      PERFORM search_index_proposal(NEW);
      -- the steps show the proposal's number and disappear with a deleted proposal
      IF TG_OP = 'UPDATE' AND (OLD.official_number IS DISTINCT FROM NEW.official_number
          OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at) THEN
        DELETE FROM search_documents WHERE kind = 'proposalStep' AND parent_id = NEW.id;
        PERFORM search_index_proposal_step(s) FROM proposal_steps s WHERE s.proposal_id = NEW.id;
      END IF;
      RETURN NEW;
    END $fn$;
    CREATE TRIGGER search_documents_sync AFTER INSERT OR UPDATE OR DELETE ON proposals
      FOR EACH ROW EXECUTE FUNCTION search_on_proposals();

    CREATE FUNCTION search_on_work_orders() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        PERFORM search_drop('workOrder', OLD.id);
        DELETE FROM search_documents WHERE kind = 'workOrderStep' AND parent_id = OLD.id;
        RETURN OLD;
      END IF;
      PERFORM search_index_work_order(NEW);
      IF TG_OP = 'UPDATE' AND OLD.number IS DISTINCT FROM NEW.number THEN
        PERFORM search_index_work_order_step(s) FROM work_order_steps s WHERE s.work_order_id = NEW.id;
      END IF;
      RETURN NEW;
    END $fn$;
    CREATE TRIGGER search_documents_sync AFTER INSERT OR UPDATE OR DELETE ON work_orders
      FOR EACH ROW EXECUTE FUNCTION search_on_work_orders();
  `.execute(db)

  // The tables whose rows map one-to-one to a search document: the same trigger shape for each.
  const simple: [table: string, kind: string, indexer: string][] = [
    ['proposal_steps', 'proposalStep', 'search_index_proposal_step'],
    ['work_order_steps', 'workOrderStep', 'search_index_work_order_step'],
    ['contract_concepts', 'concept', 'search_index_concept'],
    ['rental_clients', 'rentalClient', 'search_index_rental_client'],
    ['rental_projects', 'rentalProject', 'search_index_rental_project'],
    ['rental_equipment', 'equipment', 'search_index_equipment'],
    ['rental_maintenance_sheets', 'maintenanceSheet', 'search_index_maintenance_sheet'],
    ['rental_custody_chains', 'custodyChain', 'search_index_custody_chain'],
    ['rental_shipping_guides', 'shippingGuide', 'search_index_shipping_guide'],
  ]
  for (const [table, kind, indexer] of simple) {
    const fn = sql.raw(`search_on_${table}`)
    await sql`
      CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM search_drop(${sql.lit(kind)}, OLD.id);
          RETURN OLD;
        END IF;
        PERFORM ${sql.raw(indexer)}(NEW);
        RETURN NEW;
      END $fn$;
      CREATE TRIGGER search_documents_sync AFTER INSERT OR UPDATE OR DELETE ON ${sql.raw(table)}
        FOR EACH ROW EXECUTE FUNCTION ${fn}();
    `.execute(db)
  }

  // What exists already.
  await sql`
    SELECT search_index_proposal(t) FROM proposals t;
    SELECT search_index_proposal_step(t) FROM proposal_steps t;
    SELECT search_index_work_order(t) FROM work_orders t;
    SELECT search_index_work_order_step(t) FROM work_order_steps t;
    SELECT search_index_concept(t) FROM contract_concepts t;
    SELECT search_index_rental_client(t) FROM rental_clients t;
    SELECT search_index_rental_project(t) FROM rental_projects t;
    SELECT search_index_equipment(t) FROM rental_equipment t;
    SELECT search_index_maintenance_sheet(t) FROM rental_maintenance_sheets t;
    SELECT search_index_custody_chain(t) FROM rental_custody_chains t;
    SELECT search_index_shipping_guide(t) FROM rental_shipping_guides t;
  `.execute(db)
}
