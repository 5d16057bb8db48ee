import { sql, type Kysely } from 'kysely'

/**
 * Outgoing e-mail (docs/mail.md): each organization's SMTP settings (the password sealed with the
 * server's secret key, never stored in clear) and the log of every e-mail it sent or tried to send.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE mail_settings (
      org_id uuid PRIMARY KEY REFERENCES organizations (id),
      host text NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
      port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
      security text NOT NULL CHECK (security IN ('tls', 'starttls', 'none')),
      username text CHECK (length(username) <= 254),
      password_sealed text CHECK (length(password_sealed) <= 2000),
      from_address text NOT NULL CHECK (length(from_address) BETWEEN 3 AND 254),
      from_name text CHECK (length(from_name) <= 120),
      updated_by uuid REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE mail_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 80),
      recipients text[] NOT NULL CHECK (cardinality(recipients) BETWEEN 1 AND 50),
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
      text_body text NOT NULL,
      html_body text,
      -- [{fileId, name, size}]: files of the FileStore sent as attachments
      attachments jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text CHECK (length(last_error) <= 1000),
      smtp_message_id text,
      requested_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    );
    CREATE INDEX mail_messages_org_idx ON mail_messages (org_id, created_at DESC, id DESC);
  `.execute(db)
}
