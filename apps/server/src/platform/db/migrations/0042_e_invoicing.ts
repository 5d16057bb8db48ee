import { sql, type Kysely } from 'kysely'

/**
 * SRI electronic documents (docs/e-invoicing.md): each organization's issuer settings (RUC, establishment,
 * emission point, environment, the signing certificate sealed with its password, the next sequentials), and one
 * row per electronic document issued from a billing sheet (factura) or a shipping guide (guía de remisión):
 * the access key, the signed XML, the SRI's answers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE e_invoicing_settings (
      org_id uuid PRIMARY KEY REFERENCES organizations (id),
      ruc text NOT NULL CHECK (ruc ~ '^[0-9]{10}001$'),
      business_name text NOT NULL,
      trade_name text,
      main_address text NOT NULL,
      establishment text NOT NULL CHECK (establishment ~ '^[0-9]{3}$'),
      emission_point text NOT NULL CHECK (emission_point ~ '^[0-9]{3}$'),
      environment text NOT NULL CHECK (environment IN ('test', 'production')),
      keeps_accounts boolean NOT NULL DEFAULT true,
      certificate_sealed text NOT NULL,
      password_sealed text NOT NULL,
      certificate_subject text NOT NULL,
      certificate_serial text NOT NULL,
      certificate_expires_at timestamptz NOT NULL,
      certificate_is_test boolean NOT NULL DEFAULT false,
      next_invoice_sequential integer NOT NULL DEFAULT 1 CHECK (next_invoice_sequential BETWEEN 1 AND 999999999),
      next_guide_sequential integer NOT NULL DEFAULT 1 CHECK (next_guide_sequential BETWEEN 1 AND 999999999),
      updated_by uuid REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE e_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      kind text NOT NULL CHECK (kind IN ('invoice', 'shipping_guide')),
      source_id uuid NOT NULL,
      access_key text NOT NULL CHECK (access_key ~ '^[0-9]{49}$'),
      number text NOT NULL,
      environment text NOT NULL CHECK (environment IN ('test', 'production')),
      status text NOT NULL CHECK (status IN ('signed', 'sent', 'authorized', 'rejected')),
      signed_xml text NOT NULL,
      document jsonb NOT NULL,
      messages jsonb NOT NULL DEFAULT '[]',
      certificate_is_test boolean NOT NULL,
      authorization_number text,
      authorized_at timestamptz,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, access_key),
      UNIQUE (org_id, kind, number)
    );
    -- one live document per source: a rejected one may be issued again
    CREATE UNIQUE INDEX e_documents_live_source_uq ON e_documents (org_id, kind, source_id)
      WHERE status <> 'rejected';
    CREATE INDEX e_documents_source_idx ON e_documents (org_id, kind, source_id, created_at DESC);
  `.execute(db)
}
